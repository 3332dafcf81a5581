// The deadline board (#/deadlines): everything yellow or red in the person's area — incidents, disputes, follow-up
// visits, service requests, bundle tasks, hazards — in one table, the most overdue first. Each list is asked only of
// the people whose role may read it; the API narrows it to their area. It reads the lists again when the live feed
// says something happened (debounced), after the feed reconnects, every half minute (flags change with the clock), and on
// "Refresh".

import { announce, clear, flagBadge, h, problemBox } from '../ui.js';
import {
  addStylesheet, areaName, areas, focusedRow, followFeed, labelledSelect, mayCall, refocus, scrollRegion, tickRemaining,
} from '../boards/common.js';
import { SOURCES } from '../boards/deadline-sources.js';

/** How often the board reads its lists again without news: flags turn yellow by the clock alone. */
const REREAD_MS = 30000;

const FLAGS = ['RED', 'YELLOW'];

/** Red before yellow; within a flag the earliest due first (for red: the longest overdue). */
function byUrgency(a, b) {
  const rank = (row) => FLAGS.indexOf(row.flag);
  if (rank(a) !== rank(b)) {
    return rank(a) - rank(b);
  }
  const due = (row) => (Number.isFinite(row.due) ? row.due : Infinity);
  return due(a) - due(b);
}

export async function mount(main, ctx) {
  addStylesheet();
  const { t, fmt } = ctx;
  const sources = SOURCES.filter((s) => mayCall(ctx, s.roles));
  const state = { rows: [], kind: '', flag: '', loadedAt: null, problems: [], refused: [] };
  let areaIndex = null;
  let generation = 0;

  const counts = h('div', { class: 'board-counts', id: 'deadline-counts' });
  const problems = h('div', { class: 'board-problems' });
  const tableHolder = scrollRegion(t);
  const updated = h('p', { class: 'hint', id: 'deadline-updated' });
  const refresh = h('button', { type: 'button', id: 'deadline-refresh', onclick: () => load(true) }, t('common.refresh'));

  const kindOptions = [['', t('boards.filter.allKinds')]].concat(sources.map((s) => [s.kind, t(`boards.kind.${s.kind}`)]));
  const flagOptions = [['', t('boards.filter.allFlags')]].concat(FLAGS.map((f) => [f, t(`common.flag.${f}`)]));
  const filters = h('form', { class: 'board-filters', role: 'search', 'aria-label': t('boards.filter.label'),
    onsubmit: (e) => e.preventDefault() },
  h('div', {}, labelledSelect('deadline-kind', t('boards.filter.kind'), kindOptions, '', (e) => {
    state.kind = e.target.value;
    render();
  })),
  h('div', {}, labelledSelect('deadline-flag', t('boards.filter.flag'), flagOptions, '', (e) => {
    state.flag = e.target.value;
    render();
  })),
  h('div', { class: 'board-actions' }, refresh));

  clear(main, h('section', { class: 'panel board', 'aria-labelledby': 'deadlines-title' },
    h('h1', { id: 'deadlines-title' }, t('boards.deadlines.title')),
    h('p', { class: 'hint' }, t('boards.deadlines.intro')),
    filters, counts, problems, tableHolder, updated));

  function render() {
    const visible = state.rows.filter((row) => (!state.kind || row.kind === state.kind)
      && (!state.flag || row.flag === state.flag));
    const now = Date.now();
    clear(counts, FLAGS.map((flag) => h('span', { class: 'board-count', dataset: { flag } },
      flagBadge(flag, t), ' ', h('strong', {}, fmt.number(state.rows.filter((r) => r.flag === flag).length)))),
    state.kind || state.flag ? h('span', { class: 'hint' }, t('boards.filter.showing',
      { n: fmt.number(visible.length), total: fmt.number(state.rows.length) })) : null);
    clear(problems, state.problems.map((p) => problemBox(p, t)));
    if (!state.loadedAt) {
      clear(tableHolder, h('p', { class: 'loading' }, t('common.loading')));
      return;
    }
    if (!visible.length) {
      clear(tableHolder, h('p', { class: 'board-empty', id: 'deadline-empty' }, t('boards.deadlines.empty')));
    } else {
      const headers = ['flag', 'kind', 'matter', 'grid', 'handler', 'due', 'remaining'].map((c) =>
        h('th', { scope: 'col' }, t(`boards.col.${c}`)));
      const focus = focusedRow(tableHolder);
      clear(tableHolder, h('table', { class: 'data deadline-table', id: 'deadline-table' },
        h('caption', {}, t('boards.deadlines.caption', { n: fmt.number(visible.length) })),
        h('thead', {}, h('tr', {}, headers)),
        h('tbody', {}, visible.map((row) => {
          const overdue = Number.isFinite(row.due) && row.due <= now;
          const matterText = [row.number, row.title].filter(Boolean).join(' · ') || t(`boards.kind.${row.kind}`);
          return h('tr', { dataset: { kind: row.kind, id: row.id, flag: row.flag } },
            h('td', {}, flagBadge(row.flag, t)),
            h('td', {}, t(`boards.kind.${row.kind}`)),
            h('td', {}, row.link ? h('a', { href: row.link }, matterText) : matterText,
              row.state ? h('span', { class: 'board-state' }, row.state) : null),
            h('td', {}, row.grid ? h('span', { title: row.grid }, areaName(areaIndex, row.grid)) : ''),
            // a request is handled by a window, named by its code (a township's code for a township's window)
            h('td', {}, row.kind === 'request' && row.handler
              ? t('boards.window.of', { name: areaName(areaIndex, row.handler) }) : row.handler || '—'),
            h('td', {}, Number.isFinite(row.due) ? h('time', { datetime: new Date(row.due).toISOString() },
              fmt.dateTime(new Date(row.due).toISOString())) : '—'),
            h('td', { class: overdue ? 'board-overdue' : '', dataset: Number.isFinite(row.due) ? { due: row.due } : {} }, Number.isFinite(row.due)
              ? t(overdue ? 'boards.overdueBy' : 'boards.dueIn', { d: fmt.duration(row.due - now) }) : '—'));
        }))));
      refocus(tableHolder, focus);
    }
    clear(updated, state.refused.length ? `${t('boards.refused', {
      kinds: state.refused.map((k) => t(`boards.kind.${k}`)).join('、') })} ` : '',
    t('boards.updatedAt', { time: fmt.time(state.loadedAt.toISOString()) }));
  }

  async function load(byHand = false) {
    const mine = ++generation;
    // the button stays enabled (disabling it would drop a keyboard user's focus); a newer load wins over an older one
    refresh.setAttribute('aria-busy', 'true');
    try {
      if (!areaIndex) {
        areaIndex = await areas(ctx).catch(() => null);
      }
      const results = await Promise.allSettled(sources.map((s) => s.read(ctx)));
      if (mine !== generation) {
        return;
      }
      state.rows = [];
      state.problems = [];
      state.refused = [];
      results.forEach((result, i) => {
        if (result.status === 'rejected') {
          state.problems.push(result.reason);
        } else if (result.value === null) {
          state.refused.push(sources[i].kind);
        } else {
          state.rows.push(...result.value);
        }
      });
      state.rows.sort(byUrgency);
      state.loadedAt = new Date();
      render();
      const red = state.rows.filter((r) => r.flag === 'RED').length;
      const summary = `${red}/${state.rows.length - red}`;
      // said aloud when asked for, or when the live feed changed the counts; not on every quiet reload
      if (byHand || (state.summary !== undefined && state.summary !== summary)) {
        announce(t('boards.deadlines.announce', { red, yellow: state.rows.length - red }));
      }
      state.summary = summary;
    } finally {
      if (mine === generation) {
        refresh.removeAttribute('aria-busy');
      }
    }
  }

  render();
  await load();
  const stopFeed = followFeed(ctx, () => load(false));
  // "overdue by" / "due in" move with the clock even when nothing happens
  const tick = setInterval(() => tickRemaining(ctx, tableHolder), 60000);
  // and a matter turns yellow with the clock too, with no event to say so (the services announce red, not yellow):
  // the lists are read again now and then
  const reread = setInterval(() => load(false), REREAD_MS);
  return () => {
    generation++;
    stopFeed();
    clearInterval(tick);
    clearInterval(reread);
  };
}
