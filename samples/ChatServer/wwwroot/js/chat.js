// The conversation: rendering messages, sending a turn and streaming its answer over
// POST /api/chat/stream (PROTOCOL.md), Stop, regenerate, edit and resend, copy.

import { API, ApiError, getCsrfToken, readProblem, describeError, sendJson } from './api.js';
import { readEventStream } from './sse.js';
import { renderMarkdownInto, copyText } from './markdown.js';
import { el, byId, formatMs, formatBytes, extensionOf } from './dom.js';
import { state, emit, currentProvider } from './state.js';

const GUEST_STORAGE_KEY = 'nxtaigen.chat.v2';

const conversation = byId('conversation');
const emptyState = byId('empty-state');
const statusLine = byId('status');

/** Sets the status line under the conversation. */
export function setStatus(text) {
  statusLine.textContent = text;
}

// ---------- Guest storage (the tab's sessionStorage; file contents are not kept) ----------

/** Restores a guest's conversation and picks from this tab. */
export function restoreGuestSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(GUEST_STORAGE_KEY) || 'null');
    if (saved && typeof saved === 'object') {
      state.messages = Array.isArray(saved.messages) ? saved.messages.filter(isMessage) : [];
      state.provider = typeof saved.provider === 'string' ? saved.provider : null;
      state.model = typeof saved.model === 'string' ? saved.model : null;
      state.reasoning = saved.reasoning === true;
    }
  } catch {
    sessionStorage.removeItem(GUEST_STORAGE_KEY);
  }
}

function isMessage(m) {
  return m && (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string';
}

/** Saves the picks, and the guest's conversation (signed-in users' conversations live on the server). */
export function saveSession() {
  const data = { provider: state.provider, model: state.model, reasoning: state.reasoning, messages: [] };
  if (!state.me.signed_in) {
    data.messages = state.messages.filter((m) => !m.pending).map(stripFileData);
  }
  try {
    sessionStorage.setItem(GUEST_STORAGE_KEY, JSON.stringify(data));
  } catch {
    // Storage full or disabled: the conversation still works for this page view.
  }
}

function stripFileData(message) {
  if (!message.files) {
    return message;
  }
  return { ...message, files: message.files.map(({ name, media_type, size }) => ({ name, media_type, size })) };
}

// ---------- Rendering ----------

/** Replaces the shown conversation with state.messages. */
export function renderConversation() {
  for (const node of [...conversation.children]) {
    if (node !== emptyState) {
      node.remove();
    }
  }
  state.messages.forEach((message) => conversation.append(message.role === 'user' ? userView(message) : assistantView(message).article));
  updateActions();
  updateEmptyState();
  scrollToEnd(true);
}

function userView(message) {
  const body = el('div', { class: 'message-body', text: message.content });
  const article = el('article', { class: 'message user', testid: 'user-message' },
    el('h2', { class: 'visually-hidden', text: 'You said' }),
    body,
    filesView(message.files),
    el('div', { class: 'message-actions' },
      el('button', { type: 'button', class: 'button link small', testid: 'edit-message', title: 'Edit this message and send it again', onclick: () => beginEdit(message, article, body) }, 'Edit'),
      el('button', { type: 'button', class: 'button link small', testid: 'copy-message', onclick: (event) => copyText(message.content, event.currentTarget) }, 'Copy')));
  message.view = { article };
  return article;
}

function filesView(files) {
  if (!files || files.length === 0) {
    return null;
  }
  return el('ul', { class: 'message-files' }, files.map((file) => el('li', { class: 'attachment-chip small', testid: 'message-file' },
    file.data && file.media_type.startsWith('image/') ? el('img', { src: `data:${file.media_type};base64,${file.data}`, alt: '', class: 'attachment-thumb' }) : el('span', { class: 'attachment-icon', 'aria-hidden': 'true', text: extensionOf(file.name) }),
    el('span', { class: 'attachment-name', text: file.name }),
    typeof file.size === 'number' ? el('span', { class: 'attachment-size', text: formatBytes(file.size) }) : null)));
}

function assistantView(message) {
  const meta = el('p', { class: 'message-meta', testid: 'message-meta' });
  const reasoningSummary = el('summary', { text: 'Reasoning' });
  const reasoningText = el('div', { class: 'reasoning-text' });
  const reasoning = el('details', { class: 'reasoning', testid: 'reasoning-panel', hidden: true }, reasoningSummary, reasoningText);
  const answer = el('div', { class: 'message-body answer markdown', testid: 'answer-body' });
  const tools = el('div', { class: 'tool-calls' });
  const problems = el('div', { class: 'message-problems' });
  const footer = el('p', { class: 'message-footer', testid: 'message-footer' });
  const regenerate = el('button', { type: 'button', class: 'button link small', testid: 'regenerate', title: 'Ask again for a new answer', onclick: () => regenerateFrom(message) }, 'Regenerate');
  const copy = el('button', { type: 'button', class: 'button link small', testid: 'copy-answer', onclick: (event) => copyText(message.content, event.currentTarget) }, 'Copy');
  const actions = el('div', { class: 'message-actions' }, copy, regenerate);
  const article = el('article', { class: 'message assistant', testid: 'assistant-message' },
    el('h2', { class: 'visually-hidden', text: 'Answer' }), meta, reasoning, answer, tools, problems, footer, actions);
  const view = { article, meta, reasoning, reasoningSummary, reasoningText, answer, tools, problems, footer, actions, regenerate };
  message.view = view;
  paintAssistant(message);
  return view;
}

/** Paints a stored or finished assistant message completely. */
function paintAssistant(message) {
  const view = message.view;
  view.meta.textContent = [message.provider, message.model].filter(Boolean).join(' · ');
  if (message.reasoning) {
    view.reasoning.hidden = false;
    view.reasoningText.textContent = message.reasoning;
    view.reasoningSummary.textContent = reasoningLabel(message);
  }
  renderMarkdownInto(view.answer, message.content);
  view.footer.textContent = footerText(message);
  view.article.classList.toggle('stopped', message.stopped === true);
  view.article.classList.toggle('failed', Boolean(message.error));
  view.problems.replaceChildren();
  if (message.error) {
    view.problems.append(errorBox(message.error, message.error_code, message.retry_text));
  }
}

function reasoningLabel(message) {
  if (message.pending && !message.content) {
    return 'Thinking…';
  }
  return typeof message.reasoning_ms === 'number' ? `Reasoned for ${formatMs(message.reasoning_ms)}` : 'Reasoning';
}

function footerText(message) {
  const parts = [];
  if (message.stopped) {
    parts.push('Stopped');
  } else if (message.finish_reason === 'length') {
    parts.push('Cut at the token limit');
  } else if (message.finish_reason === 'content_filter') {
    parts.push('Stopped by the content filter');
  }
  const usage = message.usage;
  if (usage && (usage.input_tokens != null || usage.output_tokens != null)) {
    let tokens = `${usage.input_tokens ?? '?'} in · ${usage.output_tokens ?? '?'} out tokens`;
    if (usage.reasoning_tokens) {
      tokens += ` (${usage.reasoning_tokens} reasoning)`;
    }
    parts.push(tokens);
  }
  if (typeof message.ttft_ms === 'number') {
    parts.push(`first token ${formatMs(message.ttft_ms)}`);
  }
  if (typeof message.elapsed_ms === 'number') {
    parts.push(`total ${formatMs(message.elapsed_ms)}`);
  }
  return parts.join(' · ');
}

function errorBox(message, code, retryText) {
  return el('div', { class: 'error-box', role: 'alert', testid: 'error-box' },
    el('strong', { text: 'Error' }), ` ${message}`,
    code ? el('code', { class: 'error-code', text: code }) : null,
    retryText ? el('span', { class: 'error-retry', text: ` ${retryText}` }) : null);
}

/** Shows Regenerate only on the last answer, and hides edit/regenerate while streaming. */
function updateActions() {
  const busy = state.controller !== null;
  const lastAssistant = [...state.messages].reverse().find((m) => m.role === 'assistant');
  for (const message of state.messages) {
    if (message.role === 'assistant' && message.view) {
      message.view.regenerate.hidden = busy || message !== lastAssistant;
    }
    if (message.view) {
      message.view.article.classList.toggle('busy', busy);
    }
  }
}

function updateEmptyState() {
  emptyState.hidden = state.messages.length > 0;
}

function scrollToEnd(force) {
  const nearEnd = conversation.scrollHeight - conversation.scrollTop - conversation.clientHeight < 160;
  if (force || nearEnd) {
    conversation.scrollTop = conversation.scrollHeight;
  }
}

// ---------- Edit and resend, regenerate ----------

function beginEdit(message, article, body) {
  if (state.controller) {
    return;
  }
  const editor = el('textarea', { class: 'edit-input', testid: 'edit-input', rows: 3 });
  editor.value = message.content;
  const save = el('button', { type: 'button', class: 'button primary small', testid: 'edit-send' }, 'Send');
  const cancel = el('button', { type: 'button', class: 'button secondary small' }, 'Cancel');
  const form = el('div', { class: 'edit-form' }, editor, el('div', { class: 'edit-actions' }, save, cancel));
  body.hidden = true;
  article.append(form);
  editor.focus();
  cancel.addEventListener('click', () => {
    form.remove();
    body.hidden = false;
  });
  save.addEventListener('click', () => {
    const text = editor.value.trim();
    if (text === '') {
      return;
    }
    const index = state.messages.indexOf(message);
    if (index === -1) {
      return;
    }
    // What follows the edited message is replaced: the server does the same for stored conversations.
    const files = (message.files || []).filter((f) => f.data);
    state.messages = state.messages.slice(0, index);
    renderConversation();
    sendTurn(text, files);
  });
}

function regenerateFrom(message) {
  if (state.controller) {
    return;
  }
  const index = state.messages.indexOf(message);
  if (index <= 0) {
    return;
  }
  const user = state.messages[index - 1];
  if (!user || user.role !== 'user') {
    return;
  }
  state.messages = state.messages.slice(0, index - 1);
  renderConversation();
  sendTurn(user.content, (user.files || []).filter((f) => f.data));
}

// ---------- Sending and streaming ----------

/** Stops the running generation at once (the server then cancels the provider and saves what came). */
export function stopStreaming() {
  if (state.controller) {
    state.controller.abort();
  }
}

/** The history sent to the model: failed turns (no answer) and unsent parts left out. */
function historyForRequest(messages) {
  const out = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (m.pending) {
      continue;
    }
    if (m.role === 'user') {
      const next = messages[i + 1];
      const last = i === messages.length - 1 || (next && next.pending);
      if (!last && next && next.role === 'assistant' && !next.content && next.error) {
        i++; // The turn failed: neither the question nor the error goes to the model.
        continue;
      }
      const item = { role: 'user', content: m.content };
      const files = (m.files || []).filter((f) => f.data);
      if (last && files.length > 0) {
        item.files = files.map(({ name, media_type, data }) => ({ name, media_type, data }));
      }
      out.push(item);
    } else if (m.content) {
      out.push({ role: 'assistant', content: m.content });
    }
  }
  return out;
}

/**
 * Sends one user turn and streams the answer.
 * @param {string} text The message.
 * @param {{name: string, media_type: string, size: number, data: string}[]} files Attachments.
 * @param {{ensureConversation?: () => Promise<void>}} [hooks]
 * @returns {Promise<boolean>} False when nothing was sent (busy, or no provider).
 */
export async function sendTurn(text, files = []) {
  if (state.controller || !state.provider) {
    return false;
  }
  const chatId = state.chatId;
  const controller = new AbortController();
  state.controller = controller;
  setStreaming(true);

  try {
    if (state.me.signed_in && !state.conversationId) {
      await ensureConversation(text);
      if (chatId !== state.chatId) {
        return true;
      }
    }
  } catch (error) {
    setStatus(`Could not create the conversation: ${describeError(error)}`);
  }

  const user = { role: 'user', content: text, files: files.length > 0 ? files : undefined, created_at: new Date().toISOString() };
  state.messages.push(user);
  conversation.append(userView(user));
  const assistant = { role: 'assistant', content: '', pending: true, provider: state.provider, model: state.model || undefined };
  state.messages.push(assistant);
  const view = assistantView(assistant);
  conversation.append(view.article);
  view.article.setAttribute('aria-busy', 'true');
  updateEmptyState();
  updateActions();
  scrollToEnd(true);
  saveSession();
  setStatus('Waiting for the answer…');

  const body = { provider: state.provider, messages: historyForRequest(state.messages) };
  if (state.model) {
    body.model = state.model;
  }
  const provider = currentProvider();
  if (state.reasoning && !(provider && provider.capabilities && provider.capabilities.reasoning === false)) {
    body.reasoning = { effort: 'medium' };
  }
  if (state.conversationId) {
    body.conversation_id = state.conversationId;
  }

  const run = {
    assistant, view, hasFiles: files.length > 0, startedAt: performance.now(), firstThinkingAt: null, firstContentAt: null, finished: false, renderScheduled: false,
  };

  try {
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    const token = await getCsrfToken();
    if (token) {
      headers['X-CSRF-TOKEN'] = token;
    }
    const response = await fetch(`${API}/chat/stream`, {
      method: 'POST', headers, body: JSON.stringify(body), signal: controller.signal, credentials: 'same-origin', cache: 'no-store',
    });
    if (!response.ok) {
      failBeforeStream(run, await readProblem(response));
      return true;
    }
    if (!response.body || !(response.headers.get('Content-Type') || '').includes('text/event-stream')) {
      fail(run, 'The server did not answer with an event stream.', 'internal');
      return true;
    }
    await readEventStream(response.body, (name, data) => handleEvent(run, name, data));
    if (!run.finished) {
      fail(run, 'The connection ended before the answer was complete.', 'incomplete');
    }
  } catch (error) {
    if (error && error.name === 'AbortError') {
      assistant.stopped = true;
      setStatus('Stopped.');
    } else {
      fail(run, `Could not reach the server: ${describeError(error)}`, 'network');
    }
  } finally {
    finishRun(run);
    if (state.controller === controller) {
      state.controller = null;
    }
    setStreaming(false);
    if (chatId === state.chatId) {
      updateActions();
      saveSession();
      emit('turn-finished', { assistant });
    }
  }
  return true;
}

async function ensureConversation(text) {
  try {
    const created = await sendJson('POST', 'conversations', { title: titleFrom(text) });
    if (created && created.id) {
      state.conversationId = created.id;
      history.replaceState(null, '', `#c=${encodeURIComponent(created.id)}`);
      emit('conversation-created', created);
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return; // The server stores no conversations: chat without one.
    }
    throw error;
  }
}

/** A title from the first message: its first line, at most 60 characters. */
export function titleFrom(text) {
  const line = text.split('\n').find((l) => l.trim() !== '') || 'New chat';
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line.trim();
}

function handleEvent(run, name, data) {
  let payload;
  try {
    payload = JSON.parse(data);
  } catch {
    return; // Not JSON: not an event of this protocol.
  }
  const { assistant, view } = run;
  switch (name) {
    case 'start':
      assistant.provider = payload.provider || assistant.provider;
      assistant.model = payload.model || assistant.model;
      view.meta.textContent = [assistant.provider, assistant.model].filter(Boolean).join(' · ');
      setStatus('Streaming…');
      break;
    case 'thinking':
      if (run.firstThinkingAt === null) {
        run.firstThinkingAt = performance.now();
        view.reasoning.hidden = false;
        view.reasoning.open = true;
        view.reasoningSummary.textContent = 'Thinking…';
      }
      assistant.reasoning = (assistant.reasoning || '') + (payload.thinking || '');
      view.reasoningText.append(document.createTextNode(payload.thinking || ''));
      scrollToEnd(false);
      break;
    case 'content':
      if (run.firstContentAt === null) {
        run.firstContentAt = performance.now();
        endReasoning(run);
      }
      assistant.content += payload.content || '';
      scheduleRender(run);
      break;
    case 'tool_call':
      view.tools.append(el('div', { class: 'tool-call' },
        el('p', { class: 'tool-call-title', text: `Tool call: ${payload.name || 'unnamed'}` }),
        el('pre', { class: 'tool-call-arguments', text: JSON.stringify(payload.arguments ?? {}, null, 2) })));
      break;
    case 'done':
      run.finished = true;
      endReasoning(run);
      assistant.finish_reason = payload.finish_reason || null;
      assistant.usage = payload.usage || null;
      assistant.elapsed_ms = payload.elapsed_ms ?? Math.round(performance.now() - run.startedAt);
      assistant.ttft_ms = payload.ttft_ms ?? (run.firstContentAt === null ? undefined : Math.round(run.firstContentAt - run.startedAt));
      setStatus(payload.finish_reason === 'length' ? 'The answer was cut at the token limit.' : '');
      emit('quota', payload);
      break;
    case 'error':
      run.finished = true;
      endReasoning(run);
      assistant.error = payload.error || 'The provider failed.';
      assistant.error_code = payload.code || null;
      assistant.retry_text = typeof payload.retry_after === 'number' ? `Try again in ${formatSeconds(payload.retry_after)}.` : null;
      setStatus(`Error: ${assistant.error}`);
      break;
    default:
      break;
  }
}

function endReasoning(run) {
  if (run.firstThinkingAt !== null && run.assistant.reasoning_ms === undefined) {
    run.assistant.reasoning_ms = Math.round(performance.now() - run.firstThinkingAt);
    run.view.reasoning.open = false;
  }
}

function scheduleRender(run) {
  if (!run.renderScheduled) {
    run.renderScheduled = true;
    requestAnimationFrame(() => {
      run.renderScheduled = false;
      if (run.assistant.pending) {
        renderMarkdownInto(run.view.answer, run.assistant.content, { copyButtons: false });
        scrollToEnd(false);
      }
    });
  }
}

function failBeforeStream(run, problem) {
  let retry = null;
  if (problem.status === 429) {
    const reset = problem.reset_at && typeof problem.reset_at === 'object' ? Object.values(problem.reset_at)[0] : problem.reset_at;
    if (reset && !Number.isNaN(new Date(reset).getTime())) {
      retry = `Resets at ${new Date(reset).toLocaleString()}.`;
    } else if (problem.retry_after_header) {
      retry = `Try again in ${formatSeconds(Number(problem.retry_after_header))}.`;
    }
  }
  fail(run, problem.error || problem.detail || problem.title || `The server answered ${problem.status}.`, problem.code || `http_${problem.status}`, retry);
  if (problem.code === 'guest_limit') {
    emit('quota', { remaining: 0, limit_reached: true });
  }
  if (run.hasFiles && (problem.status === 400 || problem.status === 413)) {
    emit('request-refused', problem);
  }
}

function fail(run, message, code, retryText = null) {
  run.finished = true;
  run.assistant.error = message;
  run.assistant.error_code = code;
  run.assistant.retry_text = retryText;
  setStatus(`Error: ${message}`);
}

function finishRun(run) {
  const { assistant, view } = run;
  delete assistant.pending;
  if (assistant.elapsed_ms === undefined) {
    assistant.elapsed_ms = Math.round(performance.now() - run.startedAt);
    if (run.firstContentAt !== null) {
      assistant.ttft_ms = Math.round(run.firstContentAt - run.startedAt);
    }
  }
  endReasoning(run);
  paintAssistant(assistant);
  view.article.setAttribute('aria-busy', 'false');
  scrollToEnd(false);
}

function formatSeconds(seconds) {
  if (!Number.isFinite(seconds)) {
    return 'a moment';
  }
  return seconds < 90 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`;
}

function setStreaming(streaming) {
  byId('send-button').hidden = streaming;
  byId('stop-button').hidden = !streaming;
  byId('provider-select').disabled = streaming || state.providers.length === 0;
  byId('model-select').disabled = streaming;
  document.body.classList.toggle('streaming', streaming);
  updateActions();
  if (!streaming) {
    byId('message-input').focus();
  }
}

/** Clears the conversation shown (a new chat), cancelling a running answer. */
export function clearConversation() {
  stopStreaming();
  state.chatId += 1;
  state.messages = [];
  state.conversationId = null;
  if (location.hash) {
    history.replaceState(null, '', location.pathname + location.search);
  }
  renderConversation();
  saveSession();
  setStatus('');
}
