// Markdown rendering of model output: marked turns it into HTML, highlight.js colours code blocks,
// and DOMPurify sanitises the result before it touches the page, so model output can never run
// script: no <script>, no event-handler attributes, no javascript:/data: links, no forms or frames,
// no inline styles, and no remote images (a prompt-injected image URL could leak the conversation;
// they are shown as links instead).

import { Marked } from '../lib/marked/marked.esm.js';
import DOMPurify from '../lib/dompurify/purify.es.mjs';
import hljs from '../lib/highlight/highlight.min.js';

const SAFE_LINK = /^(?:https?:|mailto:|#)/i;

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    code({ text, lang }) {
      const language = (lang || '').trim().split(/\s+/)[0].toLowerCase();
      let html;
      let label = language;
      if (language && hljs.getLanguage(language)) {
        html = hljs.highlight(text, { language, ignoreIllegals: true }).value;
      } else if (text.length < 20000) {
        const guess = hljs.highlightAuto(text);
        html = guess.value;
        label = language || guess.language || '';
      } else {
        html = escapeHtml(text);
      }
      const cls = label ? ` class="hljs language-${escapeHtml(label.replace(/[^a-z0-9_+-]/g, ''))}"` : ' class="hljs"';
      return `<pre class="code-block"><code${cls}>${html}</code></pre>\n`;
    },
  },
});

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed',
    'link', 'meta', 'base', 'svg', 'math', 'template', 'video', 'audio', 'source', 'track', 'dialog'],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'background', 'ping', 'id', 'name'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href');
    if (href === null || !SAFE_LINK.test(href.trim())) {
      node.removeAttribute('href');
    } else if (!href.startsWith('#')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  }
});

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * Renders Markdown into a sanitised DOM fragment.
 * @param {string} text Model output (possibly cut in the middle while streaming).
 * @returns {DocumentFragment}
 */
export function renderMarkdown(text) {
  const html = marked.parse(text || '', { async: false });
  const fragment = DOMPurify.sanitize(html, PURIFY_CONFIG);
  for (const image of fragment.querySelectorAll('img')) {
    const src = image.getAttribute('src') || '';
    const alt = image.getAttribute('alt') || 'image';
    if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(src)) {
      continue; // Inline data cannot reach a server.
    }
    if (/^https?:/i.test(src)) {
      const link = document.createElement('a');
      link.href = src;
      link.target = '_blank';
      link.rel = 'noopener noreferrer nofollow';
      link.textContent = `[image: ${alt}]`;
      image.replaceWith(link);
    } else {
      image.replaceWith(document.createTextNode(`[image: ${alt}]`));
    }
  }
  for (const table of fragment.querySelectorAll('table')) {
    const wrapper = document.createElement('div');
    wrapper.className = 'table-wrap';
    table.replaceWith(wrapper);
    wrapper.append(table);
  }
  return fragment;
}

/** Renders Markdown into a container, replacing its content, and adds a copy button to each code block. */
export function renderMarkdownInto(container, text, { copyButtons = true } = {}) {
  container.replaceChildren(renderMarkdown(text));
  if (copyButtons) {
    for (const pre of container.querySelectorAll('pre.code-block')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'code-copy';
      button.textContent = 'Copy';
      button.title = 'Copy the code';
      button.addEventListener('click', () => copyText(pre.querySelector('code')?.textContent || '', button));
      pre.append(button);
    }
  }
}

/** Copies text to the clipboard and says so on the button. */
export async function copyText(text, button) {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    // Clipboard refused (not a secure context): select the text for a manual copy instead.
    button.textContent = 'Copy failed';
  }
  setTimeout(() => { button.textContent = label; }, 1500);
}
