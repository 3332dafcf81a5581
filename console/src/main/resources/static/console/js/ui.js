// Small DOM helpers: the console builds its pages from elements, never from HTML strings, so nothing the API
// returns is ever interpreted as markup.

/** h('button', {type: 'button', onclick: fn, 'aria-label': '...'}, 'text', child, ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.substring(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A refusal as the API worded it: its title and detail, announced to screen readers. */
export function problemBox(problem, t) {
  const title = problem && problem.title ? problem.title : (t ? t('common.error') : 'Error');
  const detail = problem && problem.detail ? problem.detail : (problem && problem.message) || '';
  const box = h('div', { class: 'problem', role: 'alert' }, h('strong', { class: 'problem-title' }, title));
  if (detail && detail !== title) {
    box.append(h('p', { class: 'problem-detail' }, detail));
  }
  const errors = problem && problem.body && (problem.body.errors || problem.body.violations);
  if (Array.isArray(errors) && errors.length) {
    box.append(h('ul', {}, errors.map((e) => h('li', {}, [e.field || e.pointer || e.name, e.detail || e.message]
      .filter(Boolean).join(': ')))));
  }
  return box;
}

/** A deadline flag (GREEN/YELLOW/RED) as a labelled badge; colour is never the only signal. */
export function flagBadge(flag, t) {
  if (!flag) {
    return '';
  }
  return h('span', { class: `flag flag-${String(flag).toLowerCase()}` }, t ? t(`common.flag.${flag}`) : flag);
}

/** A table with a caption and column headers; rows are arrays of cells (strings or elements). */
export function table(caption, headers, rows, attrs = {}) {
  return h('table', { class: 'data', ...attrs },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((head) => h('th', { scope: 'col' }, head)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))));
}

/** Says something to screen-reader users without moving their focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) {
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
  }
}

/** A fresh idempotency key for one intended write (kept with a queued report so its retry is the same write). */
export function newKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
}
