// A step's form, built from the rules of its request schema (js/matter/step-forms.js, generated from the OpenAPI
// documents): required fields are `required`, enums are <select>s, lengths, patterns and bounds become the HTML
// attributes, so the browser refuses what the API would refuse before anything is sent. What HTML cannot say
// (each line of a list, a pattern the browser's `v` regexp mode rejects) is checked with setCustomValidity.

import { h } from '../ui.js';

let serial = 0;

/** `<prefix>.<kind>.<VALUE>` where a kind words it its own way (an incident's accept is not a dispute's), else
 * `<prefix>.<VALUE>`, else the value itself. */
export function kindLabel(ctx, kind, prefix, value) {
  const specific = ctx.label(`${prefix}.${kind}`, value);
  return specific !== String(value) ? specific : ctx.label(prefix, value);
}

/** A simple alternation such as "MEDIATION|CASE" is a choice, shown as a <select> like an enum. */
function choices(spec) {
  if (spec.enum) {
    return spec.enum;
  }
  return spec.pattern && /^[A-Z_]+(\|[A-Z_]+)+$/.test(spec.pattern) ? spec.pattern.split('|') : null;
}

function fullMatch(pattern) {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch (e) {
    return null;
  }
}

/** The pattern attribute only when the browser will compile it (it uses the `v` flag); the check runs anyway. */
function htmlPattern(pattern) {
  try {
    new RegExp(pattern, 'v');
    return pattern;
  } catch (e) {
    return null;
  }
}

function scalarProblem(value, spec, t) {
  if (spec.maxLength !== undefined && [...value].length > spec.maxLength) {
    return t('matter.form.tooLong', { max: spec.maxLength });
  }
  if (spec.minLength !== undefined && [...value].length < spec.minLength) {
    return t('matter.form.tooShort', { min: spec.minLength });
  }
  const re = spec.pattern ? fullMatch(spec.pattern) : null;
  if (re && !re.test(value)) {
    return t('matter.form.pattern', { pattern: spec.pattern });
  }
  return '';
}

/**
 * One control for a scalar rule set. Returns {el, read} where read() gives the value to send (undefined = leave out).
 */
function control(spec, id, required, t, enumLabel) {
  const options = choices(spec);
  if (options) {
    const select = h('select', { id, required },
      h('option', { value: '' }, t(required ? 'matter.form.choose' : 'matter.form.none')),
      options.map((value) => h('option', { value }, enumLabel(value))));
    return { el: select, read: () => select.value || undefined };
  }
  if (spec.type === 'boolean') {
    const select = h('select', { id, required },
      h('option', { value: '' }, t(required ? 'matter.form.choose' : 'matter.form.none')),
      h('option', { value: 'true' }, t('matter.form.yes')),
      h('option', { value: 'false' }, t('matter.form.no')));
    return { el: select, read: () => (select.value === '' ? undefined : select.value === 'true') };
  }
  if (spec.type === 'integer' || spec.type === 'number') {
    const input = h('input', { id, type: 'number', required, min: spec.minimum, max: spec.maximum,
      step: spec.type === 'integer' ? 1 : 'any', inputmode: 'numeric' });
    return { el: input, read: () => (input.value === '' ? undefined : Number(input.value)) };
  }
  const attrs = { id, required, maxlength: spec.maxLength, minlength: spec.minLength };
  let input;
  if (spec.format === 'date') {
    input = h('input', { ...attrs, type: 'date' });
  } else if (spec.maxLength !== undefined && spec.maxLength > 200) {
    input = h('textarea', { ...attrs, rows: 3 });
  } else {
    input = h('input', { ...attrs, type: 'text', pattern: spec.pattern ? htmlPattern(spec.pattern) : null });
  }
  input.addEventListener('input', () => {
    input.setCustomValidity(input.value === '' ? '' : scalarProblem(input.value, spec, t));
  });
  return { el: input, read: () => (input.value.trim() === '' ? undefined : input.value.trim()) };
}

/** A list of strings: one per line, each line checked against the item's rules, at most maxItems lines. */
function lines(spec, id, required, t) {
  const area = h('textarea', { id, required, rows: 3, 'aria-describedby': `${id}-hint` });
  const values = () => area.value.split('\n').map((v) => v.trim()).filter(Boolean);
  area.addEventListener('input', () => {
    const list = values();
    let problem = spec.maxItems !== undefined && list.length > spec.maxItems
      ? t('matter.form.tooMany', { max: spec.maxItems }) : '';
    for (const value of list) {
      problem = problem || scalarProblem(value, spec.items || {}, t);
    }
    area.setCustomValidity(problem);
  });
  const hint = h('span', { class: 'hint', id: `${id}-hint` }, t('matter.form.onePerLine'));
  return { el: [area, hint], read: () => (values().length ? values() : undefined) };
}

/** Labelled controls for a list of fields; returns {el, read} where read() builds the object (undefined if empty). */
function group(fields, prefix, t, label, requiredActive) {
  const readers = [];
  const els = fields.map((spec) => {
    const id = `${prefix}-${spec.name}`;
    const required = spec.required && requiredActive;
    const text = label('matter.field', spec.name);
    const mark = spec.required ? h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *') : '';
    let part;
    if (spec.type === 'object') {
      part = nested(spec, id, t, label, required);
      readers.push([spec.name, part.read]);
      return part.el;
    }
    if (spec.type === 'array' && spec.items && spec.items.type === 'object') {
      part = rows(spec, id, t, label, required);
      readers.push([spec.name, part.read]);
      return part.el;
    }
    part = spec.type === 'array' ? lines(spec, id, required, t)
      : control(spec, id, required, t, (value) => label(`matter.enum.${spec.name}`, value));
    readers.push([spec.name, part.read]);
    return h('div', { class: 'field', dataset: { field: spec.name } },
      h('label', { for: id }, text, mark), part.el);
  });
  const read = () => {
    const out = {};
    for (const [name, fn] of readers) {
      const value = fn();
      if (value !== undefined) {
        out[name] = value;
      }
    }
    return Object.keys(out).length ? out : undefined;
  };
  return { el: els, read };
}

/**
 * An object field (a hazard's responsible party): its own required fields become required as soon as any of its
 * fields is filled, or always when the object itself is required.
 */
function nested(spec, id, t, label, required) {
  const inner = group(spec.fields, id, t, label, true);
  const box = h('fieldset', { class: 'nested', dataset: { field: spec.name } },
    h('legend', {}, label('matter.field', spec.name)), inner.el);
  const sync = () => {
    const filled = required || [...box.querySelectorAll('input, select, textarea')].some((c) => c.value !== '');
    spec.fields.forEach((f) => {
      const c = box.querySelector(`#${CSS.escape(`${id}-${f.name}`)}`);
      if (c && f.required) {
        c.required = filled;
      }
    });
  };
  box.addEventListener('input', sync);
  sync();
  return { el: box, read: inner.read };
}

/** A list of objects (a dispute's parties, an agreement's terms): rows that can be added and removed. */
function rows(spec, id, t, label, required) {
  const list = h('div', { class: 'rows' });
  const entries = [];
  const box = h('fieldset', { class: 'nested', dataset: { field: spec.name } },
    h('legend', {}, label('matter.field', spec.name), spec.required ? h('span', { class: 'required-mark',
      'aria-hidden': 'true' }, ' *') : ''), list);
  const renumber = () => entries.forEach((entry, i) => {
    entry.legend.textContent = t('matter.form.row', { n: i + 1 });
  });
  const add = () => {
    const rowId = `${id}-${++serial}`;
    const inner = group(spec.items.fields, rowId, t, label, true);
    const legend = h('legend', {});
    const remove = h('button', { type: 'button', class: 'link' }, t('matter.form.removeRow'));
    const row = h('fieldset', { class: 'row' }, legend, inner.el, remove);
    const entry = { row, legend, read: inner.read };
    remove.addEventListener('click', () => {
      entries.splice(entries.indexOf(entry), 1);
      row.remove();
      renumber();
      addButton.disabled = false;
    });
    entries.push(entry);
    list.append(row);
    renumber();
    addButton.disabled = spec.maxItems !== undefined && entries.length >= spec.maxItems;
  };
  const addButton = h('button', { type: 'button' }, t('matter.form.addRow'));
  addButton.addEventListener('click', add);
  box.append(addButton);
  if (required) {
    add();
  }
  return {
    el: box,
    read: () => {
      const values = entries.map((e) => e.read()).filter(Boolean);
      return values.length ? values : undefined;
    },
  };
}

/**
 * The form of one step. `onSubmit(body)` runs only when the browser's checks pass; it returns a promise so the
 * submit button stays disabled while the step is under way.
 */
export function stepForm(kind, action, step, ctx, onSubmit, onCancel) {
  const t = ctx.t;
  const label = (prefix, value) => kindLabel(ctx, kind, prefix, value);
  const prefix = `step-${action}`;
  const fields = group(step.fields, prefix, t, label, true);
  const status = h('div', { class: 'step-status' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('matter.form.submit', {
    step: label('matter.action', action) }));
  const cancel = h('button', { type: 'button' }, t('common.cancel'));
  const form = h('form', { class: 'stack step-form', dataset: { action }, 'aria-labelledby': `${prefix}-title` },
    h('h3', { id: `${prefix}-title` }, label('matter.action', action)),
    step.fields.some((f) => f.required) ? h('p', { class: 'hint' }, t('matter.form.requiredHint')) : '',
    fields.el, status, h('div', { class: 'actions' }, submit, cancel));
  cancel.addEventListener('click', () => onCancel());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(fields.read() || {}, status);
    } finally {
      submit.disabled = false;
      form.setAttribute('aria-busy', 'false');
    }
  });
  return form;
}
