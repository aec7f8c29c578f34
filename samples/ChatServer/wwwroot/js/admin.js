// The admin panel (role admin): providers and models (enable, disable: enforced by the API),
// server-wide keys, plans and per-user overrides, users, and a usage dashboard with an SVG chart.

import { getJson, sendJson, describeError } from './api.js';
import { el, byId, wireDialog, formatDate } from './dom.js';
import { state, emit } from './state.js';
import { keyManager } from './settings.js';

const dialog = byId('admin-dialog');
const tabs = byId('admin-tabs');
const content = byId('admin-content');
const SVG = 'http://www.w3.org/2000/svg';

const TABS = [
  ['usage', 'Usage', usageTab],
  ['providers', 'Providers', providersTab],
  ['keys', 'Server keys', keysTab],
  ['users', 'Users and plans', usersTab],
];

/** Wires the Admin button. */
export function wireAdmin() {
  wireDialog(dialog);
  byId('admin-button').addEventListener('click', () => {
    dialog.showModal();
    showTab('usage');
  });
  tabs.replaceChildren(...TABS.map(([id, label]) => el('button', {
    type: 'button', role: 'tab', class: 'tab', testid: `admin-tab-${id}`, dataset: { tab: id }, onclick: () => showTab(id),
  }, label)));
}

async function showTab(id) {
  for (const tab of tabs.children) {
    tab.setAttribute('aria-selected', String(tab.dataset.tab === id));
  }
  const [, , build] = TABS.find(([tabId]) => tabId === id);
  content.replaceChildren(el('p', { class: 'hint', text: 'Loading…' }));
  try {
    content.replaceChildren(await build());
  } catch (error) {
    content.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: describeError(error) }));
  }
}

// ---------- Usage ----------

async function usageTab() {
  const days = el('select', { 'aria-label': 'Period', testid: 'usage-days' }, [7, 30, 90].map((d) => new Option(`Last ${d} days`, String(d))));
  days.value = '30';
  const body = el('div');
  async function load() {
    const usage = await getJson(`admin/usage?days=${days.value}`);
    const totals = usage?.totals || {};
    const byDay = Array.isArray(usage?.by_day) ? usage.by_day : [];
    const byProvider = Array.isArray(usage?.by_provider) ? usage.by_provider : [];
    body.replaceChildren(
      el('div', { class: 'stat-cards' },
        stat('Requests', totals.requests), stat('Input tokens', totals.input_tokens), stat('Output tokens', totals.output_tokens), stat('Errors', totals.errors)),
      el('h3', { text: 'Requests per day' }),
      usageChart(byDay),
      el('h3', { text: 'Per provider' }),
      byProvider.length === 0 ? el('p', { class: 'hint', text: 'No usage yet.' }) : el('table', { class: 'data-table', testid: 'usage-providers' },
        el('thead', {}, el('tr', {}, ['Provider', 'Requests', 'Input tokens', 'Output tokens', 'Errors'].map((h) => el('th', { text: h })))),
        el('tbody', {}, byProvider.map((p) => el('tr', {}, el('td', { text: p.provider }), num(p.requests), num(p.input_tokens), num(p.output_tokens), num(p.errors))))));
  }
  days.addEventListener('change', () => load().catch((error) => body.replaceChildren(el('p', { class: 'form-error', text: describeError(error) }))));
  await load();
  return el('div', { class: 'admin-usage' }, days, body);
}

function stat(label, value) {
  return el('div', { class: 'stat-card' }, el('span', { class: 'stat-value', text: formatNumber(value) }), el('span', { class: 'stat-label', text: label }));
}

function num(value) {
  return el('td', { class: 'num', text: formatNumber(value) });
}

function formatNumber(value) {
  return typeof value === 'number' ? value.toLocaleString() : '0';
}

/** A bar chart of requests per day (errors stacked in red), drawn as SVG: no chart library. */
export function usageChart(byDay) {
  const width = 640;
  const height = 200;
  const pad = { left: 40, right: 8, top: 10, bottom: 28 };
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'usage-chart');
  svg.setAttribute('role', 'img');
  svg.dataset.testid = 'usage-chart';
  const total = byDay.reduce((sum, d) => sum + (d.requests || 0), 0);
  svg.setAttribute('aria-label', `Requests per day: ${total} in ${byDay.length} days`);
  const max = Math.max(1, ...byDay.map((d) => d.requests || 0));
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const step = byDay.length > 0 ? plotWidth / byDay.length : plotWidth;
  const barWidth = Math.max(1, step * 0.7);

  const add = (tag, attributes, text) => {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, String(value));
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    svg.append(node);
    return node;
  };

  for (const fraction of max >= 4 ? [0, 0.5, 1] : [0, 1]) {
    const y = pad.top + plotHeight * (1 - fraction);
    add('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'chart-grid' });
    add('text', { x: pad.left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-label' }, String(Math.round(max * fraction)));
  }
  byDay.forEach((day, index) => {
    const x = pad.left + index * step + (step - barWidth) / 2;
    const requests = day.requests || 0;
    const errors = Math.min(day.errors || 0, requests);
    const barHeight = (requests / max) * plotHeight;
    const errorHeight = (errors / max) * plotHeight;
    const bar = add('rect', { x, y: pad.top + plotHeight - barHeight, width: barWidth, height: barHeight, class: 'chart-bar', 'data-testid': 'chart-bar' });
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${day.day}: ${requests} requests, ${errors} errors, ${day.input_tokens || 0} in / ${day.output_tokens || 0} out tokens`;
    bar.append(title);
    if (errorHeight > 0) {
      add('rect', { x, y: pad.top + plotHeight - errorHeight, width: barWidth, height: errorHeight, class: 'chart-errors' });
    }
    const every = Math.ceil(byDay.length / 8);
    if (index % every === 0) {
      add('text', { x: x + barWidth / 2, y: height - 8, 'text-anchor': 'middle', class: 'chart-label' }, String(day.day).slice(5));
    }
  });
  if (byDay.length === 0) {
    add('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-label' }, 'No usage yet');
  }
  return svg;
}

// ---------- Providers and models ----------

async function providersTab() {
  const providers = await getJson('admin/providers');
  const status = el('p', { class: 'hint', role: 'status' });
  const rows = (Array.isArray(providers) ? providers : []).map((provider) => {
    const enabled = el('input', { type: 'checkbox', checked: provider.enabled !== false, testid: 'provider-enabled', 'aria-label': `Enable ${provider.name || provider.id}` });
    const disabled = new Set(provider.disabled_models || []);
    const modelsBox = el('details', { class: 'models-box' }, el('summary', { text: `Models (${disabled.size} disabled)` }));
    modelsBox.addEventListener('toggle', async () => {
      if (!modelsBox.open || modelsBox.dataset.loaded) {
        return;
      }
      modelsBox.dataset.loaded = '1';
      let models = [];
      try {
        models = await getJson(`providers/${encodeURIComponent(provider.id)}/models`);
      } catch (error) {
        modelsBox.append(el('p', { class: 'hint', text: `Could not list the models: ${describeError(error)}` }));
      }
      const ids = new Set([...(Array.isArray(models) ? models.map((m) => m.id) : []), ...disabled]);
      for (const id of [...ids].sort()) {
        const box = el('input', { type: 'checkbox', checked: !disabled.has(id), testid: 'model-enabled' });
        box.addEventListener('change', async () => {
          if (box.checked) {
            disabled.delete(id);
          } else {
            disabled.add(id);
          }
          await save({ disabled_models: [...disabled] });
          modelsBox.querySelector('summary').textContent = `Models (${disabled.size} disabled)`;
        });
        modelsBox.append(el('label', { class: 'toggle' }, box, ` ${id}`));
      }
    });
    async function save(change) {
      try {
        await sendJson('PUT', `admin/providers/${encodeURIComponent(provider.id)}`, change);
        status.textContent = `Saved ${provider.name || provider.id}.`;
        emit('keys-changed'); // The pickers reload the providers and models.
      } catch (error) {
        status.textContent = `Could not save ${provider.id}: ${describeError(error)}`;
      }
    }
    enabled.addEventListener('change', () => save({ enabled: enabled.checked }));
    return el('tr', { testid: 'admin-provider-row', dataset: { provider: provider.id } },
      el('td', {}, el('label', { class: 'toggle' }, enabled, ` ${provider.name || provider.id}`)),
      el('td', { class: provider.configured ? 'ok' : 'muted', text: provider.configured ? 'configured' : 'no key' }),
      el('td', {}, modelsBox));
  });
  return el('div', {},
    el('p', { class: 'hint', text: 'Disabled providers and models are hidden from everyone and refused by the API.' }),
    el('table', { class: 'data-table' }, el('tbody', {}, rows)), status);
}

// ---------- Server keys ----------

async function keysTab() {
  return keyManager('admin/keys', {
    testable: false,
    intro: 'Server-wide keys serve every user who has no key of their own for that provider. They are stored encrypted and shown masked only.',
  });
}

// ---------- Users and plans ----------

async function usersTab() {
  let plans = [];
  try {
    plans = await getJson('admin/plans');
  } catch {
    plans = [];
  }
  plans = Array.isArray(plans) ? plans : [];
  const search = el('input', { type: 'search', placeholder: 'Search by email', testid: 'admin-user-search', 'aria-label': 'Search users' });
  const table = el('div');
  const status = el('p', { class: 'hint', role: 'status' });

  async function load() {
    const users = await getJson(`admin/users${search.value.trim() ? `?q=${encodeURIComponent(search.value.trim())}` : ''}`);
    const rows = (Array.isArray(users) ? users : []).map((user) => userRow(user, plans, status));
    table.replaceChildren(rows.length === 0 ? el('p', { class: 'hint', text: 'No users.' }) : el('table', { class: 'data-table', testid: 'admin-users' },
      el('thead', {}, el('tr', {}, ['Email', 'Role', 'Plan and override (per hour / day / month)', 'Since'].map((h) => el('th', { text: h })))),
      el('tbody', {}, rows)));
  }
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => load().catch((error) => { status.textContent = describeError(error); }), 250);
  });
  await load();

  const planTable = plans.length === 0 ? el('p', { class: 'hint', text: 'No plans configured (NxtAIGen:Plans).' }) : el('table', { class: 'data-table', testid: 'admin-plans' },
    el('thead', {}, el('tr', {}, ['Plan', 'Per hour', 'Per day', 'Per month'].map((h) => el('th', { text: h })))),
    el('tbody', {}, plans.map((plan) => el('tr', {}, el('td', { text: plan.name }), limitCell(plan.hourly), limitCell(plan.daily), limitCell(plan.monthly)))));
  return el('div', {}, el('h3', { text: 'Plans' }), planTable, el('h3', { text: 'Users' }), search, table, status);
}

function limitCell(value) {
  return el('td', { class: 'num', text: typeof value === 'number' && value >= 0 ? value.toLocaleString() : 'unlimited' });
}

function userRow(user, plans, status) {
  const override = user.override || {};
  const plan = el('select', { 'aria-label': `Plan of ${user.email}`, testid: 'user-plan' }, new Option('(default)', ''), plans.map((p) => new Option(p.name, p.name)));
  plan.value = override.plan || (plans.some((p) => p.name === user.plan) && user.override ? user.plan : '') || '';
  const numberInput = (value, label) => el('input', { type: 'number', min: -1, step: 1, class: 'narrow', placeholder: '—', value: typeof value === 'number' ? String(value) : '', 'aria-label': label, title: `${label} (empty: from the plan; -1: unlimited)` });
  const hourly = numberInput(override.hourly, 'Per hour');
  const daily = numberInput(override.daily, 'Per day');
  const monthly = numberInput(override.monthly, 'Per month');
  const save = el('button', { type: 'button', class: 'button secondary small', testid: 'user-plan-save' }, 'Save');
  const toNumber = (input) => (input.value.trim() === '' ? null : Number(input.value));
  save.addEventListener('click', async () => {
    try {
      await sendJson('PUT', `admin/users/${encodeURIComponent(user.id)}/plan`, { plan: plan.value || null, hourly: toNumber(hourly), daily: toNumber(daily), monthly: toNumber(monthly) });
      status.textContent = `Saved the plan of ${user.email}.`;
    } catch (error) {
      status.textContent = `Could not save: ${describeError(error)}`;
    }
  });
  return el('tr', { testid: 'admin-user-row' },
    el('td', {}, user.email, user.locked_out ? el('span', { class: 'badge warn', text: 'locked out' }) : null, user.id === state.me.id ? el('span', { class: 'badge', text: 'you' }) : null),
    el('td', { text: user.is_admin ? 'admin' : 'user' }),
    el('td', { class: 'plan-cell' }, el('span', { class: 'muted', text: `${user.plan || 'default'} ` }), plan, hourly, daily, monthly, save),
    el('td', { class: 'muted', text: formatDate(user.created_at) }));
}
