// One matter (#/matter/<kind>/<id>): its main facts, its timeline read as a case file (oldest first), and exactly
// the steps its workflow allows now: the view's allowedActions (for hazards and visits, whose views carry none, the
// states each step is documented for), kept to the steps the person's roles may take. Each step's form follows the
// rules of its request schema; the API still decides, and a refusal shows its problem text as sent, leaving the form
// filled and the rest of the screen as it was. The live feed re-reads the matter when something happens to it.

import { Problem } from '../api.js';
import { announce, clear, flagBadge, h, newKey, problemBox, table } from '../ui.js';
import { KINDS } from '../matter/kinds.js';
import { kindLabel, stepForm } from '../matter/step-form.js';
import { STEP_FORMS } from '../matter/step-forms.js';

function addStylesheet() {
  if (!document.querySelector('link[data-screen=matter]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/console/css/matter.css', dataset: { screen: 'matter' } }));
  }
}

/** The steps to offer now: {steps: [action], more: [action]} (more = records that are not workflow steps). */
export function offeredSteps(spec, view, state, roles) {
  const mayTake = (step) => step.roles.some((role) => roles.includes(role));
  const allowed = spec.allowedActions ? new Set(view.allowedActions || []) : null;
  const entries = Object.entries(spec.steps);
  const inState = ([action, step]) => (allowed ? allowed.has(action) : (step.from || []).includes(state));
  const open = entries.some(([action, step]) => step.workflow && action !== 'commend' && inState([action, step]));
  return {
    steps: entries.filter(([, step]) => step.workflow && mayTake(step)).filter(inState).map(([action]) => action),
    more: open ? entries.filter(([, step]) => !step.workflow && mayTake(step)).map(([action]) => action) : [],
  };
}

export async function mount(main, ctx, params) {
  addStylesheet();
  const [kind, id] = params;
  const t = ctx.t;
  const spec = STEP_FORMS[kind];
  const shape = KINDS[kind];
  if (!spec || !shape || !id) {
    clear(main, h('section', { class: 'panel' }, h('h1', {}, t('matter.unknown.title')),
      h('p', {}, t('matter.unknown.text'))));
    return () => {};
  }
  const base = `${spec.base}/${encodeURIComponent(id)}`;
  const label = (prefix, value) => kindLabel(ctx, kind, prefix, value);

  let view = null;
  let openForm = null; // {action, form, key}: kept across re-reads so typed input survives a live update
  let reloading = null;
  let closed = false;

  const header = h('section', { class: 'panel matter-head', 'aria-labelledby': 'matter-title' });
  const timeline = h('section', { class: 'panel matter-timeline', 'aria-labelledby': 'timeline-title' });
  const stepsPanel = h('section', { class: 'panel matter-steps', 'aria-labelledby': 'steps-title' });
  const files = h('section', { class: 'panel matter-files', 'aria-labelledby': 'files-title', hidden: true });
  const status = h('div', { class: 'matter-status', id: 'matter-status', tabindex: '-1' });
  clear(main, header, h('div', { class: 'grid-2 matter-body' }, timeline, h('div', {}, stepsPanel, files)));

  async function read() {
    const [v, extra, fileList] = await Promise.all([
      ctx.api(base),
      spec.timeline ? ctx.api(`${base}/timeline`).catch(() => null) : null,
      spec.files ? ctx.api(`${base}/files?page=0&size=100`).catch((e) => e) : null,
    ]);
    return { v, extra, fileList };
  }

  function factValue(value) {
    if (value === null || value === undefined || value === '') {
      return null;
    }
    if (typeof value !== 'object') {
      return String(value);
    }
    if ('enum' in value) {
      return value.value ? label(`matter.enum.${value.enum}`, value.value) : null;
    }
    if ('grid' in value) {
      const codes = [value.grid, ...(value.more || [])].filter(Boolean);
      return codes.length ? codes.join('、') : null;
    }
    if ('time' in value) {
      return value.time ? ctx.fmt.dateTime(value.time) : null;
    }
    if ('date' in value) {
      return value.date ? ctx.fmt.date(value.date) : null;
    }
    if ('bool' in value) {
      return value.bool === null || value.bool === undefined ? null : t(value.bool ? 'matter.form.yes' : 'matter.form.no');
    }
    if ('link' in value) {
      return value.link ? h('a', { href: value.link }, value.value) : null;
    }
    return null;
  }

  function renderHeader() {
    const state = shape.state(view);
    const deadline = shape.deadline(view);
    const rows = shape.facts(view).map(([name, value]) => [name, factValue(value)]).filter(([, v]) => v !== null);
    const dl = h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, t('matter.fact.state')),
        h('dd', {}, h('span', { class: 'state', dataset: { state } }, label('matter.state', state)))),
      deadline ? h('div', {}, h('dt', {}, t('matter.fact.deadline')), h('dd', { class: 'deadline' },
        flagBadge(deadline.flag || 'GREEN', t), ' ',
        deadline.dueAt ? t('matter.dueAt', { time: ctx.fmt.dateTime(deadline.dueAt) })
          : deadline.date ? t('matter.dueOn', { date: ctx.fmt.date(deadline.date) }) : '',
        deadline.step ? h('span', { class: 'hint' }, ` (${label('matter.deadlineStep', deadline.step)})`) : '')) : '',
      rows.map(([name, value]) => h('div', { dataset: { fact: name } }, h('dt', {}, t(`matter.fact.${name}`)),
        h('dd', {}, value))));
    clear(header,
      h('p', { class: 'kind' }, h('a', { href: '#/deadlines' }, t('matter.back')), ' · ', t(`matter.kind.${kind}`)),
      h('h1', { id: 'matter-title' }, t(`matter.kind.${kind}`), ' ', h('span', { class: 'number' }, shape.title(view))),
      dl);
  }

  function renderTimeline(extra) {
    const list = shape.timeline(view, extra);
    clear(timeline, h('h2', { id: 'timeline-title' }, t('matter.timeline')),
      list.length ? table(t('matter.timeline.caption', { n: list.length }),
        [t('matter.timeline.at'), t('matter.timeline.actor'), t('matter.timeline.step'), t('matter.timeline.state'),
          t('matter.timeline.remark')],
        list.map((e) => [
          e.at ? h('time', { datetime: e.at }, ctx.fmt.dateTime(e.at)) : '',
          [e.actorName, e.actor && e.actor !== e.actorName ? h('span', { class: 'hint' }, ` ${e.actor}`) : ''],
          e.action ? label('matter.action', e.action) : '',
          e.state ? label('matter.state', e.state) : '',
          e.remark || '',
        ]), { class: 'data timeline' })
        : h('p', { class: 'hint' }, t('matter.timeline.empty')));
  }

  function renderFiles(fileList) {
    if (!spec.files || fileList === null) {
      files.hidden = true;
      return;
    }
    files.hidden = false;
    if (fileList instanceof Error) {
      clear(files, h('h2', { id: 'files-title' }, t('matter.files')),
        h('p', { class: 'hint' }, t('matter.files.unreadable', { title: fileList.title || fileList.message })));
      return;
    }
    const items = (fileList && fileList.items) || [];
    clear(files, h('h2', { id: 'files-title' }, t('matter.files')),
      items.length ? table(t('matter.files.caption', { n: items.length }),
        [t('matter.files.kind'), t('matter.files.type'), t('matter.files.size'), t('matter.files.at'),
          t('matter.files.download')],
        items.map((f) => {
          const href = f.href && f.href.startsWith('/') ? f.href : `${base}/files/${encodeURIComponent(f.id)}`;
          return [f.kind || '', f.mediaType || '', f.size === undefined || f.size === null ? ''
            : t('matter.files.kb', { kb: ctx.fmt.number(Math.ceil(f.size / 1024)) }),
          f.uploadedAt ? ctx.fmt.dateTime(f.uploadedAt) : '',
          h('a', { href, download: '', 'aria-label': t('matter.files.downloadOne', { id: f.id }) },
            t('matter.files.download'))];
        })) : h('p', { class: 'hint' }, t('matter.files.none')));
  }

  async function take(action, body, box) {
    const step = spec.steps[action];
    const attempt = openForm;
    clear(box);
    try {
      await ctx.api(`${base}/${step.path}`, { method: 'POST', body, idempotencyKey: attempt.key });
    } catch (e) {
      if (e instanceof Problem) {
        attempt.key = newKey(); // a refused attempt was not a write; a corrected one is a new one
        clear(box, problemBox(e, t));
        box.scrollIntoView({ block: 'nearest' });
      } else {
        // offline or the gateway unreachable: the same key makes pressing again safe
        clear(box, problemBox({ title: t('matter.offline'), detail: e.message }, t));
      }
      return;
    }
    const done = label('matter.action', action);
    openForm = null;
    await reload(false);
    clear(status, h('p', { class: 'done', role: 'status' }, t('matter.done', { step: done })));
    announce(t('matter.done', { step: done }));
    status.focus();
  }

  function openStep(action) {
    if (openForm && openForm.action === action) {
      openForm.form.querySelector('input, select, textarea, button[type=submit]').focus();
      return;
    }
    const form = stepForm(kind, action, spec.steps[action], ctx, (body, box) => take(action, body, box), () => {
      openForm = null;
      renderSteps();
      const button = stepsPanel.querySelector(`button[data-action="${action}"]`);
      if (button) {
        button.focus();
      }
    });
    openForm = { action, form, key: newKey() };
    clear(status);
    renderSteps();
    form.querySelector('input, select, textarea, button[type=submit]').focus();
  }

  function stepButton(action) {
    const expanded = Boolean(openForm && openForm.action === action);
    return h('button', { type: 'button', class: expanded ? 'step primary' : 'step', dataset: { action },
      'aria-expanded': String(expanded), 'aria-controls': expanded ? `step-${action}-form` : null,
      onclick: () => openStep(action) }, label('matter.action', action));
  }

  function renderSteps() {
    const { steps, more } = offeredSteps(spec, view, shape.state(view), ctx.user.roles);
    if (openForm && !steps.includes(openForm.action) && !more.includes(openForm.action)) {
      // the matter moved on (another person's step, seen live): the form keeps what was typed, and says so; the
      // API decides if it is sent anyway
      clear(status, h('p', { class: 'hint', role: 'status' }, t('matter.stepGone', {
        step: label('matter.action', openForm.action) })));
    }
    if (openForm) {
      openForm.form.id = `step-${openForm.action}-form`;
    }
    clear(stepsPanel, h('h2', { id: 'steps-title' }, t('matter.steps')), status,
      steps.length ? h('ul', { class: 'step-list', 'aria-label': t('matter.steps') },
        steps.map((a) => h('li', {}, stepButton(a)))) : h('p', { class: 'hint', dataset: { none: 'steps' } },
        t('matter.steps.none')),
      more.length ? h('div', { class: 'more' }, h('h3', {}, t('matter.more')),
        h('ul', { class: 'step-list' }, more.map((a) => h('li', {}, stepButton(a))))) : '',
      openForm ? openForm.form : '');
  }

  async function reload(live) {
    const { v, extra, fileList } = await read();
    if (closed) {
      return;
    }
    view = v;
    renderHeader();
    renderTimeline(extra);
    renderSteps();
    renderFiles(fileList);
    if (live) {
      announce(t('matter.updated'));
    }
  }

  function reloadLive() {
    if (reloading) {
      return;
    }
    reloading = setTimeout(() => {
      reloading = null;
      reload(true).catch((e) => {
        clear(status, problemBox(e instanceof Problem ? e : { title: t('common.error'), detail: e.message }, t));
      });
    }, 300);
  }

  await reload(false);
  const stops = [];
  if (ctx.feed) {
    stops.push(ctx.feed.on((item) => {
      if (item && item.subject === id) {
        reloadLive();
      }
    }));
    stops.push(ctx.feed.onReconnect(reloadLive));
  }
  return () => {
    closed = true;
    clearTimeout(reloading);
    stops.forEach((stop) => stop());
  };
}
