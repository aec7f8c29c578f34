// Attachments: picked, dropped or pasted files, checked in the page first (type, size, count) so a
// refusal is shown at once; the server checks again and its refusal (400/413) is shown the same way.

import { el, formatBytes, extensionOf } from './dom.js';

/** The defaults of NxtAIGen:Requests (MaxFiles, MaxFileBytes): the server is the judge, these only warn early. */
export const MAX_FILES = 10;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const DOCUMENT_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];
const TEXT_EXTENSIONS = /\.(txt|md|markdown|csv|tsv|json|xml|html?|css|js|mjs|ts|tsx|jsx|py|cs|java|go|rs|c|cc|cpp|h|hpp|rb|php|sh|sql|ya?ml|toml|ini|log|kt|swift)$/i;

/** Guesses the media type the server expects for a file (browsers leave some empty). */
export function mediaTypeOf(file) {
  const name = file.name || '';
  if (file.type) {
    return file.type === 'image/jpg' ? 'image/jpeg' : file.type;
  }
  if (/\.pdf$/i.test(name)) {
    return 'application/pdf';
  }
  if (/\.docx$/i.test(name)) {
    return DOCUMENT_TYPES[1];
  }
  if (/\.md$|\.markdown$/i.test(name)) {
    return 'text/markdown';
  }
  return TEXT_EXTENSIONS.test(name) ? 'text/plain' : '';
}

/** Says why a file cannot be attached, or null when it can. */
export function refusalFor(file, mediaType, provider) {
  const kind = kindOf(mediaType, file.name);
  if (kind === null) {
    return `"${file.name}" (${mediaType || 'unknown type'}) cannot be attached: send images (PNG, JPEG, GIF, WebP), PDF, DOCX or text files.`;
  }
  if (file.size === 0) {
    return `"${file.name}" is empty.`;
  }
  if (file.size > MAX_FILE_BYTES) {
    return `"${file.name}" is ${formatBytes(file.size)}: the limit is ${formatBytes(MAX_FILE_BYTES)} per file.`;
  }
  if (kind === 'image' && provider && provider.capabilities && provider.capabilities.vision === false) {
    return `"${file.name}" is an image, and ${provider.name || provider.id} does not accept images: choose a vision-capable provider.`;
  }
  return null;
}

function kindOf(mediaType, name) {
  if (IMAGE_TYPES.includes(mediaType)) {
    return 'image';
  }
  if (DOCUMENT_TYPES.includes(mediaType) || /\.(pdf|docx)$/i.test(name || '')) {
    return 'document';
  }
  if (mediaType.startsWith('text/') || mediaType === 'application/json' || mediaType === 'application/xml' || TEXT_EXTENSIONS.test(name || '')) {
    return 'text';
  }
  return null;
}

/** Reads a file as base64 (without the data: prefix). */
export function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error || new Error(`Could not read "${file.name}".`));
    reader.readAsDataURL(file);
  });
}

/**
 * The composer's pending attachments.
 * @param {{list: HTMLElement, errors: HTMLElement, getProvider: () => object|null}} options
 */
export function createAttachments({ list, errors, getProvider }) {
  /** @type {{name: string, media_type: string, size: number, data: string, preview?: string}[]} */
  let files = [];

  function render() {
    list.replaceChildren(...files.map((file, index) => el('li', { class: 'attachment-chip', testid: 'attachment-chip' },
      file.preview ? el('img', { src: file.preview, alt: '', class: 'attachment-thumb' }) : el('span', { class: 'attachment-icon', 'aria-hidden': 'true', text: extensionOf(file.name) }),
      el('span', { class: 'attachment-name', text: file.name }),
      el('span', { class: 'attachment-size', text: formatBytes(file.size) }),
      el('button', {
        type: 'button', class: 'icon-button small', title: `Remove ${file.name}`, 'aria-label': `Remove ${file.name}`,
        onclick: () => { files.splice(index, 1); render(); },
      }, '✕'))));
  }

  /** Shows a refusal (kept until the next attempt or send). */
  function refuse(message) {
    errors.append(el('p', { class: 'attachment-error', text: message }));
  }

  function clearErrors() {
    errors.replaceChildren();
  }

  /** Adds files (from the picker, a drop or a paste). */
  async function add(fileList) {
    clearErrors();
    for (const file of [...fileList]) {
      if (files.length >= MAX_FILES) {
        refuse(`"${file.name}" was not attached: at most ${MAX_FILES} files per message.`);
        continue;
      }
      const mediaType = mediaTypeOf(file);
      const refusal = refusalFor(file, mediaType, getProvider());
      if (refusal) {
        refuse(refusal);
        continue;
      }
      try {
        const data = await readBase64(file);
        const name = file.name || (mediaType.startsWith('image/') ? `pasted.${mediaType.slice(6)}` : 'pasted.txt');
        files.push({ name, media_type: mediaType, size: file.size, data, preview: mediaType.startsWith('image/') ? `data:${mediaType};base64,${data}` : undefined });
      } catch (error) {
        refuse(error.message);
      }
    }
    render();
  }

  return {
    add,
    refuse,
    clearErrors,
    /** Takes the pending files (for sending) and empties the list. */
    take() {
      const taken = files.map(({ name, media_type, size, data }) => ({ name, media_type, size, data }));
      files = [];
      render();
      return taken;
    },
    /** Puts files back (a send that failed before the server took them). */
    restore(taken) {
      files = taken.map((f) => ({ ...f, preview: f.media_type.startsWith('image/') ? `data:${f.media_type};base64,${f.data}` : undefined }));
      render();
    },
    get count() {
      return files.length;
    },
  };
}
