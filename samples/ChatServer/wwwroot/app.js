// NxtAIGen sample chat page: one module, no framework, no build step.
// Talks to the API described in PROTOCOL.md under the prefix /api.
// Model output is always rendered with DOM text nodes, never as HTML.

const API = '/api';
const STORAGE_KEY = 'nxtaigen.chat.v1';

const elements = {
  providerSelect: document.getElementById('provider-select'),
  modelSelect: document.getElementById('model-select'),
  reasoningToggle: document.getElementById('reasoning-toggle'),
  newChatButton: document.getElementById('new-chat-button'),
  providerNote: document.getElementById('provider-note'),
  conversation: document.getElementById('conversation'),
  emptyState: document.getElementById('empty-state'),
  status: document.getElementById('status'),
  composer: document.getElementById('composer'),
  input: document.getElementById('message-input'),
  sendButton: document.getElementById('send-button'),
  stopButton: document.getElementById('stop-button'),
};

const state = {
  providers: [],
  messages: [], // [{role: 'user'|'assistant', content: string}]
  provider: null,
  model: null,
  reasoning: false,
  controller: null, // AbortController of the running request
  chatId: 0, // Changes with "New chat", so that a late answer does not land in the new conversation
  csrfToken: null,
};

// ---------- Start-up ----------

async function start() {
  restoreSession();
  renderStoredMessages();
  wireEvents();
  await loadProviders();
  loadCsrfToken();
  loadLimits();
  elements.input.focus();
}

function wireEvents() {
  elements.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    sendMessage();
  });
  elements.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendMessage();
    }
  });
  elements.input.addEventListener('input', resizeInput);
  elements.stopButton.addEventListener('click', stopStreaming);
  elements.newChatButton.addEventListener('click', newChat);
  elements.providerSelect.addEventListener('change', () => selectProvider(elements.providerSelect.value));
  elements.modelSelect.addEventListener('change', () => {
    state.model = elements.modelSelect.value;
    saveSession();
  });
  elements.reasoningToggle.addEventListener('change', () => {
    state.reasoning = elements.reasoningToggle.checked;
    saveSession();
  });
}

// ---------- Session storage ----------

function restoreSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    if (saved && Array.isArray(saved.messages)) {
      state.messages = saved.messages.filter(
        (m) => m && (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string');
      state.provider = typeof saved.provider === 'string' ? saved.provider : null;
      state.model = typeof saved.model === 'string' ? saved.model : null;
      state.reasoning = saved.reasoning === true;
    }
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  elements.reasoningToggle.checked = state.reasoning;
}

function saveSession() {
  const data = { messages: state.messages, provider: state.provider, model: state.model, reasoning: state.reasoning };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    // Storage full or disabled: the conversation still works for this page view.
  }
}

function renderStoredMessages() {
  for (const message of state.messages) {
    if (message.role === 'user') {
      addUserMessage(message.content);
    } else {
      const view = addAssistantMessage();
      renderAnswer(view.answer, message.content);
    }
  }
  updateEmptyState();
}

function newChat() {
  stopStreaming();
  state.chatId += 1;
  state.messages = [];
  saveSession();
  for (const node of [...elements.conversation.children]) {
    if (node !== elements.emptyState) {
      node.remove();
    }
  }
  updateEmptyState();
  setStatus('');
  elements.input.value = '';
  resizeInput();
  elements.input.focus();
}

// ---------- Providers and models ----------

async function loadProviders() {
  let providers;
  try {
    providers = await getJson(`${API}/providers`);
  } catch (error) {
    elements.providerSelect.replaceChildren(new Option('Unavailable'));
    showProviderNote(`Could not load the providers: ${describeError(error)}`, true);
    return;
  }

  state.providers = (Array.isArray(providers) ? providers : []).filter((p) => p.enabled !== false);
  const select = elements.providerSelect;
  select.replaceChildren();
  for (const provider of state.providers) {
    const label = provider.configured ? provider.name || provider.id : `${provider.name || provider.id} (needs a key)`;
    select.append(new Option(label, provider.id));
  }
  if (state.providers.length === 0) {
    select.append(new Option('No providers'));
    showProviderNote('The server offers no providers.', true);
    return;
  }

  select.disabled = false;
  const remembered = state.providers.find((p) => p.id === state.provider);
  await selectProvider((remembered || chooseDefaultProvider(state.providers)).id, remembered ? state.model : null);
}

function chooseDefaultProvider(providers) {
  const configured = providers.filter((p) => p.configured);
  return configured.find((p) => p.id === 'demo') || configured[0] || providers[0];
}

async function selectProvider(id, preferredModel = null) {
  const provider = state.providers.find((p) => p.id === id);
  if (!provider) {
    return;
  }
  state.provider = id;
  elements.providerSelect.value = id;

  const capabilities = provider.capabilities || {};
  elements.reasoningToggle.disabled = capabilities.reasoning === false;
  elements.reasoningToggle.parentElement.title = capabilities.reasoning === false
    ? 'This provider does not offer reasoning options.' : 'Ask the model to think first.';

  if (!provider.configured) {
    showProviderNote(`${provider.name || provider.id} needs an API key. Ask the server admin to set `
      + `NxtAIGen__Providers__${provider.id}__ApiKey, or add your own key if you are signed in.`, false);
  } else {
    showProviderNote('', false);
  }

  await loadModels(provider, preferredModel);
  saveSession();
}

async function loadModels(provider, preferredModel) {
  const select = elements.modelSelect;
  select.disabled = true;
  select.replaceChildren(new Option('Loading…'));

  let models = [];
  try {
    const list = await getJson(`${API}/providers/${encodeURIComponent(provider.id)}/models`);
    models = Array.isArray(list) ? list.filter((m) => m && typeof m.id === 'string') : [];
  } catch (error) {
    if (provider.configured) {
      setStatus(`Could not list the models of ${provider.id}: ${describeError(error)}`);
    }
  }

  if (provider.default_model && !models.some((m) => m.id === provider.default_model)) {
    models.unshift({ id: provider.default_model, name: provider.default_model });
  }
  if (state.provider !== provider.id) {
    return; // The user picked another provider meanwhile.
  }

  select.replaceChildren();
  for (const model of models) {
    const label = model.name && model.name !== model.id ? `${model.name} (${model.id})` : model.id;
    select.append(new Option(label, model.id));
  }
  if (models.length === 0) {
    select.append(new Option('Default model', ''));
  }

  const wanted = [preferredModel, provider.default_model].find((id) => id && models.some((m) => m.id === id));
  select.value = wanted || select.options[0].value;
  state.model = select.value || null;
  select.disabled = false;
}

function showProviderNote(text, isError) {
  elements.providerNote.textContent = text;
  elements.providerNote.hidden = text === '';
  elements.providerNote.classList.toggle('error', isError);
}

// ---------- Quota and CSRF (both optional: failures are ignored) ----------

async function loadLimits() {
  try {
    const limits = await getJson(`${API}/limits`);
    const remaining = limits && limits.remaining ? firstNumber(limits.remaining) : null;
    if (remaining !== null && elements.status.textContent === '') {
      setStatus(`${remaining} ${remaining === 1 ? 'message' : 'messages'} left${limits.kind === 'guest' ? ' as a guest' : ''}.`);
    }
  } catch {
    // The host may not offer quotas.
  }
}

async function loadCsrfToken() {
  try {
    const data = await getJson(`${API}/antiforgery`);
    state.csrfToken = data && typeof data.token === 'string' ? data.token : null;
  } catch {
    state.csrfToken = null; // Guests need none.
  }
}

function firstNumber(value) {
  if (typeof value === 'number') {
    return value;
  }
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) {
      if (typeof item === 'number') {
        return item;
      }
    }
  }
  return null;
}

// ---------- Sending and streaming ----------

async function sendMessage() {
  const text = elements.input.value.trim();
  if (text === '' || state.controller || !state.provider) {
    return;
  }

  elements.input.value = '';
  resizeInput();
  state.messages.push({ role: 'user', content: text });
  saveSession();
  addUserMessage(text);
  updateEmptyState();

  const view = addAssistantMessage();
  view.article.setAttribute('aria-busy', 'true');
  const controller = new AbortController();
  state.controller = controller;
  setStreaming(true);
  setStatus('Waiting for the answer…');

  const body = {
    provider: state.provider,
    messages: state.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (state.model) {
    body.model = state.model;
  }
  if (state.reasoning && !elements.reasoningToggle.disabled) {
    body.reasoning = { effort: 'medium' };
  }

  const run = {
    chatId: state.chatId,
    view,
    answer: '',
    startedAt: performance.now(),
    firstTokenAt: null,
    finished: false,
    failed: false,
    renderScheduled: false,
  };

  try {
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    if (state.csrfToken) {
      headers['X-CSRF-TOKEN'] = state.csrfToken;
    }
    const response = await fetch(`${API}/chat/stream`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: controller.signal,
      credentials: 'same-origin',
    });

    if (!response.ok) {
      run.failed = true;
      showProblem(view, await readProblem(response));
      return;
    }
    if (!response.body || !(response.headers.get('Content-Type') || '').includes('text/event-stream')) {
      run.failed = true;
      showError(view, 'The server did not answer with an event stream.', 'internal');
      return;
    }

    await readEventStream(response.body, (name, data) => handleEvent(run, name, data));
    if (!run.finished) {
      run.failed = true;
      showError(view, 'The connection ended before the answer was complete.', 'incomplete');
    }
  } catch (error) {
    if (error.name === 'AbortError') {
      view.footer.textContent = 'Stopped.';
      view.article.classList.add('stopped');
    } else {
      run.failed = true;
      showError(view, `Could not reach the server: ${describeError(error)}`, 'network');
    }
  } finally {
    flushAnswer(run);
    finishTurn(run, text);
    view.article.setAttribute('aria-busy', 'false');
    if (state.controller === controller) {
      state.controller = null;
    }
    setStreaming(false);
  }
}

function finishTurn(run, userText) {
  if (run.chatId !== state.chatId) {
    return; // "New chat" was pressed meanwhile: this turn belongs to the old conversation.
  }
  if (run.answer !== '' && !run.failed) {
    // A complete answer, or the part shown before Stop.
    state.messages.push({ role: 'assistant', content: run.answer });
  } else {
    // Nothing usable came back: take the question out of the history so it can be sent again.
    const last = state.messages[state.messages.length - 1];
    if (last && last.role === 'user' && last.content === userText) {
      state.messages.pop();
    }
    run.view.article.classList.add('unsaved');
    if (elements.input.value === '') {
      elements.input.value = userText;
      resizeInput();
    }
  }
  saveSession();
}

function handleEvent(run, name, data) {
  let payload;
  try {
    payload = JSON.parse(data);
  } catch {
    return; // Not JSON: not an event of this protocol.
  }

  switch (name) {
    case 'start':
      run.view.meta.textContent = [payload.provider, payload.model].filter(Boolean).join(' · ');
      setStatus('Streaming…');
      break;
    case 'content':
      markFirstToken(run);
      run.answer += payload.content || '';
      scheduleRender(run);
      break;
    case 'thinking':
      markFirstToken(run);
      appendReasoning(run.view, payload.thinking || '');
      break;
    case 'tool_call':
      addToolCall(run.view, payload);
      break;
    case 'done':
      run.finished = true;
      closeReasoning(run.view);
      flushAnswer(run);
      showDone(run, payload);
      break;
    case 'error':
      run.finished = true;
      run.failed = true;
      closeReasoning(run.view);
      flushAnswer(run);
      showError(run.view, payload.error || 'The provider failed.', payload.code, payload.retry_after);
      break;
    default:
      break;
  }
}

function markFirstToken(run) {
  if (run.firstTokenAt === null) {
    run.firstTokenAt = performance.now();
  }
}

function stopStreaming() {
  if (state.controller) {
    state.controller.abort();
    state.controller = null;
    setStatus('Stopped.');
  }
}

function setStreaming(streaming) {
  elements.sendButton.hidden = streaming;
  elements.stopButton.hidden = !streaming;
  elements.providerSelect.disabled = streaming || state.providers.length === 0;
  elements.modelSelect.disabled = streaming;
  if (!streaming) {
    elements.input.focus();
  }
}

// ---------- Server-sent events ----------

// Reads an SSE body and calls onEvent(name, data) per event. Handles events split across reads,
// LF, CR and CRLF line endings (also a CRLF split between two reads), multi-line data and comments.
async function readEventStream(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser(onEvent);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}

function createSseParser(onEvent) {
  let buffer = '';
  let eventName = '';
  let dataLines = [];

  function feed(text) {
    buffer += text;
    let start = 0;
    for (;;) {
      const lf = buffer.indexOf('\n', start);
      const cr = buffer.indexOf('\r', start);
      if (lf === -1 && cr === -1) {
        break;
      }
      let end;
      let next;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        if (cr === buffer.length - 1) {
          break; // A CR at the end: its LF may come with the next read.
        }
        end = cr;
        next = buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      processLine(buffer.slice(start, end));
      start = next;
    }
    buffer = buffer.slice(start);
  }

  function processLine(line) {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) {
      return; // A comment, such as the ": ping" keep-alive.
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      eventName = value;
    } else if (field === 'data') {
      dataLines.push(value);
    }
  }

  function dispatch() {
    if (dataLines.length > 0) {
      onEvent(eventName || 'message', dataLines.join('\n'));
    }
    eventName = '';
    dataLines = [];
  }

  function end() {
    if (buffer.endsWith('\r')) {
      feed('\n');
    }
    // An event without its closing blank line is incomplete and dropped, as the SSE standard says.
    buffer = '';
  }

  return { feed, end };
}

// ---------- Errors before the stream ----------

async function readProblem(response) {
  const problem = { status: response.status, retryAfter: response.headers.get('Retry-After') };
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      Object.assign(problem, await response.json(), { status: response.status });
    } catch {
      // Keep the status only.
    }
  }
  return problem;
}

function showProblem(view, problem) {
  const message = problem.error || problem.detail || problem.title || `The server answered ${problem.status}.`;
  const code = problem.code || `http_${problem.status}`;
  let retry = null;
  if (problem.status === 429) {
    if (problem.reset_at) {
      retry = `Resets ${formatResetAt(problem.reset_at)}.`;
    } else if (problem.retryAfter) {
      retry = `Try again in ${formatSeconds(Number(problem.retryAfter))}.`;
    }
  }
  showError(view, message, code, null, retry);
}

function formatResetAt(resetAt) {
  const value = typeof resetAt === 'object' && resetAt !== null ? Object.values(resetAt)[0] : resetAt;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : `at ${date.toLocaleString()}`;
}

function formatSeconds(seconds) {
  if (!Number.isFinite(seconds)) {
    return 'a moment';
  }
  return seconds < 90 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`;
}

function describeError(error) {
  if (error && error.problem) {
    return error.problem.error || error.problem.detail || error.problem.title || `HTTP ${error.problem.status}`;
  }
  return error && error.message ? error.message : String(error);
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    const error = new Error(`HTTP ${response.status}`);
    error.problem = await readProblem(response);
    throw error;
  }
  return response.json();
}

// ---------- Rendering ----------

function addUserMessage(text) {
  const article = createElement('article', 'message user');
  article.append(createElement('h2', 'visually-hidden', 'You said'));
  const body = createElement('div', 'message-body');
  body.textContent = text;
  article.append(body);
  elements.conversation.append(article);
  scrollToEnd(true);
}

function addAssistantMessage() {
  const article = createElement('article', 'message assistant');
  article.append(createElement('h2', 'visually-hidden', 'Answer'));
  const meta = createElement('p', 'message-meta');
  const reasoning = createElement('details', 'reasoning');
  reasoning.hidden = true;
  reasoning.append(createElement('summary', '', 'Reasoning'));
  const reasoningText = createElement('div', 'reasoning-text');
  reasoning.append(reasoningText);
  const answer = createElement('div', 'message-body answer');
  const tools = createElement('div', 'tool-calls');
  const footer = createElement('p', 'message-footer');
  article.append(meta, reasoning, answer, tools, footer);
  elements.conversation.append(article);
  scrollToEnd(true);
  return { article, meta, reasoning, reasoningText, answer, tools, footer };
}

function appendReasoning(view, text) {
  if (view.reasoning.hidden) {
    view.reasoning.hidden = false;
    view.reasoning.open = true;
  }
  view.reasoningText.append(document.createTextNode(text));
  scrollToEnd(false);
}

function closeReasoning(view) {
  if (!view.reasoning.hidden) {
    view.reasoning.open = false;
  }
}

function addToolCall(view, call) {
  const block = createElement('div', 'tool-call');
  block.append(createElement('p', 'tool-call-title', `Tool call: ${call.name || 'unnamed'}`));
  const args = createElement('pre', 'tool-call-arguments');
  args.textContent = JSON.stringify(call.arguments ?? {}, null, 2);
  block.append(args);
  view.tools.append(block);
  scrollToEnd(false);
}

function scheduleRender(run) {
  if (!run.renderScheduled) {
    run.renderScheduled = true;
    requestAnimationFrame(() => flushAnswer(run));
  }
}

function flushAnswer(run) {
  run.renderScheduled = false;
  renderAnswer(run.view.answer, run.answer);
  scrollToEnd(false);
}

function showDone(run, done) {
  const parts = [];
  const reasons = { stop: 'Finished', length: 'Cut at the token limit', tool_calls: 'Waiting for tool results', content_filter: 'Stopped by the content filter' };
  parts.push(reasons[done.finish_reason] || `Finished (${done.finish_reason || 'unknown'})`);
  const usage = done.usage;
  if (usage) {
    let tokens = `${usage.input_tokens ?? '?'} in / ${usage.output_tokens ?? '?'} out tokens`;
    if (usage.reasoning_tokens) {
      tokens += ` (${usage.reasoning_tokens} reasoning)`;
    }
    parts.push(tokens);
  }
  const ttft = done.ttft_ms ?? (run.firstTokenAt === null ? null : Math.round(run.firstTokenAt - run.startedAt));
  if (ttft !== null && ttft !== undefined) {
    parts.push(`first token ${formatMs(ttft)}`);
  }
  parts.push(`total ${formatMs(done.elapsed_ms ?? Math.round(performance.now() - run.startedAt))}`);
  if (typeof done.remaining === 'number') {
    parts.push(`${done.remaining} ${done.remaining === 1 ? 'message' : 'messages'} left`);
  }
  run.view.footer.textContent = parts.join(' · ');
  if (done.finish_reason === 'length') {
    run.view.article.classList.add('truncated');
  }
  setStatus(done.finish_reason === 'length' ? 'The answer was cut at the token limit.' : 'Done.');
}

function showError(view, message, code, retryAfter = null, retryText = null) {
  const box = createElement('div', 'error-box');
  box.setAttribute('role', 'alert');
  box.append(createElement('strong', '', 'Error'));
  box.append(document.createTextNode(` ${message}`));
  if (code) {
    box.append(document.createTextNode(' '));
    box.append(createElement('code', 'error-code', code));
  }
  const retry = retryText || (typeof retryAfter === 'number' ? `Try again in ${formatSeconds(retryAfter)}.` : null);
  if (retry) {
    box.append(createElement('span', 'error-retry', ` ${retry}`));
  }
  view.article.append(box);
  view.article.classList.add('failed');
  setStatus(`Error: ${message}`);
  scrollToEnd(false);
}

function formatMs(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// A small, safe subset of Markdown, built from DOM nodes: fenced code blocks, paragraphs,
// bullet and numbered lists, inline `code` and **bold**. Everything else stays plain text.
function renderAnswer(container, text) {
  const nodes = [];
  const opening = /(^|\n)```([^\n`]*)\n/g;
  let position = 0;
  for (;;) {
    opening.lastIndex = position;
    const match = opening.exec(text);
    if (!match) {
      break;
    }
    nodes.push(...renderBlocks(text.slice(position, match.index + match[1].length)));
    const codeStart = match.index + match[0].length;
    const close = text.indexOf('\n```', codeStart - 1);
    const pre = createElement('pre', 'code-block');
    if (match[2].trim()) {
      pre.dataset.language = match[2].trim();
    }
    // While the answer streams, a block may not be closed yet: show what there is.
    pre.append(createElement('code', '', close === -1 ? text.slice(codeStart) : text.slice(codeStart, Math.max(codeStart, close))));
    nodes.push(pre);
    if (close === -1) {
      position = text.length;
      break;
    }
    const lineEnd = text.indexOf('\n', close + 4);
    position = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  nodes.push(...renderBlocks(text.slice(position)));
  container.replaceChildren(...nodes);
}

function renderBlocks(text) {
  const blocks = [];
  for (const chunk of text.split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) {
      continue;
    }
    const bullet = /^\s*[-*]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    if (lines.every((line) => bullet.test(line)) || lines.every((line) => numbered.test(line))) {
      const ordered = numbered.test(lines[0]);
      const list = createElement(ordered ? 'ol' : 'ul');
      for (const line of lines) {
        const item = createElement('li');
        appendInline(item, line.replace(ordered ? numbered : bullet, ''));
        list.append(item);
      }
      blocks.push(list);
    } else {
      const paragraph = createElement('p');
      lines.forEach((line, index) => {
        if (index > 0) {
          paragraph.append(createElement('br'));
        }
        appendInline(paragraph, line);
      });
      blocks.push(paragraph);
    }
  }
  return blocks;
}

function appendInline(parent, text) {
  const pattern = /`([^`\n]+)`|\*\*([^*\n]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parent.append(document.createTextNode(text.slice(last, match.index)));
    parent.append(match[1] !== undefined ? createElement('code', '', match[1]) : createElement('strong', '', match[2]));
    last = match.index + match[0].length;
  }
  parent.append(document.createTextNode(text.slice(last)));
}

function createElement(tag, className = '', text = null) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (text !== null) {
    element.textContent = text;
  }
  return element;
}

function setStatus(text) {
  elements.status.textContent = text;
}

function updateEmptyState() {
  elements.emptyState.hidden = elements.conversation.querySelector('.message') !== null;
}

function resizeInput() {
  const input = elements.input;
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 240)}px`;
}

function scrollToEnd(force) {
  const area = document.scrollingElement || document.documentElement;
  const nearEnd = area.scrollHeight - area.scrollTop - area.clientHeight < 160;
  if (force || nearEnd) {
    area.scrollTop = area.scrollHeight;
  }
}

start();
