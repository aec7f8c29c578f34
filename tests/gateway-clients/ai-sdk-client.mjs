// The Vercel AI SDK (`ai` with `@ai-sdk/openai`, chat completions API) against the NxtAIGen gateway: streamed text with
// usage, a streamed tool call, and a non-streamed answer. Prints one JSON object.
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, jsonSchema, streamText, tool } from 'ai';

const provider = createOpenAI({ baseURL: process.env.GATEWAY_URL, apiKey: process.env.GATEWAY_KEY });
const model = provider.chat(process.env.GATEWAY_MODEL ?? 'fake/fake-1');
const out = {};
const errors = [];

// 1. Streamed text with usage.
const text = streamText({ model, prompt: 'Say hello.', maxRetries: 0, onError: ({ error }) => errors.push(String(error)) });
out.text = { content: '', parts: 0 };
for await (const part of text.textStream) {
  out.text.content += part;
  out.text.parts++;
}
out.text.finish_reason = await text.finishReason;
out.text.usage = await text.usage;
out.text.model = (await text.response).modelId;

// 2. A streamed tool call (no execute: the call is the answer).
const withTool = streamText({
  model,
  prompt: 'Weather in Paris?',
  maxRetries: 0,
  onError: ({ error }) => errors.push(String(error)),
  tools: {
    get_weather: tool({
      description: 'Gets the weather of a city.',
      inputSchema: jsonSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
    }),
  },
});
for await (const _ of withTool.fullStream) {
  // Drain the stream.
}
out.tool = {
  finish_reason: await withTool.finishReason,
  tool_calls: (await withTool.toolCalls).map(c => ({ id: c.toolCallId, name: c.toolName, input: c.input })),
  usage: await withTool.usage,
};

// 3. Not streamed.
const plain = await generateText({ model, prompt: 'Say hello.', maxRetries: 0 });
out.plain = { content: plain.text, usage: plain.usage, finish_reason: plain.finishReason };

out.errors = errors;
console.log(JSON.stringify(out));
