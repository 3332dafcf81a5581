// The trends' numbers. grid-service answers one period at a time: /api/area-statistics/{code}?period=&on= gives a
// county, township, village or grid's counters for the day, week or month holding `on` (with the same counters per
// child area), and /api/grid-statistics?from=&to= gives reports and findings per grid for a date range. Neither
// gives a series, so the series is built by asking once per period (the last 14 days, 12 weeks or 12 months), a few
// requests at a time. People whose role may not read area statistics (grid members, auxiliary officers) get the
// reports and findings of the grid statistics, summed over the grids under the chosen area.

import { all } from '../api.js';
import { addDays, addMonths, firstOfMonth, mondayOf, pooled, today } from './common.js';

export const PERIODS = {
  DAY: { count: 14, start: (iso) => iso, step: (iso, n) => addDays(iso, n), end: (iso) => iso },
  WEEK: { count: 12, start: mondayOf, step: (iso, n) => addDays(iso, 7 * n), end: (iso) => addDays(iso, 6) },
  MONTH: { count: 12, start: firstOfMonth, step: addMonths, end: (iso) => addDays(addMonths(iso, 1), -1) },
};

/** The starts of the last `count` periods, oldest first, the current (partial) one last. */
export function periodStarts(ctx, period) {
  const p = PERIODS[period];
  const current = p.start(today(ctx));
  return Array.from({ length: p.count }, (_, i) => p.step(current, i - (p.count - 1)));
}

export const AREA_STATISTICS_ROLES = ['OFFICER', 'SUPERVISOR', 'ADMIN'];

/**
 * [{start, end, counts: {name → n}, derived: {name → ratio}, children: {code → {name → n}} | null}], oldest first.
 * `full` says whether the cases, satisfaction and deadline counters are there (area statistics) or only reports
 * and findings (grid statistics).
 */
export async function series(ctx, areaCode, period) {
  const full = ctx.is(...AREA_STATISTICS_ROLES);
  const starts = periodStarts(ctx, period);
  const end = PERIODS[period].end;
  const last = today(ctx);
  const tasks = starts.map((start) => async () => {
    if (full) {
      const figures = await ctx.api(`/api/area-statistics/${encodeURIComponent(areaCode)}?period=${period}&on=${start}`);
      return { start, end: figures.to || end(start), counts: figures.counts || {}, derived: figures.derived || {},
        children: figures.children || null };
    }
    const to = end(start) > last ? last : end(start);
    const township = areaCode.length >= 9 ? `&townshipCode=${areaCode.substring(0, 9)}` : '';
    const grids = await all(`/api/grid-statistics?from=${start}&to=${to}${township}`, 2000);
    const counts = {};
    const children = {};
    const childLength = areaCode.length === 6 ? 9 : areaCode.length + 3;
    grids.filter((g) => g.gridCode && g.gridCode.startsWith(areaCode)).forEach((g) => {
      const add = (target, name, n) => { target[name] = (target[name] || 0) + (n || 0); };
      const child = areaCode.length < 15 ? (children[g.gridCode.substring(0, childLength)] ||= {}) : null;
      [counts, child].filter(Boolean).forEach((target) => {
        add(target, 'patrolReports', g.patrolReports);
        Object.entries(g.findings || {}).forEach(([kind, n]) => add(target, `finding_${kind}`, n));
      });
    });
    return { start, end: to, counts, derived: {}, children: areaCode.length < 15 ? children : null };
  });
  return { full, points: await pooled(tasks, 4) };
}
