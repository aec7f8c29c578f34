// The conversation list of a signed-in user (GET /api/conversations, newest first, searchable):
// open, rename, delete, export as JSON. Guests see an invitation instead.

import { getJson, sendJson, request, describeError, ApiError } from './api.js';
import { el, byId, askText, confirmAction, formatDate } from './dom.js';
import { state } from './state.js';
import { renderConversation, clearConversation, setStatus, stopStreaming } from './chat.js';

const list = byId('conversation-list');
const tools = byId('conversation-tools');
const search = byId('conversation-search');
const note = byId('conversation-note');
const sidebar = byId('sidebar');
const sidebarToggle = byId('sidebar-toggle');

let searchTimer = 0;
let loadVersion = 0;

/** Wires search and the phone layout's sidebar toggle. */
export function wireConversations() {
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => loadConversations(), 250);
  });
  sidebarToggle.addEventListener('click', () => setSidebar(!document.body.classList.contains('sidebar-open')));
  byId('new-chat-button').addEventListener('click', () => {
    clearConversation();
    markActive();
    setSidebar(false);
    byId('message-input').focus();
  });
}

function setSidebar(open) {
  document.body.classList.toggle('sidebar-open', open);
  sidebarToggle.setAttribute('aria-expanded', String(open));
}

/** Loads the list (again), keeping the search. */
export async function loadConversations() {
  const version = ++loadVersion;
  if (!state.me.signed_in) {
    tools.hidden = true;
    list.replaceChildren();
    note.textContent = state.accounts
      ? 'Guest chats stay in this tab only. Sign up to keep your conversations.'
      : 'Chats stay in this tab only.';
    return;
  }
  tools.hidden = false;
  const q = search.value.trim();
  let items;
  try {
    items = await getJson(`conversations?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  } catch (error) {
    if (version === loadVersion) {
      list.replaceChildren();
      note.textContent = error instanceof ApiError && error.status === 404
        ? 'This server does not store conversations.'
        : `Could not load the conversations: ${describeError(error)}`;
    }
    return;
  }
  if (version !== loadVersion) {
    return; // A newer search answered first.
  }
  items = Array.isArray(items) ? items : [];
  list.replaceChildren(...items.map(itemView));
  note.textContent = items.length === 0 ? (q ? 'No conversation matches.' : 'No conversations yet.') : '';
  markActive();
}

function itemView(item) {
  const open = el('button', {
    type: 'button', class: 'conversation-open', title: `${item.title || 'Untitled'} (${formatDate(item.updated_at)})`,
    onclick: () => openConversation(item.id),
  }, el('span', { class: 'conversation-title', text: item.title || 'Untitled' }), el('span', { class: 'conversation-date', text: formatDate(item.updated_at) }));
  const menu = el('div', { class: 'conversation-actions' },
    el('button', { type: 'button', class: 'icon-button small', title: 'Rename', 'aria-label': `Rename ${item.title || 'Untitled'}`, testid: 'conversation-rename', onclick: () => rename(item) }, '✎'),
    el('button', { type: 'button', class: 'icon-button small', title: 'Export as JSON', 'aria-label': `Export ${item.title || 'Untitled'}`, testid: 'conversation-export', onclick: () => exportConversation(item) }, '⤓'),
    el('button', { type: 'button', class: 'icon-button small danger', title: 'Delete', 'aria-label': `Delete ${item.title || 'Untitled'}`, testid: 'conversation-delete', onclick: () => remove(item) }, '🗑'));
  return el('li', { class: 'conversation-item', testid: 'conversation-item', dataset: { id: item.id } }, open, menu);
}

function markActive() {
  for (const item of list.children) {
    const active = item.dataset.id === state.conversationId;
    item.classList.toggle('active', active);
    item.querySelector('.conversation-open')?.setAttribute('aria-current', active ? 'true' : 'false');
  }
}

/** Opens a stored conversation (also from the #c=<id> of the address at start-up). */
export async function openConversation(id) {
  stopStreaming();
  let conversation;
  try {
    conversation = await getJson(`conversations/${encodeURIComponent(id)}`);
  } catch (error) {
    setStatus(error instanceof ApiError && error.status === 404 ? 'That conversation does not exist any more.' : `Could not open the conversation: ${describeError(error)}`);
    if (location.hash) {
      history.replaceState(null, '', location.pathname + location.search);
    }
    return;
  }
  state.chatId += 1;
  state.conversationId = conversation.id;
  state.messages = (Array.isArray(conversation.messages) ? conversation.messages : [])
    .filter((m) => m && (m.role === 'user' || m.role === 'assistant'))
    .map((m) => ({ ...m, content: typeof m.content === 'string' ? m.content : '' }));
  history.replaceState(null, '', `#c=${encodeURIComponent(conversation.id)}`);
  renderConversation();
  setStatus('');
  markActive();
  setSidebar(false);
}

async function rename(item) {
  const title = await askText('Rename the conversation', 'New title:', item.title || '');
  if (title === null || title.trim() === '') {
    return;
  }
  try {
    await sendJson('PATCH', `conversations/${encodeURIComponent(item.id)}`, { title: title.trim() });
    await loadConversations();
  } catch (error) {
    setStatus(`Could not rename: ${describeError(error)}`);
  }
}

async function remove(item) {
  if (!await confirmAction('Delete the conversation?', `"${item.title || 'Untitled'}" and all its messages will be deleted.`, 'Delete')) {
    return;
  }
  try {
    await request('DELETE', `conversations/${encodeURIComponent(item.id)}`);
    if (state.conversationId === item.id) {
      clearConversation();
    }
    await loadConversations();
  } catch (error) {
    setStatus(`Could not delete: ${describeError(error)}`);
  }
}

async function exportConversation(item) {
  try {
    const response = await request('GET', `conversations/${encodeURIComponent(item.id)}/export`);
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const safe = (item.title || 'conversation').replace(/[^\w.-]+/g, '-').slice(0, 60);
    const link = el('a', { href: url, download: `${safe || 'conversation'}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    setStatus(`Could not export: ${describeError(error)}`);
  }
}
