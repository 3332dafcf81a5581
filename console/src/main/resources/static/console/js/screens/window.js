// The window's queue (#/window): the service requests waiting or in progress that the person's window handles (a
// supervisor also reads those of their area's residents), with how long each has waited and its running limit; and
// the service levels — first response and completion on time, ratings — grouped as the person chooses.

import { all } from '../api.js';
import { announce, clear, flagBadge, h, problemBox } from '../ui.js';
import {
  addStylesheet, areaName, areas, focusedRow, followFeed, labelledSelect, listOrSkip, refocus, scrollRegion, tickRemaining,
} from '../boards/common.js';
import { REQUEST_OPEN_STATES, requestRow } from '../boards/deadline-sources.js';

const GROUPS = ['ITEM', 'UNIT', 'STATION', 'WINDOW', 'CHANNEL'];
const FLAG_RANK = { RED: 0, YELLOW: 1 };

export async function mount(main, ctx) {
  addStylesheet();
  const { t, fmt } = ctx;
  const state = { requests: [], stateFilter: '', groupBy: 'ITEM', levels: [], loadedAt: null };
  let itemNames = new Map();
  let areaIndex = null;
  let generation = 0;

  const queueCounts = h('div', { class: 'board-counts', id: 'window-counts' });
  const queueProblems = h('div', { class: 'board-problems' });
  const queueHolder = scrollRegion(t);
  const levelsProblems = h('div', { class: 'board-problems' });
  const levelsHolder = scrollRegion(t);
  const updated = h('p', { class: 'hint', id: 'window-updated' });
  const refresh = h('button', { type: 'button', id: 'window-refresh', onclick: () => load(true) }, t('common.refresh'));

  const stateOptions = [['', t('boards.filter.allStates')]]
    .concat(REQUEST_OPEN_STATES.map((s) => [s, ctx.label('boards.requestState', s)]));
  const groupOptions = GROUPS.map((g) => [g, t(`boards.groupBy.${g}`)]);

  clear(main,
    h('section', { class: 'panel board', 'aria-labelledby': 'window-title' },
      h('h1', { id: 'window-title' }, t('boards.window.title')),
      h('p', { class: 'hint' }, t('boards.window.intro')),
      h('form', { class: 'board-filters', 'aria-label': t('boards.filter.label'), onsubmit: (e) => e.preventDefault() },
        h('div', {}, labelledSelect('window-state', t('boards.filter.state'), stateOptions, '', (e) => {
          state.stateFilter = e.target.value;
          renderQueue();
        })),
        h('div', { class: 'board-actions' }, refresh)),
      queueCounts, queueProblems, queueHolder, updated),
    h('section', { class: 'panel board', 'aria-labelledby': 'levels-title' },
      h('h2', { id: 'levels-title' }, t('boards.levels.title')),
      h('p', { class: 'hint' }, t('boards.levels.intro')),
      h('form', { class: 'board-filters', 'aria-label': t('boards.levels.title'), onsubmit: (e) => e.preventDefault() },
        h('div', {}, labelledSelect('levels-group', t('boards.levels.groupBy'), groupOptions, state.groupBy, (e) => {
          state.groupBy = e.target.value;
          loadLevels();
        }))),
      levelsProblems, levelsHolder));

  function itemName(code, fallback) {
    return itemNames.get(code) || fallback || code || '';
  }

  function renderQueue() {
    const now = Date.now();
    const visible = state.requests.filter((r) => !state.stateFilter || r.state === state.stateFilter);
    clear(queueCounts, REQUEST_OPEN_STATES.map((s) => h('span', { class: 'board-count', dataset: { state: s } },
      `${ctx.label('boards.requestState', s)} `, h('strong', {}, fmt.number(state.requests.filter((r) => r.state === s)
        .length)))));
    if (!state.loadedAt) {
      clear(queueHolder, h('p', { class: 'loading' }, t('common.loading')));
      return;
    }
    if (!visible.length) {
      clear(queueHolder, h('p', { class: 'board-empty', id: 'window-empty' }, t('boards.window.empty')));
      return;
    }
    const headers = ['number', 'item', 'state', 'grid', 'submitted', 'waiting', 'due', 'remaining', 'flag']
      .map((c) => h('th', { scope: 'col' }, t(`boards.col.${c}`)));
    const focus = focusedRow(queueHolder);
    clear(queueHolder, h('table', { class: 'data window-table', id: 'window-table' },
      h('caption', {}, t('boards.window.caption', { n: fmt.number(visible.length) })),
      h('thead', {}, h('tr', {}, headers)),
      h('tbody', {}, visible.map((r) => {
        const row = requestRow(ctx, r);
        const submitted = Date.parse(r.submittedAt);
        const overdue = Number.isFinite(row.due) && row.due <= now;
        return h('tr', { dataset: { kind: 'request', id: r.id, state: r.state } },
          h('th', { scope: 'row' }, h('a', { href: row.link }, r.number || r.id)),
          h('td', {}, itemName(r.itemCode, r.itemName)),
          h('td', {}, ctx.label('boards.requestState', r.state),
            r.waitingFor && r.waitingFor.length ? h('span', { class: 'board-state' }, r.waitingFor.join('；')) : null),
          h('td', {}, r.gridCode ? h('span', { title: r.gridCode }, areaName(areaIndex, r.gridCode)) : '—'),
          h('td', {}, r.submittedAt ? fmt.dateTime(r.submittedAt) : '—'),
          h('td', {}, Number.isFinite(submitted) ? fmt.duration(now - submitted) : '—'),
          h('td', {}, Number.isFinite(row.due) ? fmt.dateTime(new Date(row.due).toISOString()) : '—'),
          h('td', { class: overdue ? 'board-overdue' : '', dataset: Number.isFinite(row.due) ? { due: row.due } : {} }, Number.isFinite(row.due)
            ? t(overdue ? 'boards.overdueBy' : 'boards.dueIn', { d: fmt.duration(row.due - now) }) : '—'),
          h('td', {}, row.flag ? flagBadge(row.flag, t) : t('common.flag.GREEN')));
      }))));
    refocus(queueHolder, focus);
    clear(updated, t('boards.updatedAt', { time: fmt.time(state.loadedAt.toISOString()) }));
  }

  function levelKey(key) {
    if (key === 'null' || key === null || key === undefined) {
      return t('boards.levels.unknown');
    }
    switch (state.groupBy) {
      case 'ITEM': return itemName(key);
      case 'STATION': return areaName(areaIndex, key);
      case 'CHANNEL': return ctx.label('boards.channel', key);
      default: return key;
    }
  }

  function renderLevels() {
    if (!state.levels.length) {
      clear(levelsHolder, h('p', { class: 'board-empty' }, t('boards.levels.empty')));
      return;
    }
    const cols = ['group', 'firstResponses', 'firstResponsesOnTime', 'firstResponseOnTimeRate', 'completions',
      'completionsOnTime', 'completionOnTimeRate', 'ratings', 'averageRating'];
    const num = (n) => (n === null || n === undefined ? '—' : fmt.number(n));
    const pct = (x) => (x === null || x === undefined ? '—' : fmt.percent(x));
    clear(levelsHolder, h('table', { class: 'data levels-table', id: 'levels-table' },
      h('caption', {}, t('boards.levels.caption', { group: t(`boards.groupBy.${state.groupBy}`) })),
      h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, t(`boards.levels.${c}`))))),
      h('tbody', {}, state.levels.map((l) => h('tr', { dataset: { key: l.key } },
        h('th', { scope: 'row' }, levelKey(l.key)),
        h('td', { class: 'num' }, num(l.firstResponses)), h('td', { class: 'num' }, num(l.firstResponsesOnTime)),
        h('td', { class: 'num' }, pct(l.firstResponseOnTimeRate)),
        h('td', { class: 'num' }, num(l.completions)), h('td', { class: 'num' }, num(l.completionsOnTime)),
        h('td', { class: 'num' }, pct(l.completionOnTimeRate)),
        h('td', { class: 'num' }, num(l.ratings)),
        h('td', { class: 'num' }, l.averageRating === null || l.averageRating === undefined ? '—'
          : t('boards.levels.rating', { r: fmt.number(l.averageRating) })))))));
  }

  let levelsGeneration = 0;
  async function loadLevels() {
    const mine = ++levelsGeneration;
    let levels = [];
    let problem = null;
    try {
      levels = (await listOrSkip(`/api/service-levels?groupBy=${state.groupBy}`, 500)) || [];
    } catch (e) {
      problem = e;
    }
    if (mine !== levelsGeneration) {
      return;   // the person chose another grouping meanwhile
    }
    state.levels = levels;
    clear(levelsProblems, problem ? problemBox(problem, t) : null);
    renderLevels();
  }

  async function loadQueue() {
    const mine = ++generation;
    const lists = await Promise.allSettled(REQUEST_OPEN_STATES.map((s) =>
      listOrSkip(`/api/service-requests?state=${s}`)));
    if (mine !== generation) {
      return;
    }
    const failed = lists.filter((l) => l.status === 'rejected').map((l) => l.reason);
    clear(queueProblems, failed.slice(0, 1).map((p) => problemBox(p, t)));
    const seen = new Map();
    lists.filter((l) => l.status === 'fulfilled' && l.value).forEach((l) => l.value.forEach((r) => seen.set(r.id, r)));
    // the most pressing first: red, yellow, then the rest by how soon they are due
    state.requests = [...seen.values()].map((r) => ({ r, row: requestRow(ctx, r) })).sort((a, b) => {
      const rank = (x) => FLAG_RANK[x.row.flag] ?? 2;
      const due = (x) => (Number.isFinite(x.row.due) ? x.row.due : Infinity);
      return rank(a) - rank(b) || due(a) - due(b) || String(a.r.number).localeCompare(String(b.r.number));
    }).map((x) => x.r);
    state.loadedAt = new Date();
    renderQueue();
  }

  async function load(byHand = false) {
    // enabled throughout, so a keyboard user's focus stays on it; the newest queue load wins (generation)
    refresh.setAttribute('aria-busy', 'true');
    try {
      await Promise.all([loadQueue(), loadLevels()]);
      if (byHand) {
        announce(t('boards.window.announce', { n: state.requests.length }));
      }
    } finally {
      refresh.removeAttribute('aria-busy');
    }
  }

  renderQueue();
  const [items, index] = await Promise.all([all('/api/service-items', 1000).catch(() => []), areas(ctx).catch(() => null)]);
  const english = String(ctx.locale()).startsWith('en');
  itemNames = new Map(items.map((i) => [i.code, (english ? i.nameEn : i.nameZh) || i.nameZh || i.nameEn || i.code]));
  areaIndex = index;
  await load();
  // a request's step changes arrive as RequestStateChanged; other feed items do not move the queue
  const stopFeed = followFeed(ctx, () => load(false),
    (item) => /request|petition|bundle/i.test(`${item.type} ${item.domain}`));
  const tick = setInterval(() => tickRemaining(ctx, queueHolder), 60000);
  return () => {
    generation++;
    levelsGeneration++;
    stopFeed();
    clearInterval(tick);
  };
}
