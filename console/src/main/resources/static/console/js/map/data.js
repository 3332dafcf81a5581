// What the map shows, read from the API for the signed-in person: the grids of their areas, each grid's figures,
// the open matters and the patrol points. The API decides what this person may see; a list it refuses (403) or an
// area it does not know for them (404) is shown as nothing, never as an error, since the person's role simply has
// no such list (a mediator has no incidents, for instance).

import { api, Problem } from '../api.js';

/** Workflow states in which a matter is still open, per kind: what the map counts and marks. */
export const OPEN_STATES = {
  incident: ['REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED'],
  dispute: ['APPLIED', 'ACCEPTED', 'MEDIATING', 'AGREED', 'CONFIRMATION_PENDING', 'CONFIRMED', 'PERFORMING'],
  hazard: ['REPORTED', 'RECTIFYING', 'REINSPECTING'],
};

/** The figures a grid can be coloured by, in the order the select offers them. */
export const FIGURES = ['openIncidents', 'overdue', 'findingsWeek', 'reportsWeek'];

const LIST_PATHS = { incident: '/api/incidents', dispute: '/api/disputes', hazard: '/api/hazards' };
/** At most this many items per list and state: a county's open matters, not its archive. */
const MAX_PER_LIST = 1000;
/** A county's grids: the benchmark's 1,000 plus the demo's. */
const MAX_GRIDS = 5000;

const PAGE = 100;
const PARALLEL_PAGES = 4;

/**
 * Every item of a paged list ({items, page, size, total}) up to `max`: the first page says how many there are, the
 * rest are read a few at a time in parallel (a county's thousand grids are eleven pages; one after the other they
 * would keep the map waiting for seconds).
 */
export async function allPages(path, max) {
  const sep = path.includes('?') ? '&' : '?';
  const first = await api(`${path}${sep}page=0&size=${PAGE}`);
  if (Array.isArray(first)) {
    return first.slice(0, max);
  }
  const items = [...(first.items || [])];
  if (first.total === null || first.total === undefined) {
    // no total: one page after the other until a short one
    for (let page = 1; items.length < max && items.length === page * PAGE; page++) {
      items.push(...((await api(`${path}${sep}page=${page}&size=${PAGE}`)).items || []));
    }
    return items.slice(0, max);
  }
  const total = Math.min(max, first.total);
  const pages = Math.ceil(total / PAGE);
  if (pages <= 1 || items.length < PAGE) {
    return items.slice(0, max);
  }
  const rest = [];
  for (let start = 1; start < pages; start += PARALLEL_PAGES) {
    const batch = [];
    for (let page = start; page < Math.min(pages, start + PARALLEL_PAGES); page++) {
      batch.push(api(`${path}${sep}page=${page}&size=${PAGE}`));
    }
    rest.push(...await Promise.all(batch));
  }
  rest.forEach((result) => items.push(...(result.items || [])));
  return items.slice(0, max);
}

/** A list the person's role or area does not cover is an empty list. */
export async function quietly(promise, fallback, problems) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof Problem && (e.status === 403 || e.status === 404)) {
      return fallback;
    }
    if (problems) {
      problems.push(e);
    }
    return fallback;
  }
}

/** The person's scope: county (6 digits), township (9), village (12) or grid (15) codes. */
export function scopeOf(user) {
  const codes = [...new Set((user.scopeCodes || []).filter((c) => /^\d{6}(\d{3}){0,3}$/.test(c)))];
  const county = codes.length === 0 || codes.some((c) => c.length === 6);
  // a code inside another of the person's codes adds nothing
  const narrow = county ? [] : codes.filter((c) => !codes.some((o) => o !== c && c.startsWith(o)));
  return {
    county,
    codes: narrow,
    contains: (code) => county || (!!code && narrow.some((c) => code.startsWith(c))),
  };
}

/** yyyy-mm-dd of today and of this week's Monday, in the county's time zone. */
export function thisWeek(timeZone) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
  const day = new Date(`${today}T00:00:00Z`);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86400000);
  return { from: monday.toISOString().substring(0, 10), to: today };
}

/** The grids of the person's areas, by code (one request stream per scope code). */
export async function loadGrids(scope, problems) {
  const paths = scope.county ? ['/api/grids']
    : scope.codes.map((c) => (c.length === 9 ? `/api/grids?townshipCode=${c}`
      : `/api/grids?villageCode=${c.substring(0, 12)}`));
  const lists = await Promise.all(paths.map((p) => quietly(allPages(p, MAX_GRIDS), [], problems)));
  const grids = new Map();
  for (const grid of lists.flat()) {
    if (grid && grid.code && grid.active !== false && scope.contains(grid.code)) {
      grids.set(grid.code, grid);
    }
  }
  return grids;
}

/** This week's patrol reports and findings per grid code, from /api/grid-statistics. */
export async function loadWeekTotals(scope, week, problems) {
  const range = `from=${week.from}&to=${week.to}`;
  if (!scope.county && scope.codes.every((c) => c.length === 15)) {
    // a grid member's few grids: each grid's own totals, rather than a township the member is not responsible for
    const items = await Promise.all(scope.codes.map((c) => quietly(api(`/api/grid-statistics/${c}?${range}`), null,
      problems)));
    return new Map(items.map((item, i) => item && [item.gridCode || scope.codes[i], weekTotalsOf(item)]).filter(Boolean));
  }
  const townships = scope.county ? [null] : [...new Set(scope.codes.map((c) => c.substring(0, 9)))];
  const lists = await Promise.all(townships.map((t) => quietly(allPages(
    `/api/grid-statistics?${t ? `townshipCode=${t}&` : ''}${range}`, MAX_GRIDS), [], problems)));
  const totals = new Map();
  for (const item of lists.flat()) {
    if (item && item.gridCode) {
      totals.set(item.gridCode, weekTotalsOf(item));
    }
  }
  return totals;
}

export function weekTotalsOf(item) {
  const findings = item.findings || {};
  return {
    reports: item.patrolReports || 0,
    findings: Object.values(findings).reduce((sum, n) => sum + (Number(n) || 0), 0),
    findingsByKind: findings,
  };
}

/** The list paths to read the open matters of one kind for the person's scope (one per scope code and state). */
function matterPaths(kind, scope, gridCode) {
  const base = LIST_PATHS[kind];
  let filters;
  if (gridCode) {
    filters = [`gridCode=${gridCode}`];
  } else if (scope.county) {
    filters = [''];
  } else if (kind === 'incident') {
    // incidents filter by township; a grid's own scope narrows to the grid
    filters = [...new Set(scope.codes.map((c) => (c.length === 15 ? `gridCode=${c}` : `townshipCode=${c.substring(0, 9)}`)))];
  } else {
    // disputes and hazards filter by grid only: grids by grid, wider areas by what the API gives the person
    filters = scope.codes.every((c) => c.length === 15) ? scope.codes.map((c) => `gridCode=${c}`) : [''];
  }
  return filters.flatMap((f) => OPEN_STATES[kind].map((s) => `${base}?${f ? `${f}&` : ''}state=${s}`));
}

/** Open matters of these kinds (incident, dispute, hazard) the person may see, each tagged with its kind. */
export async function loadMatters(scope, kinds, problems, gridCode) {
  const lists = await Promise.all(kinds.map(async (kind) => {
    const batches = await Promise.all(matterPaths(kind, scope, gridCode)
      .map((p) => quietly(allPages(p, MAX_PER_LIST), [], problems)));
    const seen = new Map();
    // typeOf: the matter's own type (an incident's or dispute's type, a hazard's kind); kind: which list it came from
    batches.flat().forEach((m) => m && m.id && seen.set(m.id, { ...m, typeOf: kind === 'hazard' ? m.kind : m.type, kind }));
    return [...seen.values()];
  }));
  return lists.flat();
}

export async function loadPoints(scope, problems, gridCode) {
  const paths = gridCode ? [`/api/patrol-points?gridCode=${gridCode}`]
    : scope.county || scope.codes.some((c) => c.length < 15) ? ['/api/patrol-points']
      : scope.codes.map((c) => `/api/patrol-points?gridCode=${c}`);
  const lists = await Promise.all(paths.map((p) => quietly(allPages(p, MAX_PER_LIST), [], problems)));
  return lists.flat().filter((p) => p && p.location && scope.contains(p.gridCode));
}

/** Whether a matter's running time limit is overdue (red). */
export function isOverdue(matter) {
  const flag = matter.kind === 'incident' ? matter.flag : matter.deadline && matter.deadline.flag;
  return flag === 'RED';
}

export function flagOf(matter) {
  return matter.kind === 'incident' ? matter.flag : matter.deadline && matter.deadline.flag;
}

/** Per grid: open incidents and overdue matters, from the loaded matters. */
export function matterFigures(matters) {
  const figures = new Map();
  for (const m of matters) {
    if (!m.gridCode) {
      continue;
    }
    const f = figures.get(m.gridCode) || { openIncidents: 0, overdue: 0 };
    if (m.kind === 'incident') {
      f.openIncidents += 1;
    }
    if (isOverdue(m)) {
      f.overdue += 1;
    }
    figures.set(m.gridCode, f);
  }
  return figures;
}
