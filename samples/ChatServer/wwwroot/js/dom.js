// Small DOM helpers: every piece of text goes in through textContent, never as HTML.

/**
 * Creates an element.
 * @param {string} tag The tag name.
 * @param {object} [props] `class`, `text`, `testid`, `dataset`, `on<event>` handlers, and plain attributes.
 * @param {...(Node|string|null|undefined|false)} children Children; strings become text nodes.
 * @returns {HTMLElement}
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key === 'testid') {
      element.dataset.testid = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key in element && typeof value !== 'string') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Returns the element with this id (throws when the page lacks it, which is a bug). */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`The page has no #${id}.`);
  }
  return element;
}

/** Formats milliseconds as "850 ms" or "2.4 s". */
export function formatMs(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    return '';
  }
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Formats a byte count as "12 KB". */
export function formatBytes(bytes) {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Formats an ISO date as a short local date and time. */
export function formatDate(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Wires every `[data-close]` button of a dialog, and closes it on a click on its backdrop. */
export function wireDialog(dialog) {
  for (const button of dialog.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => dialog.close('cancel'));
  }
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      dialog.close('cancel');
    }
  });
}

/**
 * Asks for a line of text in the page's own dialog (never window.prompt).
 * @returns {Promise<string|null>} The text, or null when cancelled.
 */
export function askText(title, text, initial = '') {
  const dialog = byId('prompt-dialog');
  byId('prompt-title').textContent = title;
  byId('prompt-text').textContent = text;
  const input = byId('prompt-input');
  input.hidden = false;
  input.value = initial;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' ? input.value : null), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    input.select();
  });
}

/**
 * Asks a yes/no question in the page's own dialog (never window.confirm).
 * @returns {Promise<boolean>}
 */
export function confirmAction(title, text, okLabel = 'OK') {
  const dialog = byId('prompt-dialog');
  byId('prompt-title').textContent = title;
  byId('prompt-text').textContent = text;
  byId('prompt-input').hidden = true;
  byId('prompt-ok').textContent = okLabel;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      byId('prompt-ok').textContent = 'OK';
      resolve(dialog.returnValue === 'ok');
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    byId('prompt-ok').focus();
  });
}

/** The upper-case extension of a file name ("PDF"), shown as a small badge. */
export function extensionOf(name) {
  const match = /\.([a-z0-9]{1,5})$/i.exec(name || '');
  return match ? match[1].toUpperCase() : 'FILE';
}
