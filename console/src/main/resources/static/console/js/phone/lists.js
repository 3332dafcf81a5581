// What the member has sent (their own reports, newest first) and the follow-up visits due in their grids (soonest
// first). Both are the API's answers for the signed-in person; nothing here is kept for offline use.

import { api } from '../api.js';
import { h, clear, flagBadge, problemBox } from '../ui.js';

const MAX = 20;

/** A visit due within this many county days (today included) is yellow: the same rule as the deadline board. */
const VISIT_YELLOW_DAYS = 3;

/** GREEN/YELLOW/RED of a visit (it carries no flag): red once the API raised it overdue, yellow when due soon. */
export function visitFlag(visit, today) {
  if (visit.overdue) {
    return 'RED';
  }
  const until = new Date(`${today}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + VISIT_YELLOW_DAYS);
  return visit.dueOn < until.toISOString().substring(0, 10) ? 'YELLOW' : 'GREEN';
}

function countyToday(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

function snippet(text) {
  const s = text || '';
  return s.length > 80 ? `${s.substring(0, 80)}…` : s;
}

export async function showReports(root, { user, t, fmt, gridName }) {
  const result = await api(`/api/patrol-reports?memberId=${encodeURIComponent(user.username)}&page=0&size=${MAX}`);
  const items = (result && result.items) || [];
  if (!items.length) {
    clear(root, h('p', { class: 'hint' }, t('phone.reports.none')));
    return items;
  }
  clear(root, h('ul', { class: 'cards', id: 'my-reports' }, items.map((r) => h('li', {
    class: 'card', dataset: { reportId: r.id },
  },
  h('p', { class: 'card-title' }, fmt.dateTime(r.submittedAt || r.endedAt), ' · ', gridName(r.gridCode)),
  h('p', {}, (r.findings || []).length
    ? (r.findings || []).map((f) => t(`phone.kind.${f.kind}`)).join('、')
    : t('phone.reports.nothingFound')),
  (r.findings || []).length ? h('p', { class: 'finding-text' }, snippet(r.findings[0].description)) : null,
  r.trackPoints ? h('p', { class: 'hint' }, t('phone.reports.route', { n: r.trackPoints,
    reached: (r.checkpointsReached || []).length })) : null,
  h('p', { class: 'hint' }, t('phone.reports.id', { id: r.id }))))));
  return items;
}

export async function showVisits(root, { t, fmt, gridName, timeZone }) {
  const result = await api(`/api/follow-up-visits?status=SCHEDULED&page=0&size=${MAX}`);
  const items = (result && result.items) || [];
  if (!items.length) {
    clear(root, h('p', { class: 'hint' }, t('phone.visits.none')));
    return;
  }
  const today = countyToday(timeZone);
  clear(root, h('ul', { class: 'cards', id: 'my-visits' }, items.map((v) => h('li', { class: 'card' },
    h('p', { class: 'card-title' }, flagBadge(visitFlag(v, today), t), ' ',
      t('phone.visits.due', { day: fmt.date(`${v.dueOn}T12:00:00+08:00`) })),
    h('p', {}, gridName(v.gridCode), v.partyToVisit ? ` · ${t('phone.visits.party', { name: v.partyToVisit })}` : ''),
    v.reason ? h('p', { class: 'hint' }, t(`phone.visits.reason.${v.reason}`)) : null,
    h('a', { href: `/console/#/matter/visit/${encodeURIComponent(v.id)}` }, t('phone.visits.open'))))));
}

/** Runs a list's loader, showing a refusal in its place rather than breaking the page. */
export async function guarded(root, t, load) {
  try {
    return await load();
  } catch (e) {
    clear(root, e instanceof TypeError ? h('p', { class: 'hint' }, t('phone.offline.lists')) : problemBox(e, t));
    return null;
  }
}
