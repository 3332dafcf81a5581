// Where the deadline board's rows come from: one source per kind of matter, each with the roles
// docs/endpoints.md lists for its list operation and a reader that turns the API's own flags into rows
// {kind, id, flag, due (epoch ms), number, title, link, grid, handler}. The flags are the services' (YELLOW from 70%
// of a limit, RED once due); only follow-up visits and bundle tasks, which carry no flag, get one here, from the
// fields they do carry (see each reader).

import { endOfDay, addDays, today, listOrSkip } from './common.js';

/** A follow-up visit due within this many county days (today included) counts as yellow. */
const VISIT_YELLOW_DAYS = 3;

const INCIDENT_TIMED_STATES = ['REPORTED', 'REGISTERED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED'];
const HAZARD_TIMED_STATES = ['REPORTED', 'RECTIFYING', 'REINSPECTING'];
const REQUEST_OPEN_STATES = ['SUBMITTED', 'PRECHECKED', 'INCOMPLETE', 'ACCEPTED', 'IN_PROCESS'];

const ms = (iso) => (iso ? Date.parse(iso) : NaN);

/** Unions lists that may overlap (red ones read twice), the first copy of each id kept. */
async function union(paths) {
  const lists = await Promise.all(paths.map((path) => listOrSkip(path)));
  if (lists.every((list) => list === null)) {
    return null;
  }
  const seen = new Map();
  lists.filter(Boolean).flat().forEach((item) => {
    if (!seen.has(item.id)) {
      seen.set(item.id, item);
    }
  });
  return [...seen.values()];
}

function incidentRows(ctx, items) {
  return items.filter((i) => i.flag === 'YELLOW' || i.flag === 'RED').map((i) => ({
    kind: 'incident', id: i.id, flag: i.flag, due: ms(i.dueAt), number: i.caseNumber,
    title: ctx.label('boards.incidentType', i.type), link: `#/matter/incident/${encodeURIComponent(i.id)}`,
    grid: i.gridCode, handler: i.officerName || '', state: ctx.label('boards.incidentState', i.state),
  }));
}

function disputeRows(ctx, items) {
  return items.filter((d) => d.deadline && (d.deadline.flag === 'YELLOW' || d.deadline.flag === 'RED')).map((d) => ({
    kind: 'dispute', id: d.id, flag: d.deadline.flag, due: ms(d.deadline.dueAt), number: '',
    title: ctx.label('boards.disputeType', d.type), link: `#/matter/dispute/${encodeURIComponent(d.id)}`,
    grid: d.gridCode, handler: (d.mediatorIds || []).join(', '),
    state: ctx.label('boards.disputeState', d.state),
  }));
}

function visitRows(ctx, items, yellowUntil) {
  const now = Date.now();
  return items.filter((v) => v.status === 'SCHEDULED' && v.dueOn).map((v) => {
    // FollowUpVisitOverdue raised, or its day is over before the service's sweep has said so → red; otherwise due
    // within the next days → yellow (a visit has no flag of its own)
    const due = endOfDay(ctx, v.dueOn);
    const flag = v.overdue || due < now ? 'RED' : (v.dueOn < yellowUntil ? 'YELLOW' : null);
    return {
      kind: 'visit', id: v.id, flag, due, number: '',
      title: ctx.label('boards.visitReason', v.reason) || ctx.t('boards.visit.title'), link: `#/matter/visit/${encodeURIComponent(v.id)}`,
      grid: v.gridCode, handler: (v.assignee && (v.assignee.name || v.assignee.id)) || '',
      state: ctx.label('boards.visitStatus', v.status),
    };
  }).filter((row) => row.flag);
}

/** A request's running limit: its first response until answered, then its completion; the worse flag of the two. */
function requestLimit(level) {
  if (!level) {
    return null;
  }
  const answered = Boolean(level.firstResponseAt);
  const first = { flag: level.firstResponseFlag, due: level.firstResponseDueAt };
  const done = { flag: level.completionFlag, due: level.completionDueAt };
  const candidates = (answered ? [done] : [first, done]).filter((c) => c.flag === 'YELLOW' || c.flag === 'RED');
  if (!candidates.length) {
    return null;
  }
  return candidates.find((c) => c.flag === 'RED') || candidates[0];
}

export function requestRow(ctx, r) {
  const limit = requestLimit(r.serviceLevel);
  return {
    kind: 'request', id: r.id, flag: limit ? limit.flag : null,
    due: limit ? ms(limit.due) : ms(r.serviceLevel && (r.serviceLevel.firstResponseAt
      ? r.serviceLevel.completionDueAt : r.serviceLevel.firstResponseDueAt)),
    number: r.number, title: r.itemName || r.itemCode, link: `#/matter/request/${encodeURIComponent(r.id)}`,
    grid: r.gridCode, handler: r.windowCode || '', state: ctx.label('boards.requestState', r.state),
  };
}

function bundleTaskRows(ctx, items) {
  // a bundle task says only whether it is past its promised time: red when it is, never yellow (see the report)
  return items.filter((task) => task.state === 'OPEN' && task.overdue).map((task) => ({
    kind: 'bundle-task', id: task.id, flag: 'RED', due: ms(task.promisedBy), number: task.bundleNumber || '',
    title: task.itemName || task.itemCode, link: null, grid: task.gridCode, handler: task.responsibleUnit || '',
    state: ctx.label('boards.bundleTaskState', task.state),
  }));
}

function hazardRows(ctx, items) {
  return items.filter((z) => z.deadline && (z.deadline.flag === 'YELLOW' || z.deadline.flag === 'RED')).map((z) => ({
    kind: 'hazard', id: z.id, flag: z.deadline.flag, due: ms(z.deadline.dueAt), number: '',
    title: [ctx.label('boards.hazardKind', z.kind), ctx.label('boards.riskLevel', z.riskLevel)].filter(Boolean).join(' · '),
    link: `#/matter/hazard/${encodeURIComponent(z.id)}`, grid: z.gridCode,
    handler: z.officerName || z.memberName || '', state: ctx.label('boards.hazardState', z.state),
  }));
}

const OFFICERS = ['OFFICER', 'AUXILIARY_OFFICER', 'GRID_MEMBER', 'SUPERVISOR', 'ADMIN'];
const MEDIATION = ['MEDIATOR', 'OFFICER', 'AUXILIARY_OFFICER', 'GRID_MEMBER', 'SUPERVISOR', 'ADMIN'];
const WINDOW = ['WINDOW_CLERK', 'SUPERVISOR', 'ADMIN'];

/** The kinds in the board's order; `read(ctx)` → rows, or null when the API refused the list. */
export const SOURCES = [
  { kind: 'incident', roles: OFFICERS, read: async (ctx) => {
    // overdue=true is the complete red list; yellow has no filter of its own, so the timed states are read
    const items = await union(['/api/incidents?overdue=true']
      .concat(INCIDENT_TIMED_STATES.map((s) => `/api/incidents?state=${s}`)));
    return items && incidentRows(ctx, items);
  } },
  { kind: 'dispute', roles: MEDIATION, read: async (ctx) => {
    const items = await union(['/api/disputes?flag=RED', '/api/disputes?flag=YELLOW']);
    return items && disputeRows(ctx, items);
  } },
  { kind: 'visit', roles: MEDIATION, read: async (ctx) => {
    const yellowUntil = addDays(today(ctx), VISIT_YELLOW_DAYS);
    const items = await union(['/api/follow-up-visits?status=SCHEDULED&overdue=true',
      `/api/follow-up-visits?status=SCHEDULED&dueBefore=${yellowUntil}`]);
    return items && visitRows(ctx, items, yellowUntil);
  } },
  { kind: 'request', roles: WINDOW, read: async (ctx) => {
    const items = await union(REQUEST_OPEN_STATES.map((s) => `/api/service-requests?state=${s}`));
    return items && items.map((r) => requestRow(ctx, r)).filter((row) => row.flag);
  } },
  { kind: 'bundle-task', roles: WINDOW, read: async (ctx) => {
    const items = await union(['/api/bundle-tasks?state=OPEN']);
    return items && bundleTaskRows(ctx, items);
  } },
  { kind: 'hazard', roles: OFFICERS, read: async (ctx) => {
    const items = await union(['/api/hazards?overdue=true']
      .concat(HAZARD_TIMED_STATES.map((s) => `/api/hazards?state=${s}`)));
    return items && hazardRows(ctx, items);
  } },
];

export { REQUEST_OPEN_STATES };
