// The page's shared state, and a tiny event bus between its modules.

export const state = {
  /** GET /api/me, or a guest when the server has no accounts. */
  me: { signed_in: false, is_admin: false },
  /** False when the server offers no account endpoints (then the page is guest-only). */
  accounts: false,
  /** Enabled providers from GET /api/providers. */
  providers: [],
  provider: null,
  model: null,
  reasoning: false,
  /** The stored conversation shown (signed-in users), or null for a new or guest chat. */
  conversationId: null,
  /** The visible conversation: messages in the shape of docs/chatserver-api.md. */
  messages: [],
  /** The AbortController of the running generation. */
  controller: null,
  /** Changes with every conversation switch, so a late answer never lands in another conversation. */
  chatId: 0,
};

const bus = new EventTarget();

/** Announces something (`signed-in`, `turn-finished`, `quota`, ...). */
export function emit(name, detail = null) {
  bus.dispatchEvent(new CustomEvent(name, { detail }));
}

/** Listens for an announcement. */
export function on(name, handler) {
  bus.addEventListener(name, (event) => handler(event.detail));
}

/** The provider descriptor currently picked. */
export function currentProvider() {
  return state.providers.find((p) => p.id === state.provider) || null;
}
