// The patrol report form: the grid, the patrol's times, any number of findings (a dispute with its parties), the
// place of each finding from the browser, and photos. It reads itself into the body of POST /api/patrol-reports
// (SubmitPatrolReport) and can be filled again from one (a refused queued report goes back into the form).

import { h, clear, announce } from '../ui.js';

export const KINDS = ['DISPUTE', 'INCIDENT', 'HAZARD', 'SENTIMENT', 'CARE'];
export const DISPUTE_TYPES = ['LAND_BOUNDARY', 'NEIGHBOUR', 'FAMILY', 'LIVESTOCK_DAMAGE', 'TRADE_HERB_MARKET', 'WAGES',
  'OTHER'];
export const RISKS = ['LOW', 'MEDIUM', 'HIGH'];
export const PARTY_KINDS = ['PERSON', 'ORGANISATION'];
export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'];

let serial = 0;
const uid = (prefix) => `${prefix}-${++serial}`;

function select(id, options, value, attrs = {}) {
  return h('select', { id, ...attrs }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

function field(id, labelText, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/** The county's wall-clock time (yyyy-MM-ddTHH:mm) of an instant, for a datetime-local input. */
export function wallTime(date, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date)
    .map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A county wall-clock time from a datetime-local input as ISO 8601 with the county's offset (whatever the phone's zone). */
export function isoInZone(local, timeZone) {
  const guess = new Date(`${local}:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(guess)
    .find((p) => p.type === 'timeZoneName').value; // "GMT+08:00" (or "GMT" for UTC)
  const offset = name === 'GMT' ? '+00:00' : name.substring(3);
  return `${local}:00${offset}`;
}

/**
 * Builds the form into `root`. `grids` = [{code, name}]; `onSubmit(body, photos)` is called with the report and the
 * chosen photos once the browser's own checks pass. Returns {fill(body), reset(), setBusy(flag)}.
 */
export function buildForm(root, { t, grids, timeZone, onSubmit }) {
  const opts = (prefix, values) => values.map((v) => [v, t(`${prefix}.${v}`)]);
  const gridSelect = select('grid', grids.map((g) => [g.code, g.name || g.code]), grids.length ? grids[0].code : '',
    { required: true });
  const started = h('input', { type: 'datetime-local', id: 'started', required: true,
    value: wallTime(new Date(), timeZone) });
  const ended = h('input', { type: 'datetime-local', id: 'ended', 'aria-describedby': 'ended-hint' });
  const route = trackRecorder(t);
  const findingsList = h('div', { class: 'findings' });
  const addFinding = h('button', { type: 'button', id: 'add-finding', class: 'wide' }, t('phone.finding.add'));
  const photos = h('input', { type: 'file', id: 'photos', accept: 'image/*', capture: 'environment', multiple: true,
    'aria-describedby': 'photos-hint' });
  const photoList = h('ul', { class: 'photo-list', id: 'photo-list' });
  const send = h('button', { type: 'submit', class: 'primary wide', id: 'send' }, t('phone.send'));
  const form = h('form', { class: 'stack report-form', id: 'report-form', novalidate: false },
    grids.length > 1 || grids.length === 0
      ? field('grid', t('phone.grid'), gridSelect, grids.length === 0 ? t('phone.grid.none') : null)
      : field('grid', t('phone.grid'), gridSelect, t('phone.grid.one')),
    h('div', { class: 'times' },
      field('started', t('phone.startedAt'), started),
      field('ended', t('phone.endedAt'), ended, t('phone.endedAt.hint'))),
    route.element,
    h('h3', { id: 'findings-heading' }, t('phone.findings')),
    h('p', { class: 'hint' }, t('phone.findings.hint')),
    findingsList,
    addFinding,
    h('h3', {}, t('phone.photos')),
    field('photos', t('phone.photos.choose'), photos, t('phone.photos.hint')),
    photoList,
    send);
  clear(root, form);

  photos.addEventListener('change', () => {
    clear(photoList, [...photos.files].map((f) => h('li', {}, `${f.name} · ${Math.ceil(f.size / 1024)} KB`)));
  });

  function renumber() {
    [...findingsList.children].forEach((fs, i) => {
      fs.querySelector('legend').textContent = t('phone.finding.n', { n: i + 1 });
      fs.querySelector('.remove-finding').setAttribute('aria-label', t('phone.finding.remove.n', { n: i + 1 }));
    });
  }

  function partyRow(list, party = {}) {
    const id = uid('party');
    const name = h('input', { type: 'text', id: `${id}-name`, required: true, maxlength: 60, value: party.name || '',
      autocomplete: 'off', class: 'party-name' });
    const row = h('li', { class: 'party' },
      field(`${id}-name`, t('phone.party.name'), name),
      field(`${id}-role`, t('phone.party.role'), select(`${id}-role`, opts('phone.partyRole', PARTY_ROLES),
        party.role || 'APPLICANT', { class: 'party-role' })),
      field(`${id}-kind`, t('phone.party.kind'), select(`${id}-kind`, opts('phone.partyKind', PARTY_KINDS),
        party.kind || 'PERSON', { class: 'party-kind' })),
      field(`${id}-claims`, t('phone.party.claims'), h('input', { type: 'text', id: `${id}-claims`, maxlength: 1000,
        value: party.claims || '', class: 'party-claims' })));
    const remove = h('button', { type: 'button', class: 'remove-party' }, t('phone.party.remove'));
    remove.addEventListener('click', () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      announce(t('phone.party.removed'));
      (next ? next.querySelector('input') : list.parentElement.querySelector('.add-party')).focus();
    });
    row.append(remove);
    list.append(row);
    return name;
  }

  function findingBlock(finding = {}) {
    const id = uid('finding');
    const kind = select(`${id}-kind`, opts('phone.kind', KINDS), finding.kind || 'DISPUTE', { class: 'finding-kind',
      required: true });
    const description = h('textarea', { id: `${id}-desc`, required: true, maxlength: 1000, rows: 3,
      class: 'finding-description' }, finding.description || '');
    const people = h('input', { type: 'text', id: `${id}-people`, class: 'finding-people', 'aria-describedby':
      `${id}-people-hint`, value: (finding.peopleConcerned || []).join('，') });
    const parties = h('ul', { class: 'parties', 'aria-label': t('phone.parties') });
    const addParty = h('button', { type: 'button', class: 'add-party' }, t('phone.party.add'));
    addParty.addEventListener('click', () => partyRow(parties).focus());
    const dispute = finding.dispute || {};
    const disputePart = h('fieldset', { class: 'dispute' },
      h('legend', {}, t('phone.dispute')),
      field(`${id}-dtype`, t('phone.dispute.type'), select(`${id}-dtype`, opts('phone.disputeType', DISPUTE_TYPES),
        dispute.type || 'OTHER', { class: 'dispute-type' })),
      field(`${id}-risk`, t('phone.dispute.risk'), select(`${id}-risk`, opts('phone.risk', RISKS),
        dispute.riskLevel || 'LOW', { class: 'dispute-risk', 'aria-describedby': `${id}-risk-hint` }),
      t('phone.dispute.risk.hint')),
      h('h4', { class: 'parties-heading' }, t('phone.parties')),
      parties, addParty);
    (dispute.parties || []).forEach((p) => partyRow(parties, p));
    const peopleField = field(`${id}-people`, t('phone.people'), people, t('phone.people.hint'));

    const where = h('output', { class: 'where', id: `${id}-where`, 'aria-live': 'polite' },
      t('phone.location.none'));
    const locate = h('button', { type: 'button', class: 'locate' }, t('phone.location.use'));
    const forget = h('button', { type: 'button', class: 'forget', hidden: true }, t('phone.location.clear'));
    const block = h('fieldset', { class: 'finding panel' }, h('legend', {}, ''),
      field(`${id}-kind`, t('phone.kind'), kind),
      field(`${id}-desc`, t('phone.description'), description),
      disputePart, peopleField,
      h('div', { class: 'location' }, h('span', { class: 'where-label', id: `${id}-where-label` },
        t('phone.location')), where, locate, forget));
    where.setAttribute('aria-labelledby', `${id}-where-label`);
    const removeFinding = h('button', { type: 'button', class: 'remove-finding' }, t('phone.finding.remove'));
    removeFinding.addEventListener('click', () => {
      block.remove();
      renumber();
      announce(t('phone.finding.removed'));
      addFinding.focus();
    });
    block.append(removeFinding);

    const showKind = () => {
      const isDispute = kind.value === 'DISPUTE';
      disputePart.hidden = !isDispute;
      disputePart.disabled = !isDispute;   // hidden party names must not block sending another kind
      peopleField.hidden = isDispute;
    };
    kind.addEventListener('change', showKind);
    showKind();

    const setWhere = (loc) => {
      block.dataset.lat = loc ? String(loc.latitude) : '';
      block.dataset.lon = loc ? String(loc.longitude) : '';
      where.textContent = loc ? t('phone.location.at', { lat: loc.latitude.toFixed(5), lon: loc.longitude.toFixed(5) })
        : t('phone.location.none');
      forget.hidden = !loc;
    };
    setWhere(finding.location && finding.location.latitude !== undefined ? finding.location : null);
    forget.addEventListener('click', () => { setWhere(null); locate.focus(); });
    locate.addEventListener('click', () => {
      if (!('geolocation' in navigator)) {
        where.textContent = t('phone.location.unsupported');
        return;
      }
      locate.disabled = true;
      where.textContent = t('phone.location.finding');
      navigator.geolocation.getCurrentPosition((pos) => {
        locate.disabled = false;
        setWhere({ latitude: Number(pos.coords.latitude.toFixed(6)), longitude: Number(pos.coords.longitude.toFixed(6)) });
      }, (error) => {
        locate.disabled = false;
        setWhere(null);
        // a refusal is the member's right: say what it means and carry on without a place
        where.textContent = t(error.code === 1 ? 'phone.location.denied' : 'phone.location.failed');
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });

    findingsList.append(block);
    renumber();
    return kind;
  }

  addFinding.addEventListener('click', () => {
    findingBlock({}).focus();
    announce(t('phone.finding.added', { n: findingsList.children.length }));
  });

  function read() {
    const body = {
      gridCode: gridSelect.value,
      startedAt: isoInZone(started.value, timeZone),
      endedAt: isoInZone(ended.value || wallTime(new Date(), timeZone), timeZone),
      findings: [...findingsList.children].map((block) => {
        const kind = block.querySelector('.finding-kind').value;
        const finding = { kind, description: block.querySelector('.finding-description').value.trim() };
        if (block.dataset.lat) {
          finding.location = { latitude: Number(block.dataset.lat), longitude: Number(block.dataset.lon) };
        }
        if (kind === 'DISPUTE') {
          finding.dispute = {
            type: block.querySelector('.dispute-type').value,
            riskLevel: block.querySelector('.dispute-risk').value,
            parties: [...block.querySelectorAll('.party')].map((row) => {
              const party = { kind: row.querySelector('.party-kind').value, role: row.querySelector('.party-role').value,
                name: row.querySelector('.party-name').value.trim() };
              const claims = row.querySelector('.party-claims').value.trim();
              if (claims) {
                party.claims = claims;
              }
              return party;
            }),
          };
        } else {
          const people = block.querySelector('.finding-people').value.split(/[,，、;；]/).map((s) => s.trim())
            .filter(Boolean);
          if (people.length) {
            finding.peopleConcerned = people;
          }
        }
        return finding;
      }),
    };
    const track = route.points();
    if (track.length) {
      body.track = track;
    }
    return body;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    onSubmit(read(), [...photos.files]);
  });

  return {
    form,
    /** Puts a report back into the form (a refused one, to correct it). */
    fill(body) {
      if (grids.some((g) => g.code === body.gridCode)) {
        gridSelect.value = body.gridCode;
      }
      if (body.startedAt) {
        started.value = wallTime(new Date(body.startedAt), timeZone);
      }
      if (body.endedAt) {
        ended.value = wallTime(new Date(body.endedAt), timeZone);
      }
      clear(findingsList);
      (body.findings || []).forEach((f) => findingBlock(f));
    },
    reset() {
      clear(findingsList);
      started.value = wallTime(new Date(), timeZone);
      ended.value = '';
      photos.value = '';
      clear(photoList);
      route.stop();
    },
    setBusy(busy) {
      send.disabled = busy;
      form.setAttribute('aria-busy', String(busy));
    },
  };
}

/**
 * The route walked, while the member lets the page record it (the API stores it encrypted and finds from it the
 * must-visit points reached). A point when the member has moved about 20 m, or every half minute; kept in memory
 * only, so closing the page ends the recording.
 */
function trackRecorder(t) {
  const MAX_POINTS = 2000;
  let watch = null;
  let points = [];
  const box = h('input', { type: 'checkbox', id: 'record-route', 'aria-describedby': 'record-route-hint' });
  const status = h('output', { id: 'route-status', 'aria-live': 'polite' }, '');
  const element = h('div', { class: 'route' },
    h('div', { class: 'check' }, box, h('label', { for: 'record-route' }, t('phone.route.record'))),
    h('p', { class: 'hint', id: 'record-route-hint' }, t('phone.route.hint')), status);
  const show = (key) => { status.textContent = t(key, { n: points.length }); };
  const metres = (a, b) => {
    const rad = Math.PI / 180;
    const x = (b.longitude - a.longitude) * rad * Math.cos(((a.latitude + b.latitude) / 2) * rad);
    const y = (b.latitude - a.latitude) * rad;
    return Math.sqrt(x * x + y * y) * 6371000;
  };
  function start() {
    if (!('geolocation' in navigator)) {
      box.checked = false;
      show('phone.location.unsupported');
      return;
    }
    show('phone.route.count');
    watch = navigator.geolocation.watchPosition((pos) => {
      const point = { latitude: Number(pos.coords.latitude.toFixed(6)), longitude: Number(pos.coords.longitude.toFixed(6)),
        at: new Date(pos.timestamp).toISOString() };
      const last = points[points.length - 1];
      if (points.length < MAX_POINTS && (!last || metres(last, point) >= 20
        || new Date(point.at) - new Date(last.at) >= 30000)) {
        points.push(point);
        show('phone.route.count');
      }
    }, (error) => {
      if (error.code === 1) {
        stop();
        show('phone.route.denied');
      } else {
        show('phone.route.weak'); // no fix for now (a valley, a house): the watch goes on and catches up
      }
    }, { enableHighAccuracy: true, maximumAge: 10000 });
  }
  function stop() {
    if (watch !== null) {
      navigator.geolocation.clearWatch(watch);
      watch = null;
    }
    box.checked = false;
  }
  box.addEventListener('change', () => {
    if (box.checked) {
      start();
    } else {
      stop();
      show('phone.route.stopped');
    }
  });
  return {
    element,
    points: () => points.slice(),
    stop() {
      stop();
      points = [];
      status.textContent = '';
    },
  };
}
