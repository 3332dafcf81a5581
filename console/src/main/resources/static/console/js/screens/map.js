// The command centre's map (综治中心, township, station): the grids of the person's areas coloured by a figure they
// choose, the open incidents, disputes and hazards and the patrol points on it, a side panel for the chosen grid
// (roster, figures, open matters), the same grids as a table (the accessible equivalent of the map: markers and
// polygons cannot be reached by keyboard or read by a screen reader), and the live panel "实时动态".
//
// The base layer is settings.tileUrl (an XYZ service such as a provincial 天地图) when set; without it there is no
// tile layer at all, the boundaries are drawn on a plain background and nothing is fetched from outside the suite.
// Leaflet draws on one canvas (preferCanvas), so a county with a thousand grids pans smoothly.
//
// For the benchmark (bench/console.sh): the map's element is [data-map] and carries data-map-ready="true" and
// data-grids-drawn="<n>" once the boundaries and figures are drawn, when the screen also marks
// performance.mark('console:map-ready'). Nothing else is exposed.

import { h, clear, problemBox, announce } from '../ui.js';
import { api } from '../api.js';
import {
  FIGURES, scopeOf, thisWeek, loadGrids, loadWeekTotals, loadMatters, loadPoints, matterFigures, quietly,
  weekTotalsOf, isOverdue, flagOf,
} from '../map/data.js';
import { classesFor, colourOf, rangeText } from '../map/scale.js';
import { livePanel } from '../map/live.js';

const LEAFLET_JS = '/console/webjars/leaflet/dist/leaflet.js';
const CSS = '/console/css/map.css';
/** How long a grid stays marked after a patrol report arrived from it. */
const HIGHLIGHT_MS = 15000;

/** The screen's stylesheet, added once; resolves when it applies (Leaflet measures the map's box when it starts). */
function addStylesheet() {
  let link = document.querySelector(`link[href="${CSS}"]`);
  if (link && link.sheet) {
    return Promise.resolve();
  }
  if (!link) {
    link = h('link', { rel: 'stylesheet', href: CSS });
    document.head.append(link);
  }
  return new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    // without its stylesheet the map is still usable, only plainer
    link.addEventListener('error', resolve, { once: true });
  });
}

/** Leaflet's UMD build, loaded once (it defines window.L; CSP allows our own origin's scripts). */
function leaflet() {
  if (window.L) {
    return Promise.resolve(window.L);
  }
  let script = document.querySelector(`script[src="${LEAFLET_JS}"]`);
  if (!script) {
    script = h('script', { src: LEAFLET_JS });
    document.head.append(script);
  }
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => resolve(window.L));
    script.addEventListener('error', () => reject(new Error(`${LEAFLET_JS} could not be loaded`)));
  });
}

export async function mount(main, ctx, params) {
  const styled = addStylesheet();
  const { t, fmt, settings } = ctx;
  const scope = scopeOf(ctx.user);
  const week = thisWeek(settings.timeZone || 'Asia/Shanghai');
  // The lists the person's role may read (x-allowed-roles in docs/openapi): a mediator reads grids, rosters and
  // disputes only. Asking for the others would only collect refusals; the API still decides every answer.
  const caseRoles = ctx.is('OFFICER', 'AUXILIARY_OFFICER', 'GRID_MEMBER', 'SUPERVISOR', 'ADMIN');
  const reads = caseRoles ? { kinds: ['incident', 'dispute', 'hazard'], points: true, statistics: true }
    : { kinds: ctx.is('MEDIATOR') ? ['dispute'] : [], points: false, statistics: false };
  const figures = reads.statistics ? FIGURES : ['overdue'];
  const layers = [...reads.kinds, ...(reads.points ? ['point'] : [])];
  const state = {
    grids: new Map(), totals: new Map(), matters: [], points: [], counts: new Map(),
    figure: figures[0], selected: null, side: { code: null }, highlighted: new Map(), alive: true, ready: false,
  };

  // ---- the page's skeleton, before anything is read -----------------------------------------------------------
  const figureSelect = h('select', { id: 'map-figure' },
    figures.map((f) => h('option', { value: f }, t(`map.figure.${f}`))));
  const layerBoxes = Object.fromEntries(layers.map((k) => [k,
    h('input', { type: 'checkbox', id: `map-layer-${k}`, checked: true })]));
  const refreshButton = h('button', { type: 'button', id: 'map-refresh' }, t('common.refresh'));
  const status = h('p', { class: 'hint', id: 'map-status', role: 'status' }, t('common.loading'));
  const problemsBox = h('div', { id: 'map-problems' });
  const canvas = h('div', { class: 'map-canvas', id: 'map-canvas', dataset: { map: '' }, role: 'region',
    'aria-label': t('map.canvas') });
  const legend = h('div', { class: 'map-legend', id: 'map-legend', role: 'group', 'aria-labelledby': 'map-legend-title' });
  // the panel's heading stays the same element while the panel is redrawn (roster arriving, live updates), so a
  // keyboard user who was put on it keeps their place
  const sideTitle = h('h2', { id: 'map-side-title', tabindex: '-1' }, t('map.side.title'));
  const sideBody = h('div', {}, h('p', { class: 'hint' }, t('map.side.hint')));
  const side = h('section', { class: 'panel map-side', id: 'map-side', 'aria-labelledby': 'map-side-title' },
    sideTitle, sideBody);
  const tableBox = h('section', { class: 'panel map-list', 'aria-labelledby': 'map-list-title' },
    h('h2', { id: 'map-list-title' }, t('map.list.title')),
    h('p', { class: 'hint' }, t('map.list.hint')));
  const tableSlot = h('div', { id: 'map-table' });
  tableBox.append(tableSlot);

  const gridName = (code) => {
    if (!code) {
      return '';
    }
    const grid = state.grids.get(code);
    if (grid) {
      return grid.name;
    }
    for (const g of state.grids.values()) {
      if (g.villageCode === code && g.villageName) {
        return g.villageName;
      }
      if (g.townshipCode === code && g.townshipName) {
        return g.townshipName;
      }
    }
    return code.length === 6 && settings.countyName ? settings.countyName : code;
  };

  const live = livePanel(ctx, {
    areaName: gridName,
    // news before the first reading is in that reading anyway
    onItems: (areas) => state.ready && refreshAreas(areas),
    highlight: (code) => state.ready && highlight(code),
  });

  clear(main,
    h('h1', {}, t('map.title')),
    h('div', { class: 'panel map-controls' },
      h('div', { class: 'map-control' }, h('label', { for: 'map-figure' }, t('map.figure.label')), figureSelect),
      h('fieldset', { class: 'map-layers' }, h('legend', {}, t('map.layers')),
        layers.map((k) => h('span', { class: 'map-layer' }, layerBoxes[k],
          h('label', { for: `map-layer-${k}` }, t(`map.layer.${k}`))))),
      refreshButton,
      status),
    problemsBox,
    h('div', { class: 'map-layout' },
      h('div', { class: 'map-main' }, canvas, legend),
      h('div', { class: 'map-aside' }, side, live.element)),
    tableBox);

  // ---- Leaflet ----------------------------------------------------------------------------------------------
  let L;
  try {
    [L] = await Promise.all([leaflet(), styled]);
  } catch (e) {
    live.stop();
    throw e;
  }
  const map = L.map(canvas, {
    preferCanvas: true,
    center: settings.center && settings.center.length === 2 ? settings.center : [34.05, 104.38],
    zoom: settings.zoom || 11,
    attributionControl: true,
  });
  if (settings.tileUrl) {
    const options = { attribution: settings.tileAttribution || '', maxZoom: 18 };
    if (settings.tileSubdomains && settings.tileSubdomains.length) {
      options.subdomains = settings.tileSubdomains;
    }
    L.tileLayer(settings.tileUrl, options).addTo(map);
  } else {
    canvas.classList.add('map-plain');
  }
  const renderer = L.canvas({ padding: 0.5 });
  const markerLayers = Object.fromEntries(layers.map((k) => [k, L.layerGroup().addTo(map)]));
  layers.forEach((k) => layerBoxes[k].addEventListener('change', () => {
    if (layerBoxes[k].checked) {
      markerLayers[k].addTo(map);
    } else {
      markerLayers[k].remove();
    }
  }));
  let gridLayer = null;
  const polygons = new Map();

  // ---- figures --------------------------------------------------------------------------------------------------
  function figureOf(code, figure = state.figure) {
    const counts = state.counts.get(code) || { openIncidents: 0, overdue: 0 };
    const totals = state.totals.get(code) || { reports: 0, findings: 0 };
    switch (figure) {
      case 'openIncidents': return counts.openIncidents;
      case 'overdue': return counts.overdue;
      case 'findingsWeek': return totals.findings;
      case 'reportsWeek': return totals.reports;
      default: return 0;
    }
  }

  function currentClasses() {
    let max = 0;
    for (const code of state.grids.keys()) {
      max = Math.max(max, figureOf(code));
    }
    return classesFor(max);
  }

  function styleOf(code, classes) {
    const selected = state.selected === code;
    const lit = state.highlighted.has(code);
    return {
      renderer,
      fillColor: colourOf(figureOf(code), classes),
      fillOpacity: 0.7,
      color: selected ? '#0b4f8a' : lit ? '#6f42c1' : '#4a5561',
      weight: selected || lit ? 3 : 1,
      dashArray: lit && !selected ? '6 4' : null,
    };
  }

  function drawGrids() {
    if (gridLayer) {
      gridLayer.remove();
    }
    polygons.clear();
    const classes = currentClasses();
    const features = [...state.grids.values()].filter((g) => g.boundary && g.boundary.coordinates)
      .map((g) => ({ type: 'Feature', properties: { code: g.code }, geometry: g.boundary }));
    gridLayer = L.geoJSON({ type: 'FeatureCollection', features }, {
      renderer,
      style: (feature) => styleOf(feature.properties.code, classes),
      onEachFeature: (feature, layer) => {
        const code = feature.properties.code;
        polygons.set(code, layer);
        layer.bindTooltip(() => `${gridName(code)} · ${t(`map.figure.${state.figure}`)}: ${fmt.number(figureOf(code))}`,
          { sticky: true });
        layer.on('click', () => select(code, false));
      },
    }).addTo(map);
    canvas.dataset.gridsDrawn = String(polygons.size);
  }

  function restyle() {
    const classes = currentClasses();
    for (const [code, layer] of polygons) {
      layer.setStyle(styleOf(code, classes));
    }
    renderLegend(classes);
  }

  /** A colour sample, coloured through the CSSOM: the CSP refuses style attributes. */
  function swatch(colour) {
    const el = h('span', { class: 'map-swatch', 'aria-hidden': 'true' });
    el.style.backgroundColor = colour;
    return el;
  }

  function renderLegend(classes) {
    clear(legend,
      h('p', { class: 'map-legend-title', id: 'map-legend-title' },
        t('map.legend.title', { figure: t(`map.figure.${state.figure}`) })),
      h('ul', { class: 'map-legend-classes' }, classes.map((c) => h('li', {}, swatch(c.colour),
        t('map.legend.range', { range: rangeText(c, fmt.number) })))),
      h('ul', { class: 'map-legend-markers' }, layers.map((k) => h('li', {},
        h('span', { class: `map-marker map-marker-${k}`, 'aria-hidden': 'true' }, t(`map.glyph.${k}`)),
        t(`map.layer.${k}`)))));
  }

  // ---- markers ------------------------------------------------------------------------------------------------
  /** Kind, number, type and state; `overdue` adds the words where no flag badge stands beside the title. */
  function matterTitle(m, overdue = true) {
    return [t(`map.kind.${m.kind}`), m.caseNumber || '', ctx.label(`map.type.${m.kind}`, m.typeOf),
      ctx.label(`map.state.${m.kind}`, m.state), overdue && isOverdue(m) ? t('map.overdue') : '']
      .filter(Boolean).join(' · ');
  }

  function icon(kind) {
    return L.divIcon({
      className: `map-marker map-marker-${kind}`,
      html: h('span', { 'aria-hidden': 'true' }, t(`map.glyph.${kind}`)),
      iconSize: [24, 24],
      iconAnchor: [12, 12],
      popupAnchor: [0, -12],
    });
  }

  function drawMarkers() {
    layers.forEach((k) => markerLayers[k].clearLayers());
    for (const m of state.matters) {
      if (!m.location || m.location.latitude == null || m.location.longitude == null) {
        continue;
      }
      const title = matterTitle(m);
      const popup = h('div', { class: 'map-popup' },
        h('strong', {}, title),
        m.gridCode ? h('p', {}, gridName(m.gridCode)) : '',
        h('a', { href: `#/matter/${m.kind}/${encodeURIComponent(m.id)}` }, t('map.openMatter')));
      L.marker([m.location.latitude, m.location.longitude], { icon: icon(m.kind), title, alt: title, keyboard: true })
        .bindPopup(popup)
        .addTo(markerLayers[m.kind]);
    }
    for (const p of state.points) {
      const title = `${t('map.kind.point')} · ${p.name || ''} · ${gridName(p.gridCode)}`;
      L.marker([p.location.latitude, p.location.longitude], { icon: icon('point'), title, alt: title, keyboard: true })
        .bindPopup(h('div', { class: 'map-popup' }, h('strong', {}, title)))
        .addTo(markerLayers.point);
    }
  }

  // ---- the list: the accessible equivalent of the map ----------------------------------------------------------
  function renderTable() {
    const codes = [...state.grids.keys()].sort((a, b) => figureOf(b) - figureOf(a) || a.localeCompare(b));
    const headers = ['grid', 'code', 'village', ...figures];
    const rows = codes.map((code) => {
      const g = state.grids.get(code);
      const button = h('button', { type: 'button', class: 'link', dataset: { grid: code } }, g.name);
      button.addEventListener('click', () => select(code, true));
      const marks = [state.selected === code ? 'selected' : '', state.highlighted.has(code) ? 'lit' : ''].filter(Boolean);
      return h('tr', { dataset: { grid: code }, class: marks.join(' ') || null },
        h('th', { scope: 'row' }, button),
        h('td', {}, code),
        h('td', {}, [g.townshipName, g.villageName].filter(Boolean).join(' ')),
        figures.map((f) => h('td', { class: f === state.figure ? 'num chosen' : 'num' }, fmt.number(figureOf(code, f)))));
    });
    // on a narrow screen the table scrolls sideways inside its own box, which keyboard users can focus to scroll
    clear(tableSlot, codes.length === 0 ? h('p', {}, t('map.list.empty'))
      : h('div', { class: 'map-table-scroll', tabindex: '0', role: 'region', 'aria-label': t('map.list.scroll') },
        h('table', { class: 'data', id: 'map-grid-table' },
        h('caption', {}, t('map.list.caption', { count: fmt.number(codes.length),
          figure: t(`map.figure.${state.figure}`) })),
        h('thead', {}, h('tr', {}, headers.map((k) => h('th', { scope: 'col' }, t(`map.col.${k}`))))),
        h('tbody', {}, rows))));
  }

  // ---- the side panel of one grid ------------------------------------------------------------------------------
  let sideToken = 0;
  async function select(code, fromList) {
    const grid = state.grids.get(code);
    if (!grid) {
      return;
    }
    state.selected = code;
    restyle();
    tableSlot.querySelectorAll('tr[data-grid]').forEach((tr) => tr.classList.toggle('selected', tr.dataset.grid === code));
    const layer = polygons.get(code);
    if (fromList && layer) {
      map.fitBounds(layer.getBounds(), { maxZoom: 15, padding: [20, 20] });
    }
    const token = ++sideToken;
    if (state.side.code !== code) {
      state.side = { code, roster: null, totals: null };
    }
    renderSide(grid);
    if (fromList) {
      sideTitle.focus();
    }
    announce(t('map.side.shown', { name: grid.name }));
    const [roster, totals] = await Promise.all([
      quietly(api(`/api/areas/${code}/roster?on=${week.to}&size=100`), null),
      reads.statistics ? quietly(api(`/api/grid-statistics/${code}?from=${week.from}&to=${week.to}`), null) : null,
    ]);
    if (token !== sideToken || !state.alive) {
      return;
    }
    if (totals) {
      state.totals.set(code, weekTotalsOf(totals));
    }
    state.side = { code, roster: roster ? (roster.items || roster) : [], totals };
    renderSide(grid);
  }

  function renderSide(grid) {
    const code = grid.code;
    const { roster, totals } = state.side;
    const matters = state.matters.filter((m) => m.gridCode === code);
    const findings = totals && totals.findings ? Object.entries(totals.findings) : [];
    sideTitle.textContent = grid.name;
    clear(sideBody,
      h('dl', { class: 'map-facts' },
        h('dt', {}, t('map.side.code')), h('dd', {}, code),
        h('dt', {}, t('map.side.village')), h('dd', {}, `${grid.villageName || ''} (${grid.villageCode})`),
        h('dt', {}, t('map.side.township')), h('dd', {}, `${grid.townshipName || ''} (${grid.townshipCode})`),
        grid.responsibleOfficer ? [h('dt', {}, t('map.side.officer')), h('dd', {}, grid.responsibleOfficer.name)] : ''),
      h('h3', {}, t('map.side.figures')),
      h('p', { class: 'hint' }, t('map.side.figuresHint', { from: fmt.date(week.from), to: fmt.date(week.to) })),
      h('dl', { class: 'map-facts', id: 'map-side-figures' },
        figures.map((f) => [h('dt', {}, t(`map.figure.${f}`)), h('dd', {}, fmt.number(figureOf(code, f)))]),
        findings.map(([kind, n]) => [h('dt', {}, t('map.side.findingOf', { kind: ctx.label('map.finding', kind) })),
          h('dd', {}, fmt.number(n))])),
      h('h3', {}, t('map.side.roster')),
      roster === null ? h('p', { class: 'hint' }, t('common.loading'))
        : roster.length === 0 ? h('p', {}, t('common.none'))
          : h('ul', { id: 'map-side-roster' }, roster.map((r) => h('li', {},
            t('map.side.rosterEntry', { role: ctx.label('map.role', r.role), name: r.personName || r.personId || '' })))),
      h('h3', {}, t('map.side.matters', { count: fmt.number(matters.length) })),
      matters.length === 0 ? h('p', {}, t('common.none'))
        : h('ul', { id: 'map-side-matters' }, matters.map((m) => h('li', {},
          h('a', { href: `#/matter/${m.kind}/${encodeURIComponent(m.id)}` }, matterTitle(m, false)),
          flagOf(m) ? [' ', h('span', { class: `flag flag-${flagOf(m).toLowerCase()}` }, t(`common.flag.${flagOf(m)}`))]
            : ''))));
  }

  // ---- live: a grid a patrol report came from is marked for a while -----------------------------------------------
  function highlight(code) {
    if (!state.grids.has(code)) {
      return;
    }
    clearTimeout(state.highlighted.get(code));
    state.highlighted.set(code, setTimeout(() => {
      state.highlighted.delete(code);
      if (state.alive) {
        restyle();
        tableSlot.querySelector(`tr[data-grid="${code}"]`)?.classList.remove('lit');
      }
    }, HIGHLIGHT_MS));
    restyle();
    tableSlot.querySelector(`tr[data-grid="${code}"]`)?.classList.add('lit');
  }

  // ---- reading -------------------------------------------------------------------------------------------------
  function showProblems(problems) {
    clear(problemsBox, problems.slice(0, 3).map((p) => problemBox(p, t)));
  }

  function redraw() {
    state.counts = matterFigures(state.matters);
    restyle();
    drawMarkers();
    renderTable();
  }

  async function refreshAll(first) {
    const problems = [];
    status.textContent = t('common.loading');
    const [grids, totals, matters, points] = await Promise.all([
      loadGrids(scope, problems),
      reads.statistics ? loadWeekTotals(scope, week, problems) : new Map(),
      loadMatters(scope, reads.kinds, problems),
      reads.points ? loadPoints(scope, problems) : []]);
    if (!state.alive) {
      return;
    }
    Object.assign(state, { grids, totals, matters, points });
    state.counts = matterFigures(matters);
    drawGrids();
    restyle();
    drawMarkers();
    renderTable();
    showProblems(problems);
    status.textContent = t('map.status', { grids: fmt.number(grids.size), matters: fmt.number(matters.length) });
    if (first && gridLayer && polygons.size > 0) {
      // the first view is not animated: the map is ready when the grids are drawn where they stay
      map.invalidateSize(false);
      map.fitBounds(gridLayer.getBounds(), { padding: [10, 10], animate: false });
    }
    if (state.selected) {
      select(state.selected, false);
    }
  }

  /** After live news: re-read the grids it was about (figures and matters); news about a wider area re-reads all. */
  async function refreshAreas(areas) {
    const problems = [];
    const gridCodes = [...areas].filter((c) => state.grids.has(c));
    const wider = [...areas].some((c) => !state.grids.has(c));
    if (wider) {
      const matters = await loadMatters(scope, reads.kinds, problems);
      if (!state.alive) {
        return;
      }
      state.matters = matters;
    }
    await Promise.all(gridCodes.map(async (code) => {
      const [matters, totals] = await Promise.all([
        wider ? null : loadMatters(scope, reads.kinds, problems, code),
        reads.statistics ? quietly(api(`/api/grid-statistics/${code}?from=${week.from}&to=${week.to}`), null, problems)
          : null]);
      if (!state.alive) {
        return;
      }
      if (matters) {
        state.matters = state.matters.filter((m) => m.gridCode !== code).concat(matters);
      }
      if (totals) {
        state.totals.set(code, weekTotalsOf(totals));
      }
    }));
    if (!state.alive) {
      return;
    }
    redraw();
    if (state.selected && areas.has(state.selected)) {
      select(state.selected, false);
    }
    if (problems.length) {
      showProblems(problems);
    }
  }

  figureSelect.addEventListener('change', () => {
    state.figure = figureSelect.value;
    restyle();
    renderTable();
    announce(t('map.figure.chosen', { figure: t(`map.figure.${state.figure}`) }));
  });
  refreshButton.addEventListener('click', () => refreshAll(false));
  const stopReconnect = ctx.feed ? ctx.feed.onReconnect(() => refreshAll(false)) : () => {};

  await refreshAll(true);
  state.ready = true;
  // Leaflet's canvas paints on the next animation frame; the mark follows that paint's work
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  if (state.alive) {
    canvas.dataset.mapReady = 'true';
    performance.mark('console:map-ready');
  }
  if (params && params[0] && state.grids.has(params[0])) {
    select(params[0], true);
  }

  return () => {
    state.alive = false;
    live.stop();
    stopReconnect();
    state.highlighted.forEach((timer) => clearTimeout(timer));
    map.remove();
  };
}
