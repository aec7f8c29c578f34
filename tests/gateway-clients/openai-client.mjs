// The official `openai` npm package against the NxtAIGen gateway: a streamed answer with usage, a streamed tool call
// (assembled by the SDK's own stream helper), a non-streamed answer and a refused key. Prints one JSON object.
import OpenAI from 'openai';

const model = process.env.GATEWAY_MODEL ?? 'fake/fake-1';
const client = new OpenAI({ baseURL: process.env.GATEWAY_URL, apiKey: process.env.GATEWAY_KEY, maxRetries: 0, timeout: 30_000 });
const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Gets the weather of a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

const out = {};

// 1. Streamed text with usage.
const stream = await client.chat.completions.create({
  model,
  messages: [{ role: 'user', content: 'Say hello.' }],
  stream: true,
  stream_options: { include_usage: true },
});
out.text = { content: '', chunks: 0 };
for await (const chunk of stream) {
  out.text.chunks++;
  out.text.id ??= chunk.id;
  out.text.model ??= chunk.model;
  const choice = chunk.choices[0];
  if (choice?.delta?.role) out.text.role = choice.delta.role;
  if (choice?.delta?.content) out.text.content += choice.delta.content;
  if (choice?.finish_reason) out.text.finish_reason = choice.finish_reason;
  if (chunk.usage) out.text.usage = chunk.usage;
}

// 2. A streamed tool call, assembled by the SDK's stream helper.
const runner = client.chat.completions.stream({
  model,
  messages: [{ role: 'user', content: 'Weather in Paris?' }],
  tools: [weather],
  stream_options: { include_usage: true },
});
const final = await runner.finalChatCompletion();
out.tool = {
  finish_reason: final.choices[0].finish_reason,
  tool_calls: final.choices[0].message.tool_calls,
  usage: final.usage,
};

// 3. Not streamed.
const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Say hello.' }] });
out.plain = { object: completion.object, content: completion.choices[0].message.content, usage: completion.usage };

// 4. A wrong key.
try {
  await new OpenAI({ baseURL: process.env.GATEWAY_URL, apiKey: 'wrong-key', maxRetries: 0 }).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
  out.refused = { status: 0 };
} catch (error) {
  out.refused = { status: error.status, code: error.code, type: error.type, name: error.constructor.name };
}

console.log(JSON.stringify(out));
