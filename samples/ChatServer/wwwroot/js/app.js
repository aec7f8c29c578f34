// NxtAIGen sample chat page: plain ES modules, no framework, no build step.
// Talks to the API of PROTOCOL.md and docs/chatserver-api.md under /api.

import { getJson, getCsrfToken } from './api.js';
import { byId } from './dom.js';
import { state, on } from './state.js';
import { restoreGuestSession, renderConversation, sendTurn, stopStreaming, clearConversation, setStatus, saveSession } from './chat.js';
import { wireProviderPickers, loadProviders, currentProvider } from './providers.js';
import { loadMe, wireAuth, openAuth } from './auth.js';
import { wireConversations, loadConversations, openConversation } from './conversations.js';
import { createAttachments } from './attachments.js';
import { wireTheme } from './theme.js';
import { wireSettings, loadUserSettings } from './settings.js';
import { wireAdmin } from './admin.js';

const input = byId('message-input');
const attachments = createAttachments({ list: byId('attachment-list'), errors: byId('attachment-errors'), getProvider: currentProvider });

async function start() {
  wireTheme();
  restoreGuestSession();
  wireComposer();
  wireProviderPickers();
  wireAuth();
  wireConversations();
  wireSettings();
  wireAdmin();
  on('account-changed', onAccountChanged);
  on('turn-finished', () => {
    loadLimits();
    if (state.me.signed_in) {
      loadConversations();
    }
  });
  on('conversation-created', () => loadConversations());
  on('quota', showQuotaFromDone);
  on('keys-changed', () => loadProviders());
  on('account-deleted', async () => {
    await loadMe();
    await onAccountChanged();
  });
  on('request-refused', (problem) => attachments.refuse(problem.error || problem.detail || 'The server refused the request.'));

  getCsrfToken();
  await loadMe();
  await enterAccount(true);
  input.focus();
  document.body.classList.add('ready');
}

/** Everything that depends on who is signed in. */
async function enterAccount(atStart) {
  let preferred = {};
  if (state.me.signed_in) {
    preferred = await loadUserSettings();
  }
  await loadProviders(preferred);
  loadLimits();
  await loadConversations();

  const match = /^#c=(.+)$/.exec(location.hash);
  if (state.me.signed_in && match) {
    await openConversation(decodeURIComponent(match[1]));
  } else if (atStart && !state.me.signed_in) {
    renderConversation(); // The guest's conversation of this tab.
  }
}

async function onAccountChanged() {
  // A new account sees none of the guest's tab conversation, and signing out leaves nothing behind.
  clearConversation();
  // The account's default provider and model (Settings) win over what the tab picked before.
  state.provider = null;
  state.model = null;
  saveSession();
  await enterAccount(false);
}

// ---------- Composer ----------

function wireComposer() {
  byId('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  input.addEventListener('input', resizeInput);
  byId('stop-button').addEventListener('click', stopStreaming);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.controller && !document.querySelector('dialog[open]')) {
      stopStreaming();
    }
  });

  const fileInput = byId('file-input');
  fileInput.addEventListener('change', async () => {
    await attachments.add(fileInput.files);
    fileInput.value = '';
  });
  input.addEventListener('paste', (event) => {
    const files = [...(event.clipboardData?.files || [])];
    if (files.length > 0) {
      event.preventDefault();
      attachments.add(files);
    }
  });

  const overlay = byId('drop-overlay');
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', (event) => {
    if (hasFiles(event)) {
      depth += 1;
      overlay.hidden = false;
    }
  });
  document.addEventListener('dragleave', (event) => {
    if (hasFiles(event)) {
      depth = Math.max(0, depth - 1);
      overlay.hidden = depth === 0;
    }
  });
  document.addEventListener('dragover', (event) => {
    if (hasFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  });
  document.addEventListener('drop', (event) => {
    if (hasFiles(event)) {
      event.preventDefault();
      depth = 0;
      overlay.hidden = true;
      attachments.add(event.dataTransfer.files);
    }
  });
}

async function send() {
  const text = input.value.trim();
  if (state.controller || !state.provider) {
    return;
  }
  if (text === '' && attachments.count === 0) {
    return;
  }
  const files = attachments.take();
  attachments.clearErrors();
  input.value = '';
  resizeInput();
  const sent = await sendTurn(text || 'Please look at the attached files.', files);
  if (!sent) {
    attachments.restore(files);
    input.value = text;
  }
}

function resizeInput() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 240)}px`;
}

// ---------- Quota ----------

/** GET /api/limits: guests see how many messages are left (and an invitation at 0), users their plan usage. */
let limitsVersion = 0;

async function loadLimits() {
  const version = ++limitsVersion;
  let limits;
  try {
    limits = await getJson('limits');
  } catch {
    return; // The host may not offer quotas.
  }
  if (version !== limitsVersion || !limits || typeof limits !== 'object') {
    return; // A newer answer (after signing in or out) wins over a late one.
  }
  if (limits.kind === 'guest') {
    showGuestRemaining(smallestRemaining(limits.remaining));
  } else {
    showUserUsage(limits);
  }
}

function smallestRemaining(remaining) {
  if (typeof remaining === 'number') {
    return remaining;
  }
  const values = Object.values(remaining || {}).filter((v) => typeof v === 'number' && v >= 0);
  return values.length === 0 ? null : Math.min(...values);
}

function showGuestRemaining(remaining) {
  const badge = byId('guest-remaining');
  byId('user-usage').hidden = true;
  if (remaining === null || state.me.signed_in) {
    badge.hidden = true;
    byId('signup-invite').hidden = true;
    return;
  }
  badge.hidden = false;
  badge.dataset.remaining = String(remaining);
  badge.textContent = `${remaining} guest ${remaining === 1 ? 'message' : 'messages'} left`;
  badge.classList.toggle('low', remaining <= 1);
  const exhausted = remaining <= 0;
  byId('signup-invite').hidden = !exhausted || !state.accounts;
  byId('guest-actions').classList.toggle('attention', exhausted);
}

function showUserUsage(limits) {
  if (!state.me.signed_in) {
    return;
  }
  byId('guest-remaining').hidden = true;
  byId('signup-invite').hidden = true;
  const usage = byId('user-usage');
  const parts = [];
  for (const [window, limit] of Object.entries(limits.limits || {})) {
    if (typeof limit === 'number' && limit >= 0) {
      parts.push(`${window}: ${limits.usage?.[window] ?? 0}/${limit}`);
    }
  }
  usage.hidden = parts.length === 0;
  usage.textContent = parts.length === 0 ? '' : `${limits.plan ? `${limits.plan} plan · ` : ''}${parts.join(' · ')}`;
}

function showQuotaFromDone(done) {
  if (!done) {
    return;
  }
  if (!state.me.signed_in && typeof done.remaining === 'number') {
    showGuestRemaining(done.remaining);
  } else if (done.rate_limits && typeof done.rate_limits === 'object') {
    const limits = { kind: 'user', limits: {}, usage: {} };
    for (const [window, value] of Object.entries(done.rate_limits)) {
      limits.limits[window] = value.limit;
      limits.usage[window] = value.used;
    }
    showUserUsage(limits);
  }
}

// Expose the sign-up dialog to the guest invitation (and to scripts driving the page).
export { openAuth, setStatus };

start();
