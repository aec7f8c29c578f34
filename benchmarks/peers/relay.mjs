// A minimal Node gateway relaying the fake upstream (OpenAI chat completions) to its client as SSE, for the load
// harness. Usage: node relay.mjs ai-sdk|openai <upstream base URL, e.g. http://127.0.0.1:9000/v1>
// POST / with {"model": "...", "message": "..."} answers `data: {"content":"..."}` per text delta, then `data: [DONE]`.
// Prints "LISTENING <url>" once bound; exits when its standard input closes (the harness is gone).
import http from 'node:http';
import { createOpenAI } from '@ai-sdk/openai';
import { streamText } from 'ai';
import OpenAI from 'openai';

const [kind, baseURL] = process.argv.slice(2);
if (kind !== 'ai-sdk' && kind !== 'openai') {
  console.error('usage: node relay.mjs ai-sdk|openai <upstream base URL>');
  process.exit(2);
}

const apiKey = 'sk-load-test';
const aiSdk = createOpenAI({ baseURL, apiKey });
const openai = new OpenAI({ baseURL, apiKey, maxRetries: 0 });

async function* deltas(model, message, signal) {
  if (kind === 'ai-sdk') {
    const result = streamText({ model: aiSdk.chat(model), prompt: message, maxRetries: 0, abortSignal: signal });
    for await (const text of result.textStream) yield text;
  } else {
    const stream = await openai.chat.completions.create(
      { model, messages: [{ role: 'user', content: message }], stream: true, stream_options: { include_usage: true } },
      { signal });
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta?.content;
      if (text) yield text;
    }
  }
}

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  let body;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    res.writeHead(400).end();
    return;
  }
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  try {
    for await (const text of deltas(body.model, body.message ?? 'hi', abort.signal)) {
      res.write(`data: ${JSON.stringify({ content: text })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  } catch (error) {
    if (!abort.signal.aborted) res.end(`event: error\ndata: ${JSON.stringify({ error: String(error?.message ?? error) })}\n\n`);
  }
});
server.keepAliveTimeout = 60_000;
server.maxConnections = Infinity;
server.listen(0, '127.0.0.1', () => {
  console.log(`LISTENING http://127.0.0.1:${server.address().port}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
