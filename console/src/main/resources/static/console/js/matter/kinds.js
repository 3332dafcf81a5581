// How each kind of matter's view reads: its number, its main facts, its running deadline and its timeline, in one
// shape the screen draws. Only fields the API returned are shown; personal data arrives masked and stays as it came.

/** {dueAt, flag, step} of whatever limit runs now, or null. */
function requestDeadline(level) {
  if (!level) {
    return null;
  }
  if (!level.firstResponseAt && level.firstResponseDueAt) {
    return { dueAt: level.firstResponseDueAt, flag: level.firstResponseFlag, step: 'firstResponse' };
  }
  if (!level.completedAt && level.completionDueAt) {
    return { dueAt: level.completionDueAt, flag: level.completionFlag, step: 'completion' };
  }
  return null;
}

function person(name, id) {
  if (!name && !id) {
    return '';
  }
  return name && id && name !== id ? `${name} · ${id}` : (name || id);
}

/** Timeline entries in one shape: {at, actor, actorName, action, state, remark}, oldest first as in a case file. */
function entries(list, map) {
  return (list || []).map(map).sort((a, b) => String(a.at || '').localeCompare(String(b.at || '')) || 0);
}

const plain = (e) => ({ at: e.at, actor: e.actor, actorName: e.actorName, action: e.action, state: e.state,
  remark: e.remark });

export const KINDS = {
  incident: {
    title: (v) => v.caseNumber,
    state: (v) => v.state,
    facts: (v) => [
      ['type', { enum: 'type', value: v.type }],
      ['urgency', { enum: 'urgency', value: v.urgency }],
      ['source', { enum: 'source', value: v.source }],
      ['grid', { grid: v.gridCode || v.townshipCode }],
      ['handler', person(v.officerName, v.officerId)],
      ['supervised', { bool: v.supervised }],
      ['reportedAt', { time: v.reportedAt }],
      ['rating', v.rating],
      ['reporter', v.reporter ? [v.reporter.name, v.reporter.phone, v.reporter.idNumber].filter(Boolean).join(' · ') : ''],
      ['description', v.description],
    ],
    deadline: (v) => (v.dueAt || v.flag ? { dueAt: v.dueAt, flag: v.flag } : null),
    timeline: (v) => entries(v.timeline, plain),
  },
  dispute: {
    title: (v) => v.id,
    state: (v) => v.state,
    facts: (v) => [
      ['type', { enum: 'type', value: v.type }],
      ['riskLevel', { enum: 'riskLevel', value: v.riskLevel }],
      ['level', { enum: 'level', value: v.level }],
      ['source', { enum: 'source', value: v.source }],
      ['grid', { grid: v.gridCode, more: v.otherGridCodes }],
      ['handler', (v.mediatorIds || []).join('、')],
      ['openedAt', { time: v.openedAt }],
      ['parties', (v.parties || []).map((p) => [`#${p.index}`, p.name, p.phone, p.idNumber].filter(Boolean).join(' ')
        + ` (${p.role})`).join('；')],
      ['description', v.description],
    ],
    deadline: (v) => (v.deadline ? { dueAt: v.deadline.dueAt, flag: v.deadline.flag, step: v.deadline.step } : null),
    timeline: (v, extra) => entries(extra ? extra.items : v.timeline, (e) => ({ at: e.at, actor: e.actorId,
      actorName: e.actorName, action: e.action, state: e.to, remark: e.remark })),
  },
  request: {
    title: (v) => v.number,
    state: (v) => v.state,
    facts: (v) => [
      ['item', v.itemName],
      ['channel', { enum: 'channel', value: v.channel }],
      ['grid', { grid: v.gridCode || v.windowCode }],
      ['handler', v.responsibleUnit],
      ['submittedAt', { time: v.submittedAt }],
      ['applicant', v.applicant ? [v.applicant.name, v.applicant.phone, v.applicant.idNumber].filter(Boolean).join(' · ') : ''],
      ['missingMaterials', (v.missingMaterials || []).join('、')],
      ['waitingFor', (v.assistance || []).filter((a) => a.state === 'ASKED').map((a) => a.agency).join('、')],
      ['refusalReason', v.refusalReason],
      ['rating', v.rating],
    ],
    deadline: (v) => requestDeadline(v.serviceLevel),
    timeline: (v) => entries(v.timeline, plain),
  },
  hazard: {
    title: (v) => v.id,
    state: (v) => v.state,
    facts: (v) => [
      ['hazardKind', { enum: 'kind', value: v.kind }],
      ['riskLevel', { enum: 'riskLevel', value: v.riskLevel }],
      ['level', { enum: 'level', value: v.level }],
      ['grid', { grid: v.gridCode }],
      ['handler', person(v.officerName, v.officerId)],
      ['member', person(v.memberName, v.memberId)],
      ['responsibleParty', v.responsibleParty ? [v.responsibleParty.name, v.responsibleParty.phone]
        .filter(Boolean).join(' · ') : ''],
      ['measures', v.rectificationOrder ? v.rectificationOrder.measures : ''],
      ['reportedAt', { time: v.reportedAt }],
      ['description', v.description],
    ],
    deadline: (v) => (v.deadline && (v.deadline.dueAt || v.deadline.flag)
      ? { dueAt: v.deadline.dueAt, flag: v.deadline.flag, step: v.deadline.step } : null),
    timeline: (v) => entries(v.timeline, plain),
  },
  visit: {
    title: (v) => v.id,
    state: (v) => v.status,
    facts: (v) => [
      ['dispute', { link: v.disputeId ? `#/matter/dispute/${encodeURIComponent(v.disputeId)}` : null,
        value: v.disputeId }],
      ['reason', { enum: 'reason', value: v.reason }],
      ['grid', { grid: v.gridCode }],
      ['handler', v.assignee ? person(v.assignee.name, v.assignee.id) : ''],
      ['partyToVisit', v.partyToVisit],
      ['dueOn', { date: v.dueOn }],
      ['outcome', v.outcome ? [v.outcome.visitedOn, v.outcome.partyName, person(v.outcome.visitorName,
        v.outcome.visitorId)].filter(Boolean).join(' · ') : ''],
      ['satisfied', v.outcome ? { bool: v.outcome.satisfied } : ''],
      ['hazardRemains', v.outcome ? { bool: v.outcome.hazardRemains } : ''],
      ['notes', v.outcome ? v.outcome.notes : ''],
    ],
    // a visit's limit is its due day; the API says whether it was missed (FollowUpVisitOverdue)
    deadline: (v) => (v.status === 'SCHEDULED' ? { date: v.dueOn, flag: v.overdue ? 'RED' : null } : null),
    timeline: (v) => entries([
      v.createdAt ? { at: v.createdAt, action: 'schedule', state: 'SCHEDULED' } : null,
      v.outcome ? { at: v.outcome.recordedAt, actor: v.outcome.visitorId, actorName: v.outcome.visitorName,
        action: 'complete', state: 'COMPLETED', remark: v.outcome.notes } : null,
    ].filter(Boolean), (e) => e),
  },
};
