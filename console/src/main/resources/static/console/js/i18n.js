// Messages and formats. Chinese (zh-CN) first, English second; each screen has its own bundle
// (/console/i18n/<bundle>.<locale>.json) loaded before it is shown. Dates and numbers in the county's formats:
// its time zone (settings.timeZone, Asia/Shanghai) whatever the browser's, the chosen language's conventions.

export const LOCALES = ['zh-CN', 'en'];
const FALLBACK = 'zh-CN';
const messages = { 'zh-CN': {}, en: {} };
const loaded = new Set();
let current = FALLBACK;
let zone = 'Asia/Shanghai';

export function locale() {
  return current;
}

export function configure(settings) {
  zone = settings.timeZone || zone;
  const chosen = localStorage.getItem('tanchang.locale') || settings.locale || FALLBACK;
  current = LOCALES.includes(chosen) ? chosen : FALLBACK;
  document.documentElement.lang = current;
}

export function choose(next) {
  localStorage.setItem('tanchang.locale', next);
}

/** Loads a bundle in the current language and in the fallback (for keys not yet translated). */
export async function load(bundle) {
  await Promise.all([...new Set([current, FALLBACK])].map(async (loc) => {
    const key = `${bundle}.${loc}`;
    if (loaded.has(key)) {
      return;
    }
    const response = await fetch(`/console/i18n/${key}.json`, { credentials: 'same-origin' });
    if (response.ok) {
      Object.assign(messages[loc], await response.json());
    }
    loaded.add(key);
  }));
}

/** The message for `key` with {name} placeholders filled from `vars`; the key itself when nobody wrote one. */
export function t(key, vars = {}) {
  const text = messages[current][key] ?? messages[FALLBACK][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in vars ? String(vars[name]) : all));
}

/** Whether a message exists (for optional labels such as an enum value's name). */
export function has(key) {
  return key in messages[current] || key in messages[FALLBACK];
}

/** An enum value's label: `<prefix>.<VALUE>` when written, else the value itself. */
export function label(prefix, value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  return has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : String(value);
}

const cache = new Map();
function formatter(kind, options) {
  const key = `${current}|${kind}|${JSON.stringify(options)}`;
  if (!cache.has(key)) {
    cache.set(key, kind === 'n' ? new Intl.NumberFormat(current, options)
      : new Intl.DateTimeFormat(current, { timeZone: zone, ...options }));
  }
  return cache.get(key);
}

export const fmt = {
  date: (iso) => (iso ? formatter('d', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)) : ''),
  dateTime: (iso) => (iso ? formatter('d', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hour12: false }).format(new Date(iso)) : ''),
  time: (iso) => (iso ? formatter('d', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    .format(new Date(iso)) : ''),
  number: (n) => (n === null || n === undefined ? '' : formatter('n', {}).format(n)),
  percent: (x) => (x === null || x === undefined ? '' : formatter('n', { style: 'percent', maximumFractionDigits: 1 })
    .format(x)),
  /** "3 h 20 min overdue" style durations, from milliseconds. */
  duration: (ms) => {
    const minutes = Math.round(Math.abs(ms) / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    return days > 0 ? t('common.duration.dh', { d: days, h: hours })
      : hours > 0 ? t('common.duration.hm', { h: hours, m: mins }) : t('common.duration.m', { m: mins });
  },
};
