// Settings of a signed-in user: my provider keys (shown masked only: add, replace, remove, test),
// default provider and model, plan and usage, OpenAI-gateway tokens (when the server offers them),
// and deleting the account.

import { ApiError, getJson, sendJson, request, describeError, refreshCsrfToken } from './api.js';
import { el, byId, wireDialog, confirmAction, formatDate } from './dom.js';
import { state, emit } from './state.js';
import { modelsOf } from './providers.js';

const dialog = byId('settings-dialog');
const content = byId('settings-content');

/** Wires the Settings button. */
export function wireSettings() {
  wireDialog(dialog);
  byId('settings-button').addEventListener('click', openSettings);
}

/** The user's default provider and model (GET /api/settings), or empty when unset or not offered. */
export async function loadUserSettings() {
  try {
    const settings = await getJson('settings');
    return { provider: settings?.default_provider || null, model: settings?.default_model || null };
  } catch {
    return {};
  }
}

async function openSettings() {
  content.replaceChildren(el('p', { class: 'hint', text: 'Loading…' }));
  dialog.showModal();
  const sections = await Promise.all([keysSection(), defaultsSection(), planSection(), tokensSection(), accountSection()]);
  content.replaceChildren(...sections.filter(Boolean));
}

function section(title, testid, ...children) {
  return el('section', { class: 'settings-section', testid }, el('h3', { text: title }), ...children);
}

function message(kind = 'hint') {
  return el('p', { class: kind === 'error' ? 'form-error' : 'hint', role: kind === 'error' ? 'alert' : null });
}

// ---------- My keys ----------

/**
 * A key manager (also used by the admin panel for server-wide keys).
 * @param {string} basePath `keys` or `admin/keys`.
 * @param {{testable?: boolean, intro?: string}} options
 */
export async function keyManager(basePath, { testable = true, intro = '' } = {}) {
  const box = el('div', { class: 'key-manager' });
  const status = message();
  const error = message('error');

  async function refresh() {
    let keys;
    try {
      keys = await getJson(basePath);
    } catch (err) {
      box.replaceChildren(el('p', { class: 'form-error', text: `Could not load the keys: ${describeError(err)}` }));
      return;
    }
    keys = Array.isArray(keys) ? keys : [];
    const providerSelect = el('select', { testid: 'key-provider-select', 'aria-label': 'Provider' },
      state.providers.filter((p) => p.id !== 'demo').map((p) => new Option(p.name || p.id, p.id)));
    const keyInput = el('input', { type: 'password', testid: 'key-input', placeholder: 'Paste the API key', autocomplete: 'off', spellcheck: 'false', 'aria-label': 'API key' });
    const save = el('button', { type: 'submit', class: 'button primary', testid: 'key-save' }, 'Save key');
    const form = el('form', { class: 'key-form' }, providerSelect, keyInput, save);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = keyInput.value.trim();
      if (key === '') {
        error.textContent = 'Paste a key first.';
        return;
      }
      save.disabled = true;
      error.textContent = '';
      try {
        await sendJson('PUT', `${basePath}/${encodeURIComponent(providerSelect.value)}`, { api_key: key });
        keyInput.value = '';
        status.textContent = `Saved the key for ${providerSelect.value}.`;
        await refresh();
        emit('keys-changed');
      } catch (err) {
        error.textContent = `Could not save the key: ${describeError(err)}`;
      } finally {
        save.disabled = false;
      }
    });

    const rows = keys.map((key) => {
      const test = testable ? el('button', { type: 'button', class: 'button secondary small', testid: 'key-test' }, 'Test') : null;
      const replace = el('button', { type: 'button', class: 'button secondary small', testid: 'key-replace' }, 'Replace');
      const remove = el('button', { type: 'button', class: 'button danger small', testid: 'key-remove' }, 'Remove');
      const result = el('span', { class: 'key-result', testid: 'key-test-result' });
      const row = el('tr', { testid: 'key-row', dataset: { provider: key.provider } },
        el('td', { text: key.provider }),
        el('td', {}, el('code', { testid: 'key-masked', text: key.masked || '••••' })),
        el('td', { class: 'muted', text: formatDate(key.updated_at) }),
        el('td', { class: 'row-actions' }, test, replace, remove, result));
      test?.addEventListener('click', async () => {
        result.textContent = 'Testing…';
        result.className = 'key-result';
        try {
          const answer = await sendJson('POST', `${basePath}/${encodeURIComponent(key.provider)}/test`, {});
          result.textContent = answer && answer.ok ? 'Works' : `Refused: ${answer?.error || 'unknown error'}`;
          result.classList.add(answer && answer.ok ? 'ok' : 'bad');
        } catch (err) {
          result.textContent = `Could not test: ${describeError(err)}`;
          result.classList.add('bad');
        }
      });
      replace.addEventListener('click', () => {
        providerSelect.value = key.provider;
        keyInput.focus();
        status.textContent = `Paste the new key for ${key.provider} and save: it replaces the old one.`;
      });
      remove.addEventListener('click', async () => {
        if (!await confirmAction('Remove the key?', `The key for ${key.provider} will be deleted.`, 'Remove')) {
          return;
        }
        try {
          await request('DELETE', `${basePath}/${encodeURIComponent(key.provider)}`);
          status.textContent = `Removed the key for ${key.provider}.`;
          await refresh();
          emit('keys-changed');
        } catch (err) {
          error.textContent = `Could not remove the key: ${describeError(err)}`;
        }
      });
      return row;
    });
    box.replaceChildren(
      intro ? el('p', { class: 'hint', text: intro }) : null,
      rows.length > 0
        ? el('table', { class: 'data-table', testid: 'key-table' }, el('thead', {}, el('tr', {}, el('th', { text: 'Provider' }), el('th', { text: 'Key' }), el('th', { text: 'Updated' }), el('th', { text: '' }))), el('tbody', {}, rows))
        : el('p', { class: 'hint', testid: 'key-empty', text: 'No keys stored.' }),
      form, status, error);
  }

  await refresh();
  return box;
}

async function keysSection() {
  return section('My provider keys', 'settings-keys', await keyManager('keys', {
    intro: 'Your own keys are used for your requests before any server-wide key. They are stored encrypted and never shown again, only masked.',
  }));
}

// ---------- Defaults ----------

async function defaultsSection() {
  let settings;
  try {
    settings = await getJson('settings');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    return section('Defaults', 'settings-defaults', el('p', { class: 'form-error', text: describeError(error) }));
  }
  const providerSelect = el('select', { testid: 'default-provider-select', 'aria-label': 'Default provider' },
    new Option('(server default)', ''), state.providers.map((p) => new Option(p.name || p.id, p.id)));
  const modelSelect = el('select', { testid: 'default-model-select', 'aria-label': 'Default model' });
  const status = message();

  async function fillModels(selected) {
    modelSelect.replaceChildren(new Option('(provider default)', ''));
    if (!providerSelect.value) {
      return;
    }
    try {
      for (const model of await modelsOf(providerSelect.value)) {
        addModelOption(model);
      }
    } catch {
      // No models listed: the provider default applies.
    }
    if (selected && [...modelSelect.options].some((o) => o.value === selected)) {
      modelSelect.value = selected;
    }
  }
  function addModelOption(model) {
    modelSelect.append(new Option(model.name && model.name !== model.id ? `${model.name} (${model.id})` : model.id, model.id));
  }

  providerSelect.value = settings?.default_provider || '';
  await fillModels(settings?.default_model);
  providerSelect.addEventListener('change', () => fillModels(null));
  const save = el('button', { type: 'submit', class: 'button primary', testid: 'defaults-save' }, 'Save');
  const form = el('form', { class: 'inline-form' },
    el('label', { class: 'stacked' }, 'Provider', providerSelect),
    el('label', { class: 'stacked' }, 'Model', modelSelect), save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await sendJson('PUT', 'settings', { default_provider: providerSelect.value || null, default_model: modelSelect.value || null });
      status.textContent = 'Saved. New chats start with these.';
    } catch (error) {
      status.textContent = `Could not save: ${describeError(error)}`;
    }
  });
  return section('Defaults', 'settings-defaults', form, status);
}

// ---------- Plan and usage ----------

async function planSection() {
  let limits;
  try {
    limits = await getJson('limits');
  } catch {
    return null;
  }
  const windows = Object.keys(limits?.limits || {});
  const rows = windows.map((window) => {
    const limit = limits.limits[window];
    const used = limits.usage?.[window] ?? 0;
    const remaining = limits.remaining?.[window];
    const reset = limits.reset_at?.[window];
    const unlimited = typeof limit !== 'number' || limit < 0;
    const meter = unlimited ? el('span', { class: 'muted', text: 'unlimited' })
      : el('meter', { min: 0, max: limit, value: Math.min(used, limit), low: limit * 0.7, high: limit * 0.9, optimum: 0 });
    return el('tr', { testid: 'plan-window' },
      el('td', { text: window }),
      el('td', { text: unlimited ? `${used}` : `${used} / ${limit}` }),
      el('td', {}, meter),
      el('td', { class: 'muted', text: unlimited ? '' : `${remaining ?? limit - used} left${reset ? `, resets ${formatDate(reset)}` : ''}` }));
  });
  return section('Plan and usage', 'settings-plan',
    el('p', {}, 'Plan: ', el('strong', { testid: 'plan-name', text: limits?.plan || 'default' })),
    rows.length > 0 ? el('table', { class: 'data-table' }, el('tbody', {}, rows)) : el('p', { class: 'hint', text: 'No limits apply.' }));
}

// ---------- Gateway tokens ----------

async function tokensSection() {
  let tokens;
  try {
    tokens = await getJson('gateway/tokens');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
      return null; // This server has no OpenAI-compatible gateway.
    }
    return section('Gateway tokens', 'settings-tokens', el('p', { class: 'form-error', text: describeError(error) }));
  }
  const box = el('div');
  const created = el('div', { class: 'token-created', testid: 'token-created', role: 'status' });

  function render(list) {
    const rows = list.map((token) => {
      const revoke = el('button', { type: 'button', class: 'button danger small', testid: 'token-revoke' }, 'Revoke');
      revoke.addEventListener('click', async () => {
        if (!await confirmAction('Revoke the token?', `Clients using "${token.name}" will be refused.`, 'Revoke')) {
          return;
        }
        try {
          await request('DELETE', `gateway/tokens/${encodeURIComponent(token.id)}`);
          render(await getJson('gateway/tokens'));
        } catch (error) {
          created.textContent = `Could not revoke: ${describeError(error)}`;
        }
      });
      return el('tr', { testid: 'token-row' },
        el('td', { text: token.name }), el('td', {}, el('code', { text: token.hint || '' })),
        el('td', { class: 'muted', text: formatDate(token.created_at) }),
        el('td', { class: 'muted', text: token.last_used_at ? `used ${formatDate(token.last_used_at)}` : 'never used' }),
        el('td', {}, revoke));
    });
    const name = el('input', { type: 'text', testid: 'token-name', placeholder: 'Name (e.g. my laptop)', required: true, maxlength: 100, 'aria-label': 'Token name' });
    const form = el('form', { class: 'key-form' }, name, el('button', { type: 'submit', class: 'button primary', testid: 'token-create' }, 'Create token'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const token = await sendJson('POST', 'gateway/tokens', { name: name.value.trim() });
        render(await getJson('gateway/tokens'));
        created.replaceChildren(
          el('p', {}, 'Copy the token now: it is not shown again.'),
          el('code', { class: 'token-value', testid: 'token-value', text: token.token }));
      } catch (error) {
        created.textContent = `Could not create: ${describeError(error)}`;
      }
    });
    box.replaceChildren(
      el('p', { class: 'hint', text: `Use a token as the API key of any OpenAI client, with the base URL ${location.origin}/v1.` }),
      rows.length > 0 ? el('table', { class: 'data-table' }, el('tbody', {}, rows)) : el('p', { class: 'hint', text: 'No tokens.' }),
      form, created);
  }

  render(Array.isArray(tokens) ? tokens : []);
  return section('Gateway tokens', 'settings-tokens', box);
}

// ---------- Account ----------

async function accountSection() {
  const remove = el('button', { type: 'button', class: 'button danger', testid: 'delete-account' }, 'Delete my account');
  const status = message('error');
  remove.addEventListener('click', async () => {
    if (!await confirmAction('Delete your account?', 'Your conversations, keys, settings and usage are deleted for good.', 'Delete my account')) {
      return;
    }
    try {
      await request('DELETE', 'me');
      dialog.close();
      await refreshCsrfToken();
      state.me = { signed_in: false, is_admin: false };
      emit('account-deleted');
    } catch (error) {
      status.textContent = `Could not delete the account: ${describeError(error)}`;
    }
  });
  return section('Account', 'settings-account', el('p', {}, 'Signed in as ', el('strong', { text: state.me.email || state.me.github_login || '' })), remove, status);
}
