// "实时动态": what the live feed delivers, newest first, each entry a human label, the grid (or area), the time and a
// link to the matter where the console has a screen for it. The feed only says "look again": the map re-reads the
// grid the item is about (debounced), so its colours and markers follow without a reload.

import { announce, h } from '../ui.js';

const MAX_ENTRIES = 50;
/** How long the map waits for more news before it re-reads: a burst of events costs one round of requests. */
const DEBOUNCE_MS = 1000;

/** The matter screen's kind for an event type; null where the console has no screen for it. */
export function matterKindOf(type) {
  const prefixes = [['Incident', 'incident'], ['Case', 'incident'], ['Dispute', 'dispute'], ['Agreement', 'dispute'],
    ['MediationSession', 'dispute'], ['Hazard', 'hazard'], ['FollowUpVisit', 'visit'], ['Request', 'request']];
  const found = prefixes.find(([prefix]) => String(type).startsWith(prefix));
  return found ? found[1] : null;
}

/**
 * Builds the panel and follows the feed. `areaName(code)` names a grid or area; `onItems(areas, items)` is called
 * once per burst with the area codes the items were about; `highlight(code)` marks a grid a patrol report came from.
 * Returns {element, stop}.
 */
export function livePanel(ctx, { areaName, onItems, highlight }) {
  const { t, fmt, feed } = ctx;
  const list = h('ul', { class: 'map-live-list', id: 'map-live-list' });
  const empty = h('p', { class: 'hint', id: 'map-live-empty' }, feed ? t('map.live.empty') : t('map.live.none'));
  const element = h('section', { class: 'panel map-live', 'aria-labelledby': 'map-live-title' },
    h('h2', { id: 'map-live-title' }, t('map.live.title')),
    empty,
    h('div', { class: 'map-live-scroll', tabindex: '0', role: 'region', 'aria-label': t('map.live.list') }, list));

  let pending = new Set();
  let pendingItems = [];
  let timer = null;

  function label(type) {
    const key = `map.live.type.${type}`;
    const text = t(key);
    return text === key ? type : text;
  }

  function entry(item) {
    const kind = matterKindOf(item.type);
    const what = label(item.type);
    const where = item.area ? areaName(item.area) : '';
    const body = [
      h('span', { class: 'map-live-what' }, what),
      where ? h('span', { class: 'map-live-where' }, where) : '',
      h('time', { datetime: item.time || '' }, fmt.time(item.time)),
    ];
    const li = h('li', { dataset: { subject: item.subject || '', type: item.type || '' } });
    if (kind && item.subject) {
      li.append(h('a', { href: `#/matter/${kind}/${encodeURIComponent(item.subject)}` }, ...body));
    } else {
      li.append(...body);
    }
    return { li, what, where };
  }

  function add(item) {
    if (!item || !item.type) {
      return;
    }
    const { li, what, where } = entry(item);
    list.prepend(li);
    while (list.children.length > MAX_ENTRIES) {
      list.lastElementChild.remove();
    }
    empty.hidden = true;
    announce(where ? t('map.live.announce', { what, where }) : what);
    if (item.type === 'PatrolReportSubmitted' && item.area) {
      highlight(item.area);
    }
    if (item.area) {
      pending.add(item.area);
    }
    pendingItems.push(item);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const areas = pending;
      const items = pendingItems;
      pending = new Set();
      pendingItems = [];
      onItems(areas, items);
    }, DEBOUNCE_MS);
  }

  const stopFeed = feed ? feed.on(add) : () => {};
  return {
    element,
    stop() {
      stopFeed();
      clearTimeout(timer);
    },
  };
}
