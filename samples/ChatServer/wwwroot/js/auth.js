// Accounts: who am I (GET /api/me), sign up (POST /api/auth/register, then sign in), sign in
// (POST /api/auth/login?useCookies=true), sign out (POST /api/auth/logout), and the "Sign in with
// GitHub" button when the server has it configured (GET /api/auth/external). The antiforgery token
// is bound to the user, so it is fetched again after each change.

import { ApiError, getJson, sendJson, refreshCsrfToken, describeError } from './api.js';
import { el, byId, wireDialog } from './dom.js';
import { state, emit } from './state.js';

const dialog = byId('auth-dialog');
const form = byId('auth-form');
const title = byId('auth-title');
const email = byId('auth-email');
const password = byId('auth-password');
const submit = byId('auth-submit');
const switchButton = byId('auth-switch');
const errorLine = byId('auth-error');
const hint = byId('auth-hint');
const externalBox = byId('external-logins');

let mode = 'sign-in';

/** Loads who the caller is. Sets state.accounts to false when the server has no account endpoints. */
export async function loadMe() {
  try {
    const me = await getJson('me');
    state.me = me && typeof me === 'object' ? me : { signed_in: false, is_admin: false };
    state.accounts = true;
  } catch (error) {
    state.me = { signed_in: false, is_admin: false };
    state.accounts = !(error instanceof ApiError && (error.status === 404 || error.status === 405));
  }
  renderAccount();
  return state.me;
}

/** Shows the account buttons that fit. */
export function renderAccount() {
  const signedIn = state.me.signed_in === true;
  byId('guest-actions').hidden = signedIn || !state.accounts;
  byId('user-actions').hidden = !signedIn;
  byId('user-email').textContent = signedIn ? state.me.email || state.me.github_login || '' : '';
  byId('admin-button').hidden = !(signedIn && state.me.is_admin);
  document.body.classList.toggle('signed-in', signedIn);
}

/** Wires the account buttons and the dialog. */
export function wireAuth() {
  wireDialog(dialog);
  byId('sign-in-button').addEventListener('click', () => openAuth('sign-in'));
  byId('sign-up-button').addEventListener('click', () => openAuth('sign-up'));
  byId('invite-sign-up').addEventListener('click', () => openAuth('sign-up'));
  byId('invite-sign-in').addEventListener('click', () => openAuth('sign-in'));
  byId('sign-out-button').addEventListener('click', signOut);
  switchButton.addEventListener('click', () => setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitAuth();
  });
}

/** Opens the sign-in or sign-up dialog. */
export async function openAuth(which) {
  setMode(which);
  errorLine.textContent = '';
  password.value = '';
  dialog.showModal();
  email.focus();
  await loadExternalLogins();
}

function setMode(which) {
  mode = which;
  const signUp = which === 'sign-up';
  title.textContent = signUp ? 'Create an account' : 'Sign in';
  submit.textContent = signUp ? 'Sign up' : 'Sign in';
  switchButton.textContent = signUp ? 'I have an account: sign in' : 'Create an account instead';
  password.autocomplete = signUp ? 'new-password' : 'current-password';
  hint.hidden = !signUp;
  errorLine.textContent = '';
}

async function loadExternalLogins() {
  externalBox.replaceChildren();
  externalBox.hidden = true;
  let providers = [];
  try {
    providers = await getJson('auth/external');
  } catch {
    return; // Not configured, or not offered by this server.
  }
  if (!Array.isArray(providers) || providers.length === 0) {
    return;
  }
  const returnUrl = location.pathname + location.hash;
  for (const provider of providers) {
    if (!provider || typeof provider.url !== 'string' || !provider.url.startsWith('/')) {
      continue; // Only same-origin challenge URLs.
    }
    const url = new URL(provider.url, location.origin);
    url.searchParams.set('return_url', returnUrl);
    externalBox.append(el('a', {
      class: `button secondary external-${provider.provider}`, href: url.pathname + url.search, testid: `external-login-${provider.provider}`,
    }, `Sign in with ${provider.display_name || provider.provider}`));
  }
  externalBox.hidden = externalBox.childElementCount === 0;
}

async function submitAuth() {
  errorLine.textContent = '';
  submit.disabled = true;
  const credentials = { email: email.value.trim(), password: password.value };
  try {
    if (mode === 'sign-up') {
      await sendJson('POST', 'auth/register', credentials);
    }
    await sendJson('POST', 'auth/login?useCookies=true', credentials);
    dialog.close('ok');
    await refreshCsrfToken();
    await loadMe();
    emit('account-changed', state.me);
  } catch (error) {
    errorLine.textContent = authErrorText(error);
  } finally {
    submit.disabled = false;
  }
}

function authErrorText(error) {
  if (error instanceof ApiError) {
    if (error.status === 401 && mode === 'sign-in') {
      const detail = error.problem.detail || '';
      return /locked/i.test(detail) ? 'Too many failed attempts: the account is locked for a while.' : 'Wrong email or password.';
    }
    if (error.status === 401) {
      return 'The account was created, but signing in failed: try to sign in.';
    }
  }
  return describeError(error);
}

async function signOut() {
  try {
    await sendJson('POST', 'auth/logout', {});
  } catch (error) {
    byId('status').textContent = `Could not sign out: ${describeError(error)}`;
    return;
  }
  await refreshCsrfToken();
  await loadMe();
  emit('account-changed', state.me);
}
