// Provider and model pickers, filled from GET /api/providers and GET /api/providers/{id}/models
// (disabled providers are hidden; the server also hides the models an admin disabled).

import { getJson, describeError } from './api.js';
import { byId } from './dom.js';
import { state, currentProvider } from './state.js';
import { saveSession, setStatus } from './chat.js';

const providerSelect = byId('provider-select');
const modelSelect = byId('model-select');
const reasoningToggle = byId('reasoning-toggle');
const providerNote = byId('provider-note');
const modelCache = new Map();

/** Wires the pickers. */
export function wireProviderPickers() {
  providerSelect.addEventListener('change', () => selectProvider(providerSelect.value));
  modelSelect.addEventListener('change', () => {
    state.model = modelSelect.value || null;
    saveSession();
  });
  reasoningToggle.checked = state.reasoning;
  reasoningToggle.addEventListener('change', () => {
    state.reasoning = reasoningToggle.checked;
    saveSession();
  });
}

/**
 * Loads the providers (again: after sign in, a user's own keys change what is configured).
 * @param {{provider?: string|null, model?: string|null}} [preferred] The user's default, if any.
 */
export async function loadProviders(preferred = {}) {
  modelCache.clear();
  let providers;
  try {
    providers = await getJson('providers');
  } catch (error) {
    providerSelect.replaceChildren(new Option('Unavailable'));
    showProviderNote(`Could not load the providers: ${describeError(error)}`, true);
    return;
  }

  state.providers = (Array.isArray(providers) ? providers : []).filter((p) => p && p.enabled !== false);
  providerSelect.replaceChildren();
  for (const provider of state.providers) {
    const label = provider.configured ? provider.name || provider.id : `${provider.name || provider.id} (needs a key)`;
    providerSelect.append(new Option(label, provider.id));
  }
  if (state.providers.length === 0) {
    providerSelect.append(new Option('No providers'));
    providerSelect.disabled = true;
    showProviderNote('The server offers no providers.', true);
    return;
  }
  providerSelect.disabled = state.controller !== null;

  const candidates = [state.provider, preferred.provider];
  const remembered = candidates.map((id) => state.providers.find((p) => p.id === id)).find(Boolean);
  const chosen = remembered || chooseDefaultProvider(state.providers);
  const model = remembered && remembered.id === state.provider ? state.model : (remembered && remembered.id === preferred.provider ? preferred.model : null);
  await selectProvider(chosen.id, model);
}

function chooseDefaultProvider(providers) {
  const configured = providers.filter((p) => p.configured);
  return configured.find((p) => p.id === 'demo') || configured[0] || providers[0];
}

/** Picks a provider and loads its models. */
export async function selectProvider(id, preferredModel = null) {
  const provider = state.providers.find((p) => p.id === id);
  if (!provider) {
    return;
  }
  state.provider = id;
  providerSelect.value = id;

  const capabilities = provider.capabilities || {};
  reasoningToggle.disabled = capabilities.reasoning === false;
  byId('reasoning-label').title = capabilities.reasoning === false
    ? 'This provider offers no reasoning options.' : 'Ask the model to think first (the reasoning is shown in a panel).';

  if (!provider.configured) {
    showProviderNote(state.me.signed_in
      ? `${provider.name || provider.id} needs an API key: add yours in Settings, or ask the admin for a server-wide key.`
      : `${provider.name || provider.id} needs an API key: sign in and add yours, or ask the admin to configure it.`, false);
  } else {
    showProviderNote('', false);
  }

  await loadModels(provider, preferredModel);
  saveSession();
}

/** The models of a provider (cached for the page view). */
export async function modelsOf(providerId) {
  if (modelCache.has(providerId)) {
    return modelCache.get(providerId);
  }
  const list = await getJson(`providers/${encodeURIComponent(providerId)}/models`);
  const models = Array.isArray(list) ? list.filter((m) => m && typeof m.id === 'string') : [];
  modelCache.set(providerId, models);
  return models;
}

async function loadModels(provider, preferredModel) {
  modelSelect.disabled = true;
  modelSelect.replaceChildren(new Option('Loading…'));

  let models = [];
  try {
    models = [...await modelsOf(provider.id)];
  } catch (error) {
    if (provider.configured) {
      setStatus(`Could not list the models of ${provider.name || provider.id}: ${describeError(error)}`);
    }
  }
  if (provider.default_model && !models.some((m) => m.id === provider.default_model) && models.length === 0) {
    models.unshift({ id: provider.default_model, name: provider.default_model });
  }
  if (state.provider !== provider.id) {
    return; // Another provider was picked meanwhile.
  }

  modelSelect.replaceChildren();
  for (const model of models) {
    const label = model.name && model.name !== model.id ? `${model.name} (${model.id})` : model.id;
    modelSelect.append(new Option(label, model.id));
  }
  if (models.length === 0) {
    modelSelect.append(new Option('Default model', ''));
  }
  const wanted = [preferredModel, provider.default_model].find((id) => id && models.some((m) => m.id === id));
  modelSelect.value = wanted || modelSelect.options[0].value;
  state.model = modelSelect.value || null;
  modelSelect.disabled = state.controller !== null;
}

function showProviderNote(text, isError) {
  providerNote.textContent = text;
  providerNote.hidden = text === '';
  providerNote.classList.toggle('error', isError);
}

/** The provider picked, for attachment checks. */
export { currentProvider };
