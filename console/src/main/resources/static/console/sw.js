// The phone page's service worker (scope /console/): keeps the page's shell so it opens without signal in the
// fields. Network first, so a new release is seen at once when there is signal; the cached copy only when there is
// none. Only the shell's own files are touched: answers of /api/** and /bff/** (people's data, the session) are
// never stored here, nor is anything else of the console.

const CACHE = 'tanchang-phone-shell-v1';
const SHELL = [
  '/console/phone',
  '/console/phone.html',
  '/console/settings.json',
  '/console/manifest.webmanifest',
  '/console/css/console.css',
  '/console/css/phone.css',
  '/console/js/phone.js',
  '/console/js/phone/form.js',
  '/console/js/phone/lists.js',
  '/console/js/phone/outbox.js',
  '/console/js/api.js',
  '/console/js/i18n.js',
  '/console/js/ui.js',
  '/console/i18n/common.zh-CN.json',
  '/console/i18n/common.en.json',
  '/console/i18n/phone.zh-CN.json',
  '/console/i18n/phone.en.json',
  '/console/icons/icon.svg',
  '/console/icons/phone-192.png',
  '/console/icons/phone-512.png',
];
const SHELL_PATHS = new Set(SHELL);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tanchang-phone-') && k !== CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  const path = url.pathname.replace(/\/$/, '');
  if (!SHELL_PATHS.has(path) || url.pathname.startsWith('/api/') || url.pathname.startsWith('/bff/')) {
    return; // the browser's own handling: never cached here
  }
  event.respondWith(fetch(request).then((response) => {
    // only a real page answer replaces the kept copy (not a sign-in redirect or a gateway error)
    if (response.ok && response.type === 'basic' && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(path, copy));
    }
    return response;
  }).catch(() => caches.match(path, { ignoreSearch: true }).then((cached) => cached || Response.error())));
});
