// Dark and light themes: follows the system until the user picks one (kept in localStorage).

import { byId } from './dom.js';

const STORAGE_KEY = 'nxtaigen.theme';
const ORDER = ['auto', 'light', 'dark'];
const ICONS = { auto: '◐', light: '☀', dark: '☾' };
const media = window.matchMedia('(prefers-color-scheme: dark)');

function stored() {
  const value = localStorage.getItem(STORAGE_KEY);
  return ORDER.includes(value) ? value : 'auto';
}

function apply(theme) {
  const dark = theme === 'dark' || (theme === 'auto' && media.matches);
  document.documentElement.dataset.theme = theme;
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  byId('hljs-light').disabled = dark;
  byId('hljs-dark').disabled = !dark;
  byId('theme-icon').textContent = ICONS[theme];
  byId('theme-toggle').title = `Theme: ${theme === 'auto' ? 'follows the system' : theme} (click to change)`;
}

/** Applies the theme and wires the toggle. */
export function wireTheme() {
  apply(stored());
  media.addEventListener('change', () => apply(stored()));
  byId('theme-toggle').addEventListener('click', () => {
    const next = ORDER[(ORDER.indexOf(stored()) + 1) % ORDER.length];
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not kept, still applied.
    }
    apply(next);
  });
}
