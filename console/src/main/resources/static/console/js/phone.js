// The grid member's phone page (/console/phone): send a patrol report from the field, see one's own reports and the
// visits due. It installs as a web app; its shell opens without signal (sw.js), and a report sent without signal
// waits in the phone's outbox (IndexedDB) with its Idempotency-Key until the network is back.

import { api, csrfToken, all, Problem } from './api.js';
import * as i18n from './i18n.js';
import { announce, clear, h, newKey, problemBox } from './ui.js';
import { buildForm } from './phone/form.js';
import * as outbox from './phone/outbox.js';
import { guarded, showReports, showVisits } from './phone/lists.js';

const PROFILE = 'tanchang.phone.profile';
const t = i18n.t;
const body = document.getElementById('body');
const connection = document.getElementById('connection');

let ctx = null;          // {user, grids, settings}
let form = null;
const sending = new Set(); // keys being delivered now: the online event and a press of send must not race
let flushing = null;

const el = {};

/** Gateway answers that say "not now" rather than "not this": the report stays queued for a later try. */
function transient(e) {
  return e instanceof TypeError || (e instanceof Problem && [0, 408, 429, 502, 503, 504].includes(e.status));
}

function gridName(code) {
  const grid = ctx.grids.find((g) => g.code === code);
  return grid && grid.name ? grid.name : (code || '');
}

async function resolveGrids(user) {
  const codes = user.scopeCodes || [];
  const direct = codes.filter((c) => /^\d{15}$/.test(c));
  const found = await Promise.all(direct.map((code) => api(`/api/grids/${code}`)
    .then((g) => ({ code, name: g.name }))
    .catch((e) => { if (e instanceof TypeError) { throw e; } return { code, name: code }; })));
  // an officer's areas are townships or villages (or the county): their grids, by the list the API allows them
  for (const code of codes.filter((c) => !/^\d{15}$/.test(c))) {
    const query = code.length === 9 ? `townshipCode=${code}` : code.length === 12 ? `villageCode=${code}` : '';
    const listed = await all(`/api/grids${query ? `?${query}` : ''}`, 300).catch((e) => {
      if (e instanceof TypeError) { throw e; }
      return [];
    });
    listed.forEach((g) => found.push({ code: g.code, name: g.name }));
  }
  const unique = new Map(found.map((g) => [g.code, g]));
  return [...unique.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function setConnection() {
  const online = navigator.onLine;
  connection.dataset.online = String(online);
  connection.textContent = t(online ? 'phone.online' : 'phone.offline');
}

// ---- sending -------------------------------------------------------------------------------------------------

/**
 * Delivers one outbox entry: the report (same key every time), then its photos one by one, each leaving the outbox
 * once stored. Returns {state: 'sent' | 'waiting' | 'refused' | 'signedOut', reportId, problem, photoProblems}.
 */
async function deliver(entry) {
  if (sending.has(entry.key)) {
    return { state: 'busy' };
  }
  if (!navigator.onLine) {
    return { state: 'waiting' };
  }
  sending.add(entry.key);
  try {
    if (!entry.reportId) {
      const report = await api('/api/patrol-reports', { method: 'POST', body: entry.body, idempotencyKey: entry.key });
      entry.reportId = report.id;
      delete entry.problem;
      await outbox.put(entry).catch(() => {});
    }
    const photoProblems = [];
    while (entry.photos && entry.photos.length) {
      const photo = entry.photos[0];
      const data = new FormData();
      data.append('file', photo.blob, photo.name || 'photo.jpg');
      try {
        await api(`/api/patrol-reports/${encodeURIComponent(entry.reportId)}/files`, { method: 'POST', body: data });
      } catch (e) {
        if (transient(e) || (e instanceof Problem && e.status === 401)) {
          throw e;
        }
        // a photo the API will never take (too large, not an image): say so, keep the rest going
        photoProblems.push({ name: photo.name, problem: e });
      }
      entry.photos.shift();
      await outbox.put(entry).catch(() => {});
    }
    await outbox.remove(entry.key).catch(() => {});
    return { state: 'sent', reportId: entry.reportId, photoProblems };
  } catch (e) {
    if (transient(e)) {
      return { state: 'waiting' };
    }
    if (e instanceof Problem && e.status === 401) {
      return { state: 'signedOut' };
    }
    return { state: 'refused', problem: { status: e.status, title: e.title, detail: e.detail, body: e.body } };
  } finally {
    sending.delete(entry.key);
  }
}

function sentBox(result) {
  return h('div', { class: 'sent', id: 'sent', dataset: { reportId: result.reportId } },
    h('p', {}, h('strong', {}, t('phone.sent'))),
    h('p', {}, t('phone.sent.id'), ' ', h('code', { id: 'sent-report-id' }, result.reportId)),
    result.photoProblems && result.photoProblems.length
      ? result.photoProblems.map((p) => h('div', {}, h('p', {}, t('phone.photo.refused', { name: p.name })),
        problemBox(p.problem, t)))
      : null);
}

async function submit(report, files) {
  const entry = {
    key: newKey(), // once per press of send: the queue's retries reuse it, a corrected report gets a new one
    username: ctx.user.username,
    body: report,
    photos: files.map((f) => ({ name: f.name, type: f.type, blob: f })),
    createdAt: new Date().toISOString(),
  };
  form.setBusy(true);
  clear(el.result, h('p', {}, t('phone.sending')));
  let stored = true;
  await outbox.put(entry).catch(() => { stored = false; });
  const result = await deliver(entry);
  form.setBusy(false);
  if (result.state === 'sent') {
    form.reset();
    clear(el.result, sentBox(result));
    announce(t('phone.sent.announce', { id: result.reportId }));
    await refreshLists();
  } else if (result.state === 'refused') {
    await outbox.remove(entry.key).catch(() => {});
    clear(el.result, problemBox(result.problem, t));   // the input stays as typed, to be corrected
  } else if (!stored) {
    clear(el.result, problemBox({ title: t('phone.noStorage'), detail: t('phone.noStorage.detail') }, t));
  } else if (entry.reportId) {
    // the report is in; only its photos wait for the network
    form.reset();
    clear(el.result, sentBox({ reportId: entry.reportId }), h('p', { class: 'queued' }, t('phone.outbox.photosWaiting')));
    announce(t('phone.sent.announce', { id: entry.reportId }));
  } else {
    form.reset();
    clear(el.result, h('p', { class: 'queued', id: 'queued' }, t(result.state === 'signedOut'
      ? 'phone.queued.signIn' : 'phone.queued')));
    announce(t('phone.queued'));
    if (result.state === 'signedOut') {
      el.result.append(signInLink());
    }
  }
  await showOutbox();
}

/** Sends what waits, oldest first; on page load, when the browser is back online, and on request. */
function flush() {
  if (!flushing) {
    flushing = (async () => {
      const waiting = (await outbox.list(ctx.user.username).catch(() => [])).filter((e) => !e.problem);
      const sent = [];
      for (const entry of waiting) {
        const result = await deliver(entry);
        if (result.state === 'sent') {
          sent.push(result.reportId);
        } else if (result.state === 'refused') {
          entry.problem = result.problem;
          await outbox.put(entry).catch(() => {});
        } else if (result.state === 'signedOut') {
          signedOut = true;
          clear(el.result, h('p', { class: 'queued' }, t('phone.queued.signIn')), signInLink());
          break;
        } else if (result.state !== 'busy') {
          break; // offline again: the rest waits too
        }
      }
      if (sent.length) {
        announce(t('phone.flushed', { n: sent.length }));
        clear(el.result, h('div', { class: 'sent', id: 'flushed' }, h('p', {}, t('phone.flushed', { n: sent.length })),
          h('ul', {}, sent.map((id) => h('li', {}, h('code', { dataset: { reportId: id } }, id))))));
      }
      await showOutbox();
      return sent;
    })().finally(() => { flushing = null; });
  }
  return flushing;
}

// The 'online' event can come a moment before requests really go through (a network coming up, a captive Wi-Fi):
// while reports still wait and the browser says it is online, try again a little later, then less and less often.
const RETRY_MS = [3000, 10000, 30000, 60000, 120000];
let retries = 0;
let retryTimer = null;
let signedOut = false;   // the session ended: retrying is pointless until the member signs in again

async function flushThenRefresh() {
  clearTimeout(retryTimer);
  await flush();
  await refreshLists();
  const waiting = (await outbox.list(ctx.user.username).catch(() => [])).filter((e) => !e.problem);
  if (waiting.length && navigator.onLine && !signedOut) {
    retryTimer = setTimeout(flushThenRefresh, RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]);
  } else {
    retries = 0;
  }
}

async function showOutbox() {
  const entries = await outbox.list(ctx.user.username).catch(() => []);
  el.outboxSection.hidden = entries.length === 0;
  clear(el.outbox, entries.map((entry) => {
    const findings = (entry.body.findings || []).map((f) => t(`phone.kind.${f.kind}`)).join('、')
      || t('phone.reports.nothingFound');
    const item = h('li', { class: 'card', dataset: { key: entry.key, state: entry.problem ? 'refused' : 'waiting' } },
      h('p', { class: 'card-title' }, i18n.fmt.dateTime(entry.createdAt), ' · ', gridName(entry.body.gridCode)),
      h('p', {}, findings),
      entry.photos && entry.photos.length ? h('p', { class: 'hint' }, t('phone.outbox.photos',
        { n: entry.photos.length })) : null,
      h('p', { class: 'state' }, entry.problem ? t('phone.outbox.refused')
        : entry.reportId ? t('phone.outbox.photosWaiting') : t('phone.outbox.waiting')));
    if (entry.problem) {
      const edit = h('button', { type: 'button' }, t('phone.outbox.edit'));
      edit.addEventListener('click', async () => {
        form.fill(entry.body);
        await outbox.remove(entry.key).catch(() => {});
        clear(el.result, problemBox(entry.problem, t));
        await showOutbox();
        document.getElementById('grid').focus();
      });
      const discard = h('button', { type: 'button' }, t('phone.outbox.discard'));
      discard.addEventListener('click', async () => {
        await outbox.remove(entry.key).catch(() => {});
        announce(t('phone.outbox.discarded'));
        await showOutbox();
        el.sendNow.focus();
      });
      item.append(problemBox(entry.problem, t), h('div', { class: 'actions' }, edit, discard));
    }
    return item;
  }));
}

async function refreshLists() {
  await Promise.all([
    guarded(el.reports, t, () => showReports(el.reports, { user: ctx.user, t, fmt: i18n.fmt, gridName })),
    guarded(el.visits, t, () => showVisits(el.visits, { t, fmt: i18n.fmt, gridName,
      timeZone: ctx.settings.timeZone })),
  ]);
}

// ---- page ----------------------------------------------------------------------------------------------------

const RETURN_TO = 'tanchang.returnTo';

function signInLink() {
  const link = h('a', { class: 'button primary wide', href: '/oauth2/authorization/tanchang', id: 'sign-in' },
    t('common.signIn'));
  // the gateway lands everyone on /console/ after sign-in; this asks the console to send the member back here
  // (app.js honours it once it reads this key, see the phone helper's note)
  link.addEventListener('click', () => sessionStorage.setItem(RETURN_TO, '/console/phone'));
  return link;
}

function renderSignIn() {
  clear(body, h('section', { class: 'panel', 'aria-labelledby': 'sign-in-heading' },
    h('h2', { id: 'sign-in-heading' }, t('phone.signIn.title')),
    h('p', {}, t('phone.signIn.text')),
    signInLink()));
}

function renderPage() {
  el.result = h('div', { id: 'result', class: 'result', 'aria-live': 'polite' });
  el.formRoot = h('div', {});
  el.outbox = h('ul', { class: 'cards', id: 'outbox' });
  el.sendNow = h('button', { type: 'button', id: 'send-now', class: 'wide' }, t('phone.outbox.sendNow'));
  el.sendNow.addEventListener('click', () => flushThenRefresh());
  el.outboxSection = h('section', { class: 'panel', id: 'outbox-section', 'aria-labelledby': 'outbox-heading',
    hidden: true }, h('h2', { id: 'outbox-heading' }, t('phone.outbox')), h('p', { class: 'hint' },
    t('phone.outbox.hint')), el.outbox, el.sendNow);
  el.reports = h('div', { id: 'reports' }, h('p', { class: 'loading' }, t('common.loading')));
  el.visits = h('div', { id: 'visits' }, h('p', { class: 'loading' }, t('common.loading')));
  const refresh = h('button', { type: 'button', id: 'refresh-lists', class: 'wide' }, t('common.refresh'));
  refresh.addEventListener('click', async () => {
    await refreshLists();
    announce(t('phone.lists.refreshed'));
  });
  clear(body,
    h('section', { class: 'panel', 'aria-labelledby': 'new-heading' },
      h('h2', { id: 'new-heading', class: 'sr-only' }, t('phone.new')), el.formRoot, el.result),
    el.outboxSection,
    h('section', { class: 'panel', 'aria-labelledby': 'visits-heading' },
      h('h2', { id: 'visits-heading' }, t('phone.visits')), el.visits),
    h('section', { class: 'panel', 'aria-labelledby': 'reports-heading' },
      h('h2', { id: 'reports-heading' }, t('phone.reports')), el.reports, refresh));
  form = buildForm(el.formRoot, { t, grids: ctx.grids, timeZone: ctx.settings.timeZone, onSubmit: submit });
}

function renderBar(user) {
  document.getElementById('who').textContent = user.name || user.username;
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.querySelector('button').textContent = t('common.signOut');
  logout.addEventListener('submit', () => {
    logout.querySelector('input[name=_csrf]').value = csrfToken();
    localStorage.removeItem(PROFILE);
  });
}

/** Who is signed in: the gateway's answer, or offline the last one this phone had (name, areas and grid names). */
async function whoAmI() {
  try {
    const user = await api('/bff/user');
    user.roles = user.roles || [];
    user.scopeCodes = user.scopeCodes || [];
    const grids = await resolveGrids(user);
    localStorage.setItem(PROFILE, JSON.stringify({ user, grids }));
    return { user, grids, online: true };
  } catch (e) {
    if (e instanceof Problem && e.status === 401) {
      return null;
    }
    const saved = localStorage.getItem(PROFILE);
    if (transient(e) && saved) {
      return { ...JSON.parse(saved), online: false };
    }
    throw e;
  }
}

function registerWorker() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/console/sw.js', { scope: '/console/' }).catch(() => {
      // without a worker the page still works online; it just does not open without signal
    });
  }
}

async function start() {
  registerWorker();
  const settings = await fetch('/console/settings.json', { credentials: 'same-origin' }).then((r) => r.json());
  i18n.configure(settings);
  await Promise.all([i18n.load('common'), i18n.load('phone')]);
  document.title = `${t('phone.title')} · ${t('phone.app')}`;
  document.getElementById('brand').textContent = t('phone.app');
  document.getElementById('title').textContent = t('phone.title');
  document.getElementById('skip-link').textContent = t('common.skip');
  document.querySelector('label[for=locale]').textContent = t('common.language');
  const select = document.getElementById('locale');
  select.value = i18n.locale();
  select.addEventListener('change', () => {
    i18n.choose(select.value);
    location.reload();
  });
  setConnection();
  const who = await whoAmI();
  if (!who) {
    renderSignIn();
    return;
  }
  sessionStorage.removeItem(RETURN_TO);
  ctx = { user: who.user, grids: who.grids, settings };
  renderBar(ctx.user);
  renderPage();
  window.addEventListener('online', () => { setConnection(); flushThenRefresh(); });
  window.addEventListener('offline', setConnection);
  await showOutbox();
  if (who.online) {
    await flushThenRefresh();
  } else {
    clear(el.reports, h('p', { class: 'hint' }, t('phone.offline.lists')));
    clear(el.visits, h('p', { class: 'hint' }, t('phone.offline.lists')));
  }
}

start().catch((e) => {
  clear(body, problemBox(e instanceof Problem ? e : e instanceof TypeError
    ? { title: t('phone.offline.first'), detail: t('phone.offline.first.detail') }
    : { title: t('common.error'), detail: e.message }, t));
}).finally(() => {
  document.getElementById('main').setAttribute('aria-busy', 'false');
  document.body.dataset.ready = 'true';
});
