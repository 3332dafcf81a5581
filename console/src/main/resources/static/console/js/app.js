// The console's shell: who is signed in (the gateway's /bff/user), the navigation their roles make sense of, the
// screens behind hash routes, the live feed, the language. What each screen shows comes from the API, which applies
// the person's roles and areas; the navigation only leaves out screens whose endpoints would refuse them anyway.

import { api, csrfToken, onSignedOut, Problem } from './api.js';
import { openFeed } from './feed.js';
import * as i18n from './i18n.js';
import { announce, clear, h, problemBox } from './ui.js';

const STAFF = ['OFFICER', 'AUXILIARY_OFFICER', 'GRID_MEMBER', 'MEDIATOR', 'WINDOW_CLERK', 'SUPERVISOR', 'ADMIN'];

/**
 * The screens (route → module, message bundle, the roles that may call one of its API operations), from
 * /console/screens.json, whose roles a test keeps equal to the API documents' x-allowed-roles. Order = navigation.
 * A screen with `page` is a page of its own (the phone page), linked from the navigation.
 */
let SCREENS = [];

const main = document.getElementById('main');
let cleanup = null;
let ctx = null;

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { route: parts[0] || '', params: parts.slice(1) };
}

function allowed(screen, user) {
  return screen.roles.some((role) => user.roles.includes(role));
}

function homeOf(user) {
  const first = SCREENS.find((s) => !s.hidden && !s.page && allowed(s, user));
  return first ? first.route : null;
}

async function show() {
  const { route, params } = parseHash();
  const screen = SCREENS.find((s) => s.route === route && !s.page);
  if (!screen || !allowed(screen, ctx.user)) {
    const home = homeOf(ctx.user);
    if (home && route !== home) {
      location.replace(`#/${home}`);
      return;
    }
    clear(main, h('section', { class: 'panel' }, h('h1', {}, i18n.t('common.nothing.title')),
      h('p', {}, i18n.t('common.nothing.text'))));
    return;
  }
  if (cleanup) {
    try { cleanup(); } catch (e) { /* a screen that failed to clean up must not block the next */ }
    cleanup = null;
  }
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.route === route) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
  main.setAttribute('aria-busy', 'true');
  clear(main, h('p', { class: 'loading' }, i18n.t('common.loading')));
  try {
    await i18n.load(screen.bundle);
    const module = await import(screen.module);
    clear(main);
    cleanup = (await module.mount(main, ctx, params)) || null;
    document.title = `${i18n.t(`nav.${route}`)} · ${i18n.t('common.app')}`;
  } catch (e) {
    clear(main, problemBox(e instanceof Problem ? e : { title: i18n.t('common.error'), detail: e.message }, i18n.t));
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

function renderBar(user) {
  const nav = document.getElementById('nav');
  clear(nav, h('ul', {}, SCREENS.filter((s) => !s.hidden && allowed(s, user)).map((s) =>
    h('li', {}, s.page ? h('a', { href: s.page, dataset: { page: s.route } }, i18n.t(`nav.${s.route}`))
      : h('a', { href: `#/${s.route}`, dataset: { route: s.route } }, i18n.t(`nav.${s.route}`))))));
  document.getElementById('who').textContent = user.name || user.username;
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.querySelector('button').textContent = i18n.t('common.signOut');
  logout.addEventListener('submit', () => {
    // the gateway's CSRF token, echoed as the form field it also accepts
    logout.querySelector('input[name=_csrf]').value = csrfToken();
  });
}

function renderSignIn() {
  const link = h('a', { class: 'button primary', href: '/oauth2/authorization/tanchang', id: 'sign-in' },
    i18n.t('common.signIn'));
  const failed = new URLSearchParams(location.search).get('sign-in') === 'failed';
  clear(main, h('section', { class: 'panel sign-in' },
    h('h1', {}, i18n.t('common.app')),
    failed ? h('p', { class: 'problem', role: 'alert' }, i18n.t('common.signIn.failed')) : null,
    h('p', {}, i18n.t('common.signIn.text')),
    link,
    h('p', { class: 'hint' }, h('a', { href: '/console/phone' }, i18n.t('nav.phone')))));
  main.setAttribute('aria-busy', 'false');
  document.title = `${i18n.t('common.signIn')} · ${i18n.t('common.app')}`;
}

function setLiveStatus(status) {
  const el = document.getElementById('live-status');
  el.hidden = false;
  el.dataset.status = status;
  el.textContent = i18n.t(`common.live.${status}`);
}

async function start() {
  const [settings, screens] = await Promise.all([fetch('/console/settings.json').then((r) => r.json()),
    fetch('/console/screens.json').then((r) => r.json())]);
  SCREENS = screens.screens;
  i18n.configure(settings);
  await i18n.load('common');
  document.getElementById('brand').textContent = `${settings.countyName} · ${i18n.t('common.app')}`;
  document.getElementById('skip-link').textContent = i18n.t('common.skip');
  document.querySelector('label[for=locale]').textContent = i18n.t('common.language');
  const select = document.getElementById('locale');
  select.value = i18n.locale();
  select.addEventListener('change', () => {
    i18n.choose(select.value);
    location.reload();
  });
  let user;
  try {
    user = await api('/bff/user');
  } catch (e) {
    if (e instanceof Problem && e.status === 401) {
      renderSignIn();
      return;
    }
    throw e;
  }
  user.roles = user.roles || [];
  user.scopeCodes = user.scopeCodes || [];
  onSignedOut(() => {
    announce(i18n.t('common.signedOut'));
    location.reload();
  });
  const feed = user.roles.some((r) => STAFF.includes(r)) ? openFeed(setLiveStatus) : null;
  ctx = {
    user, settings, feed, api, t: i18n.t, fmt: i18n.fmt, label: i18n.label, locale: i18n.locale,
    navigate: (hash) => { location.hash = hash; },
    /** Whether the person holds any of these roles (what to offer; the API still decides). */
    is: (...roles) => roles.some((role) => user.roles.includes(role)),
  };
  renderBar(user);
  window.addEventListener('hashchange', show);
  await show();
}

start().catch((e) => {
  clear(main, problemBox({ title: 'The console could not start', detail: e.message }));
  main.setAttribute('aria-busy', 'false');
});
