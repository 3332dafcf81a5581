// What the three boards (deadlines, window, trends) share: their stylesheet, lists read the way the API pages them,
// the person's area tree for names, county-time calendar days, a debounced refresh tied to the live feed, and
// Chart.js loaded once. Nothing here decides who may see what: a list the person's role may not read is not asked
// for, and one that still answers 403 is left out quietly (the API's rule, not ours).

import { all } from '../api.js';
import { h } from '../ui.js';

export function addStylesheet() {
  if (!document.querySelector('link[data-boards-css]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/console/css/boards.css', 'data-boards-css': true }));
  }
}

/** Every item of a paged list, or null when the API refuses this person the list (403). */
export async function listOrSkip(path, max = 1000) {
  try {
    return await all(path, max);
  } catch (e) {
    if (e && e.status === 403) {
      return null;
    }
    throw e;
  }
}

/** Whether the person holds one of the roles docs/endpoints.md lists for an operation. */
export function mayCall(ctx, roles) {
  return ctx.is(...roles);
}

/** Runs `fn` at most once per `ms`, after the last call (a burst of feed items makes one reload). */
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/**
 * Reloads on every feed item (debounced) and after the feed reconnects. Returns the function that stops it.
 * `accept(item)` narrows which items matter to the board.
 */
export function followFeed(ctx, reload, accept = () => true, ms = 1000) {
  if (!ctx.feed) {
    return () => {};
  }
  const later = debounce(reload, ms);
  const offItem = ctx.feed.on((item) => {
    if (accept(item)) {
      later();
    }
  });
  const offReconnect = ctx.feed.onReconnect(() => reload());
  return () => {
    later.cancel();
    offItem();
    offReconnect();
  };
}

// ---- county-time calendar -------------------------------------------------------------------------------------

function zoneOf(ctx) {
  return (ctx.settings && ctx.settings.timeZone) || 'Asia/Shanghai';
}

/** Today in the county's zone, as an ISO date (yyyy-mm-dd). */
export function today(ctx) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zoneOf(ctx), year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

function parts(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

function isoOf(date) {
  return date.toISOString().substring(0, 10);
}

export function addDays(iso, n) {
  const { y, m, d } = parts(iso);
  return isoOf(new Date(Date.UTC(y, m - 1, d + n)));
}

export function addMonths(iso, n) {
  const { y, m } = parts(iso);
  return isoOf(new Date(Date.UTC(y, m - 1 + n, 1)));
}

/** Monday of the ISO week holding `iso` (grid-service's weeks run Monday to Sunday). */
export function mondayOf(iso) {
  const { y, m, d } = parts(iso);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}

export function firstOfMonth(iso) {
  return `${iso.substring(0, 7)}-01`;
}

/** The instant a county day ends (the next day's midnight in the county's zone), in epoch ms. */
export function endOfDay(ctx, iso) {
  const { y, m, d } = parts(iso);
  const guess = Date.UTC(y, m - 1, d + 1);
  const wall = new Intl.DateTimeFormat('en-CA', { timeZone: zoneOf(ctx), year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess))
    .reduce((acc, p) => ({ ...acc, [p.type]: Number(p.value) }), {});
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return guess - (asUtc - guess);
}

// ---- the person's areas ---------------------------------------------------------------------------------------

let areaCache = null;

/**
 * The areas under the person's scope codes (county, townships, villages, grids; not the ten-household units):
 * {byCode: Map(code → {code, level, name, parentCode, depth}), roots: [codes in tree order], ordered: [nodes]}.
 * Read once per page load; a scope the tree does not know is left out.
 */
export function areas(ctx) {
  const key = (ctx.user.scopeCodes || []).join(',');
  if (areaCache && areaCache.key === key) {
    return areaCache.promise;
  }
  const promise = (async () => {
    const byCode = new Map();
    const ordered = [];
    const trees = await Promise.all((ctx.user.scopeCodes || []).map((code) =>
      ctx.api(`/api/areas?root=${encodeURIComponent(code)}`).catch(() => null)));
    const walk = (node, depth) => {
      if (!node || node.level === 'UNIT' || byCode.has(node.code)) {
        return;
      }
      const entry = { code: node.code, level: node.level, name: node.name, parentCode: node.parentCode, depth };
      byCode.set(node.code, entry);
      ordered.push(entry);
      (node.children || []).forEach((child) => walk(child, depth + 1));
    };
    trees.forEach((tree) => walk(tree, 0));
    return { byCode, ordered, roots: trees.filter(Boolean).map((t) => t.code) };
  })();
  areaCache = { key, promise };
  return promise;
}

/** "杨家村一网格 (621223101001001)" when the tree knows the code, else the code. */
export function areaName(index, code) {
  if (!code) {
    return '';
  }
  const node = index && index.byCode.get(code);
  return node && node.name ? node.name : code;
}

// ---- Chart.js (UMD, window.Chart) -----------------------------------------------------------------------------

let chartLoading = null;

export function loadChart() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  if (!chartLoading) {
    chartLoading = new Promise((resolve, reject) => {
      const script = h('script', { src: '/console/webjars/chart.js/dist/chart.umd.js', 'data-chartjs': true });
      script.addEventListener('load', () => resolve(window.Chart));
      script.addEventListener('error', () => {
        chartLoading = null;
        reject(new Error('Chart.js could not be loaded'));
      });
      document.head.append(script);
    });
  }
  return chartLoading;
}

/** Runs async tasks with at most `limit` at a time (a dozen periods must not become a dozen parallel requests). */
export async function pooled(tasks, limit = 4) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A labelled <select>: [label, select] for a form row. options = [[value, text], ...]. */
export function labelledSelect(id, text, options, value, onchange) {
  const select = h('select', { id, onchange },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  return [h('label', { for: id }, text), select];
}

/**
 * A wrapper that scrolls a wide table sideways on a narrow screen; focusable and named, so a keyboard can scroll it
 * (axe: scrollable-region-focusable).
 */
export function scrollRegion(t, ...children) {
  return h('div', { class: 'board-table', tabindex: '0', role: 'region', 'aria-label': t('boards.scrollRegion') },
    ...children);
}

/** The row (data-kind, data-id) holding the keyboard focus inside `holder`, to find it again after a redraw. */
export function focusedRow(holder) {
  const row = document.activeElement && holder.contains(document.activeElement)
    ? document.activeElement.closest('tr[data-id]') : null;
  return row ? { kind: row.dataset.kind, id: row.dataset.id } : null;
}

/** Puts the focus back on the same row's link after the table was redrawn (a live reload must not lose it). */
export function refocus(holder, focus) {
  if (!focus) {
    return;
  }
  const row = [...holder.querySelectorAll('tr[data-id]')]
    .find((r) => r.dataset.kind === focus.kind && r.dataset.id === focus.id);
  const link = row && row.querySelector('a[href]');
  if (link) {
    link.focus();
  }
}

/** Rewrites the "overdue by / due in" cells (data-due) as the clock moves, without redrawing the table. */
export function tickRemaining(ctx, holder) {
  const now = Date.now();
  holder.querySelectorAll('td[data-due]').forEach((cell) => {
    const due = Number(cell.dataset.due);
    const overdue = due <= now;
    cell.classList.toggle('board-overdue', overdue);
    cell.textContent = ctx.t(overdue ? 'boards.overdueBy' : 'boards.dueIn', { d: ctx.fmt.duration(due - now) });
  });
}
