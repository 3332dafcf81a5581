// Trends (#/trends): patrol reports, findings by kind, cases opened and closed, satisfaction and time limits that
// turned yellow or red, per chosen area (county, township, village or grid of the person's scope) by day, week or
// month; the chosen area's children compared for the current period; and the window's on-time rates per station.
// Every chart is drawn by Chart.js and has a data table with the same numbers beside it (in a <details>), for
// screen readers and for anyone who wants the figures.

import { clear, h, problemBox } from '../ui.js';
import { scrollRegion, addStylesheet, areaName, areas, labelledSelect, listOrSkip, loadChart } from '../boards/common.js';
import { series } from '../boards/trend-data.js';

const PALETTE = ['#0b4f8a', '#c2410c', '#1a7f37', '#7c3aed', '#b42318', '#0e7490', '#a16207', '#be185d', '#4a5561'];
const LEVEL_ORDER = ['COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID'];
const CASES = ['incidentsOpened', 'incidentsClosed', 'disputesOpened', 'disputesClosed', 'requestsSubmitted',
  'requestsCompleted', 'hazardsOpened', 'hazardsClosed'];
const CHILD_COUNTERS = ['patrolReports', 'incidentsOpened', 'disputesOpened', 'requestsSubmitted'];
const WINDOW_ROLES = ['WINDOW_CLERK', 'SUPERVISOR', 'ADMIN'];

export async function mount(main, ctx) {
  addStylesheet();
  const { t, fmt } = ctx;
  const charts = [];
  let generation = 0;

  const index = await areas(ctx).catch(() => ({ byCode: new Map(), ordered: [], roots: [] }));
  const choices = index.ordered.filter((a) => LEVEL_ORDER.includes(a.level));
  if (!choices.length) {
    (ctx.user.scopeCodes || []).forEach((code) => choices.push({ code, name: code, level: '', depth: 0 }));
  }
  const state = { area: choices.length ? choices[0].code : '', period: 'WEEK' };
  const areaOptions = choices.map((a) => [a.code,
    `${'\u3000'.repeat(a.depth)}${a.level ? t('boards.trends.areaOption', { name: a.name || a.code,
      level: t(`boards.level.${a.level}`) }) : a.name || a.code}`]);
  const periodOptions = ['DAY', 'WEEK', 'MONTH'].map((p) => [p, t(`boards.period.${p}`)]);

  const status = h('p', { class: 'hint', id: 'trends-status', role: 'status' });
  const body = h('div', { class: 'trends-body', id: 'trends-body' });
  clear(main, h('section', { class: 'panel board', 'aria-labelledby': 'trends-title' },
    h('h1', { id: 'trends-title' }, t('boards.trends.title')),
    h('p', { class: 'hint' }, t('boards.trends.intro')),
    h('form', { class: 'board-filters', 'aria-label': t('boards.trends.choose'), onsubmit: (e) => e.preventDefault() },
      h('div', {}, labelledSelect('trends-area', t('boards.trends.area'), areaOptions, state.area, (e) => {
        state.area = e.target.value;
        load();
      })),
      h('div', {}, labelledSelect('trends-period', t('boards.trends.period'), periodOptions, state.period, (e) => {
        state.period = e.target.value;
        load();
      }))),
    status),
  body);

  function periodLabel(start) {
    const noon = `${start}T12:00:00Z`;
    if (state.period === 'MONTH') {
      return new Intl.DateTimeFormat(ctx.locale(), { year: 'numeric', month: 'short', timeZone: 'UTC' })
        .format(new Date(noon));
    }
    return state.period === 'WEEK' ? t('boards.trends.weekOf', { date: fmt.date(noon) }) : fmt.date(noon);
  }

  function destroyCharts() {
    charts.splice(0).forEach((chart) => chart.destroy());
  }

  /**
   * One figure: a heading, the chart (a canvas with an accessible name pointing to its table) and the table.
   * datasets = [{label, data: [numbers], axis?, percent?}], labels = the x axis.
   */
  function figure(Chart, id, title, labels, datasets, { type = 'bar', stacked = false, note = null, rowHeader = null } = {}) {
    const canvas = h('canvas', { id: `${id}-canvas`, role: 'img', 'aria-label': t('boards.trends.chartLabel', { title }) });
    const show = (d, n) => (n === null || n === undefined ? '—' : d.percent ? fmt.percent(n) : fmt.number(n));
    const tableEl = h('table', { class: 'data trend-table', id: `${id}-table` },
      h('caption', {}, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, rowHeader || t('boards.trends.when')),
        datasets.map((d) => h('th', { scope: 'col' }, d.label)))),
      h('tbody', {}, labels.map((label, i) => h('tr', {}, h('th', { scope: 'row' }, label),
        datasets.map((d) => h('td', { class: 'num' }, show(d, d.data[i])))))));
    const section = h('section', { class: 'panel trend', id, 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, title),
      note ? h('p', { class: 'hint' }, note) : null,
      h('div', { class: 'trend-canvas' }, canvas),
      h('details', { class: 'trend-data' }, h('summary', {}, t('boards.trends.dataTable')), scrollRegion(t, tableEl)));
    const hasRight = datasets.some((d) => d.axis === 'right');
    const leftPercent = datasets.filter((d) => d.axis !== 'right').every((d) => d.percent);
    charts.push(new Chart(canvas, {
      type,
      data: {
        labels,
        datasets: datasets.map((d, i) => ({
          label: d.label,
          data: d.data.map((n) => (n === null || n === undefined ? null : d.percent ? n * 100 : n)),
          backgroundColor: d.color || PALETTE[i % PALETTE.length],
          borderColor: d.color || PALETTE[i % PALETTE.length],
          borderWidth: type === 'line' ? 2 : 1,
          yAxisID: d.axis === 'right' ? 'y1' : 'y',
          spanGaps: true,
        })),
      },
      options: {
        locale: ctx.locale(),
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked },
          y: leftPercent ? { min: 0, max: 100, ticks: { callback: (v) => `${fmt.number(v)}%` } }
            : { stacked, beginAtZero: true, ticks: { precision: 0 } },
          ...(hasRight ? { y1: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } : {}),
        },
        plugins: { legend: { position: 'bottom' } },
      },
    }));
    return section;
  }

  function render(Chart, { full, points }, levels) {
    destroyCharts();
    const labels = points.map((p) => periodLabel(p.start));
    const count = (name) => points.map((p) => (p.counts && p.counts[name]) || 0);
    const areaTitle = areaName(index, state.area);
    const sections = [];

    sections.push(figure(Chart, 'trend-reports', t('boards.trends.reports', { area: areaTitle }), labels,
      [{ label: t('boards.counter.patrolReports'), data: count('patrolReports') }]));

    const kinds = [...new Set(points.flatMap((p) => Object.keys(p.counts || {})
      .filter((k) => k.startsWith('finding_')).map((k) => k.substring('finding_'.length))))].sort();
    sections.push(kinds.length
      ? figure(Chart, 'trend-findings', t('boards.trends.findings', { area: areaTitle }), labels,
        kinds.map((k) => ({ label: ctx.label('boards.finding', k), data: count(`finding_${k}`) })), { stacked: true })
      : h('section', { class: 'panel trend', id: 'trend-findings' },
        h('h2', {}, t('boards.trends.findings', { area: areaTitle })), h('p', {}, t('boards.trends.noFindings'))));

    if (full) {
      sections.push(figure(Chart, 'trend-cases', t('boards.trends.cases', { area: areaTitle }), labels,
        CASES.map((c) => ({ label: t(`boards.counter.${c}`), data: count(c) })), { type: 'line' }));
      sections.push(figure(Chart, 'trend-satisfaction', t('boards.trends.satisfaction', { area: areaTitle }), labels, [
        { label: t('boards.counter.satisfactionRate'), percent: true,
          data: points.map((p) => (p.derived ? p.derived.satisfactionRate ?? null : null)) },
        { label: t('boards.counter.averageRating'), axis: 'right',
          data: points.map((p) => (p.derived ? p.derived.averageRating ?? null : null)) },
      ], { type: 'line', note: t('boards.trends.satisfactionNote') }));
      sections.push(figure(Chart, 'trend-deadlines', t('boards.trends.deadlines', { area: areaTitle }), labels, [
        { label: t('boards.counter.requestsYellow'), data: count('deadline_YELLOW'), color: '#a16207' },
        { label: t('boards.counter.requestsRed'), data: count('deadline_RED'), color: '#b42318' },
        { label: t('boards.counter.hazardsOverdue'), data: count('hazardsOverdue'), color: '#7c3aed' },
        { label: t('boards.counter.hazardsEscalated'), data: count('hazardsEscalated'), color: '#0e7490' },
      ], { note: t('boards.trends.deadlinesNote') }));
    }

    const latest = points[points.length - 1];
    const childCodes = latest && latest.children ? Object.keys(latest.children).sort() : [];
    if (childCodes.length) {
      const counters = full ? CHILD_COUNTERS : ['patrolReports'];
      sections.push(figure(Chart, 'trend-children', t('boards.trends.children',
        { area: areaTitle, period: periodLabel(latest.start) }), childCodes.map((c) => areaName(index, c)),
      counters.map((c) => ({ label: t(`boards.counter.${c}`), data: childCodes.map((code) => latest.children[code][c] || 0) })),
      { rowHeader: t('boards.trends.area') }));
    }

    if (levels && levels.length) {
      sections.push(figure(Chart, 'trend-ontime', t('boards.trends.onTime'), levels.map((l) =>
        (l.key && l.key !== 'null' ? areaName(index, l.key) : t('boards.levels.unknown'))), [
        { label: t('boards.levels.firstResponseOnTimeRate'), percent: true, data: levels.map((l) => l.firstResponseOnTimeRate) },
        { label: t('boards.levels.completionOnTimeRate'), percent: true, data: levels.map((l) => l.completionOnTimeRate) },
        { label: t('boards.levels.averageRating'), axis: 'right', data: levels.map((l) => l.averageRating) },
      ], { note: t('boards.trends.onTimeNote'), rowHeader: t('boards.trends.area') }));
    }
    clear(body, sections);
  }

  async function load() {
    const mine = ++generation;
    if (!state.area) {
      clear(body, h('p', { class: 'board-empty' }, t('boards.trends.noArea')));
      return;
    }
    main.setAttribute('aria-busy', 'true');
    status.textContent = t('common.loading');
    try {
      const [Chart, data, levels] = await Promise.all([
        loadChart(),
        series(ctx, state.area, state.period),
        ctx.is(...WINDOW_ROLES) ? listOrSkip('/api/service-levels?groupBy=STATION', 500).catch(() => null)
          : Promise.resolve(null),
      ]);
      if (mine !== generation) {
        return;
      }
      render(Chart, data, levels);
      status.textContent = t('boards.trends.loaded', { area: areaName(index, state.area),
        period: t(`boards.period.${state.period}`) });
    } catch (e) {
      if (mine === generation) {
        destroyCharts();
        clear(body, problemBox(e, t));
        status.textContent = '';
      }
    } finally {
      if (mine === generation) {
        main.setAttribute('aria-busy', 'false');
      }
    }
  }

  await load();
  return () => {
    generation++;
    destroyCharts();
  };
}
