// dyad serve — web interface.
// Plain DOM + SVG, no framework and no build step, so the binary can embed these files as they are.
// Every view reads its state from the URL hash, so any view can be bookmarked or shared.
// Loaded as an ES module (strict mode, deferred until the page is parsed).

/* ---------------------------------------------------------------- helpers */

const SVG_NS = 'http://www.w3.org/2000/svg';
const main = document.getElementById('main');

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    // Styles go through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows.
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  // Strings become text nodes: article text is never parsed as HTML.
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** Create an HTML element: h('a', {href: '#'}, 'text', child). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

/** Replace the contents of an element, skipping null children. */
function show(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Create an SVG element (needs the SVG namespace, unlike h). */
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  return append(el, children);
}

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const fmtNum = (x, d = 1) => (x == null || Number.isNaN(x) ? '—' : round(x, d).toFixed(d).replace('-', '−'));
const fmtSigned = (x, d = 1) => (x == null ? '—' : (x > 0 ? '+' : '') + fmtNum(x, d));
const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** Fetch JSON from the API; throws an Error carrying the server's own message on 4xx/5xx. */
async function api(path, params, options) {
  const query = params ? params.toString() : '';
  let res;
  try {
    res = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: 'application/json' }, ...options });
  } catch (err) {
    throw new Error(`Cannot reach the dyad server (${err.message}).`);
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON: fall back to the status line */ }
  if (!res.ok) throw new Error(body?.error?.message || `${res.status} ${res.statusText}`);
  return body;
}

/* ---------------------------------------------------- reference tables (facts) */

const QUAD = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

// CAMEO root codes, shown as tooltips next to the codes.
const CAMEO_ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid',
  '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten',
  '14': 'Protest', '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
  '19': 'Fight', '20': 'Use unconventional mass violence',
};

// The sixteen PLOVER event types, offered as suggestions in the filter form.
const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

// ISO 3166-1 numeric -> alpha-3 for the countries in world-atlas (whose ids are numeric strings).
const ISO_NUMERIC = Object.fromEntries(`
004 AFG 008 ALB 010 ATA 012 DZA 024 AGO 031 AZE 032 ARG 036 AUS 040 AUT 044 BHS 050 BGD 051 ARM 056 BEL
064 BTN 068 BOL 070 BIH 072 BWA 076 BRA 084 BLZ 090 SLB 096 BRN 100 BGR 104 MMR 108 BDI 112 BLR 116 KHM
120 CMR 124 CAN 140 CAF 144 LKA 148 TCD 152 CHL 156 CHN 158 TWN 170 COL 178 COG 180 COD 188 CRI 191 HRV
192 CUB 196 CYP 203 CZE 204 BEN 208 DNK 214 DOM 218 ECU 222 SLV 226 GNQ 231 ETH 232 ERI 233 EST 238 FLK
242 FJI 246 FIN 250 FRA 260 ATF 262 DJI 266 GAB 268 GEO 270 GMB 275 PSE 276 DEU 288 GHA 300 GRC 304 GRL
320 GTM 324 GIN 328 GUY 332 HTI 340 HND 348 HUN 352 ISL 356 IND 360 IDN 364 IRN 368 IRQ 372 IRL 376 ISR
380 ITA 384 CIV 388 JAM 392 JPN 398 KAZ 400 JOR 404 KEN 408 PRK 410 KOR 414 KWT 417 KGZ 418 LAO 422 LBN
426 LSO 428 LVA 430 LBR 434 LBY 440 LTU 442 LUX 450 MDG 454 MWI 458 MYS 466 MLI 478 MRT 484 MEX 496 MNG
498 MDA 499 MNE 504 MAR 508 MOZ 512 OMN 516 NAM 524 NPL 528 NLD 540 NCL 548 VUT 554 NZL 558 NIC 562 NER
566 NGA 578 NOR 586 PAK 591 PAN 598 PNG 600 PRY 604 PER 608 PHL 616 POL 620 PRT 624 GNB 626 TLS 630 PRI
634 QAT 642 ROU 643 RUS 646 RWA 682 SAU 686 SEN 688 SRB 694 SLE 703 SVK 704 VNM 705 SVN 706 SOM 710 ZAF
716 ZWE 724 ESP 728 SSD 729 SDN 732 ESH 740 SUR 748 SWZ 752 SWE 756 CHE 760 SYR 762 TJK 764 THA 768 TGO
780 TTO 784 ARE 788 TUN 792 TUR 795 TKM 800 UGA 804 UKR 807 MKD 818 EGY 826 GBR 834 TZA 840 USA 854 BFA
858 URY 860 UZB 862 VEN 887 YEM 894 ZMB`.trim().split(/\s+/).reduce((pairs, tok, i, all) =>
  (i % 2 ? pairs : [...pairs, [tok, all[i + 1]]]), []));

// Three shapes in world-atlas have no numeric id; event data codes them as these countries.
const ISO_BY_ATLAS_NAME = { Kosovo: 'XKX', Somaliland: 'SOM', 'N. Cyprus': 'CYP' };

/* ---------------------------------------------------------------- filters */

const FILTERS = [
  { name: 'country', label: 'Country', placeholder: 'RUS', upper: true, help: 'ISO alpha-3 of source or target' },
  { name: 'dyad', label: 'Dyad', placeholder: 'USA-CHN', upper: true, help: 'Source country - target country' },
  { name: 'actor', label: 'Actor', placeholder: 'USAGOV, donald-trump', help: 'CAMEO code prefix, knowledge-base id or name' },
  { name: 'cameo', label: 'CAMEO', placeholder: '04, 042', help: 'CAMEO code prefix' },
  { name: 'plover', label: 'PLOVER', placeholder: 'CONSULT', upper: true, list: 'plover-types', help: 'PLOVER event type' },
  { name: 'quad_class', label: 'QuadClass', type: 'select' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
  { name: 'place', label: 'Place', placeholder: 'Geneva, CHE', help: 'Place name or ISO alpha-3 of its country' },
  { name: 'text', label: 'Text', placeholder: 'sanctions AND oil', help: 'Full-text search of titles and bodies (FTS5 syntax)' },
];

/** Only the event filters of a hash query (drops paging and view options). */
function filterParams(params) {
  const out = new URLSearchParams();
  for (const f of FILTERS) {
    const v = params.get(f.name);
    if (v) out.set(f.name, v);
  }
  return out;
}

function filterForm(view, params) {
  const field = (f) => {
    const id = `filter-${f.name}`;
    const value = params.get(f.name) || '';
    let input;
    if (f.type === 'select') {
      input = h('select', { id, name: f.name, 'data-testid': id },
        h('option', { value: '' }, 'any'),
        Object.entries(QUAD).map(([k, label]) => h('option', { value: k, selected: value === k }, `${k} ${label}`)));
    } else {
      input = h('input', {
        id, name: f.name, 'data-testid': id, type: f.type || 'search', value,
        placeholder: f.placeholder, title: f.help, list: f.list, autocomplete: 'off', spellcheck: 'false',
      });
    }
    return h('label', { class: `field field-${f.name}` }, h('span', {}, f.label), input);
  };
  const form = h('form', { class: 'filters', 'data-testid': 'filter-form', role: 'search' },
    FILTERS.map(field),
    h('datalist', { id: 'plover-types' }, PLOVER_TYPES.map((t) => h('option', { value: t }))),
    h('div', { class: 'filter-buttons' },
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'filter-apply' }, 'Apply'),
      h('button', { type: 'button', 'data-testid': 'filter-clear', onclick: () => { location.hash = `#/${view}`; } }, 'Clear')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const out = new URLSearchParams();
    for (const f of FILTERS) {
      let v = form.elements[f.name].value.trim();
      if (f.upper) v = v.toUpperCase();
      if (v) out.set(f.name, v);
    }
    // Applying filters always starts again at the first page; the same hash again means "reload".
    const next = `#/${view}${out.toString() ? `?${out}` : ''}`;
    if (location.hash === next) route(); else location.hash = next;
  });
  return form;
}

/* --------------------------------------------------------------- downloads */

function saveFile(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvCell(v) {
  if (v == null) return '';
  let t = typeof v === 'object' ? JSON.stringify(v) : String(v);
  // Spreadsheets run cells starting with = + - @ as formulas; article text is untrusted.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(t) && Number.isNaN(Number(t))) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

function toCSV(rows) {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** CSV and JSON buttons; the callbacks return what the view currently shows. */
function downloads(basename, getJSON, getRows) {
  return h('div', { class: 'downloads' },
    h('button', {
      type: 'button', 'data-testid': 'download-csv', title: 'Download what is shown as CSV',
      onclick: () => saveFile(`${basename}.csv`, 'text/csv;charset=utf-8', toCSV(getRows())),
    }, 'CSV'),
    h('button', {
      type: 'button', 'data-testid': 'download-json', title: 'Download what is shown as JSON',
      onclick: () => saveFile(`${basename}.json`, 'application/json', JSON.stringify(getJSON(), null, 2)),
    }, 'JSON'));
}

const joinActors = (list, key) => (list || []).map((a) => a[key] ?? '').join('; ');

/** One flat CSV row per event. */
function eventRow(ev) {
  return {
    event_id: ev.event_id, article_id: ev.article_id, date: ev.date?.value ?? '', date_precision: ev.date?.precision ?? '', day: ev.day ?? '',
    source_code: joinActors(ev.source, 'code'), source_name: joinActors(ev.source, 'name'),
    source_country: joinActors(ev.source, 'country'), source_text: joinActors(ev.source, 'text'),
    action_text: ev.action?.text ?? '', action_lemma: ev.action?.lemma ?? '',
    cameo: ev.cameo, quad_class: ev.quad_class, goldstein: ev.goldstein,
    plover_type: ev.plover?.type ?? '', plover_mode: ev.plover?.mode ?? '',
    target_code: joinActors(ev.target, 'code'), target_name: joinActors(ev.target, 'name'),
    target_country: joinActors(ev.target, 'country'), target_text: joinActors(ev.target, 'text'),
    place_name: ev.location?.name ?? '', place_country: ev.location?.country ?? '',
    latitude: ev.location?.latitude ?? '', longitude: ev.location?.longitude ?? '',
    modality: ev.modality ?? '', attribution: ev.attribution ?? '', pattern: ev.pattern ?? '',
    confidence: ev.confidence, sentence_index: ev.sentence_index, sentence: ev.sentence ?? '',
    coder_version: ev.coder_version ?? '',
  };
}

/* ------------------------------------------------------------ shared bits */

function describeFilters(params) {
  const parts = [...filterParams(params)].map(([k, v]) => `${k} = ${v}`);
  return parts.length ? parts.join(' · ') : 'all events';
}

function viewHeader(title, subtitle, tools) {
  return h('div', { class: 'view-header' },
    h('div', {}, h('h1', {}, title), subtitle ? h('p', { class: 'muted subtitle' }, subtitle) : null),
    tools);
}

function errorBox(err) {
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, err.message || String(err));
}

/** Inner width of a box, which a chart drawn inside it should fill (at least 640 px; narrower scrolls). */
function chartWidth(el) {
  const cs = getComputedStyle(el);
  return Math.max(640, Math.floor(el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)));
}

const loading = () => h('p', { class: 'muted loading' }, 'Loading…');

function quadChip(q) {
  return h('span', { class: `chip qc-${q}`, title: QUAD[q] || '' }, h('span', { class: 'swatch' }), QUAD[q] || `QuadClass ${q}`);
}

function cameoCode(code) {
  return h('code', { class: 'cameo', title: CAMEO_ROOTS[String(code).slice(0, 2)] || 'CAMEO' }, code);
}

/** An actor's country: its own field, else the first three letters of its CAMEO code. */
function actorCountry(a) {
  if (a.country) return a.country;
  return /^[A-Z]{3}/.test(a.code || '') ? a.code.slice(0, 3) : null;
}

function actorLabel(list) {
  if (!list || !list.length) return h('span', { class: 'muted' }, '—');
  return list.map((a, i) => h('span', { class: 'actor', title: `“${a.text}” in the article` },
    i ? '; ' : '', a.name || a.text, a.code ? h('code', {}, a.code) : null));
}

// Names of countries (alpha-3 -> name), taken from the vendored atlas; loaded once, used by map and network.
let atlasPromise = null;
function loadAtlas() {
  atlasPromise ??= fetch('countries-110m.json').then((r) => {
    if (!r.ok) throw new Error(`countries-110m.json: ${r.status}`);
    return r.json();
  }).then((topo) => {
    if (!window.topojson) throw new Error('topojson-client.min.js did not load');
    const features = window.topojson.feature(topo, topo.objects.countries).features;
    const names = {};
    for (const f of features) {
      f.a3 = ISO_NUMERIC[f.id] || ISO_BY_ATLAS_NAME[f.properties.name] || null;
      if (f.a3 && !names[f.a3]) names[f.a3] = f.properties.name;
    }
    return { features, names };
  });
  atlasPromise.catch(() => { atlasPromise = null; }); // allow a retry after a failure
  return atlasPromise;
}

/* ----------------------------------------------------------------- tooltip */

// One tooltip for all charts: any element with data-tip shows it under the pointer.
const tooltip = document.getElementById('tooltip');
document.addEventListener('mousemove', (e) => {
  const el = e.target.closest?.('[data-tip]');
  if (!el) { tooltip.hidden = true; return; }
  tooltip.textContent = el.getAttribute('data-tip');
  tooltip.hidden = false;
  const x = Math.min(e.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
  const y = e.clientY + 18 + tooltip.offsetHeight > window.innerHeight ? e.clientY - tooltip.offsetHeight - 10 : e.clientY + 18;
  tooltip.style.left = `${x}px`;
  tooltip.style.top = `${y}px`;
});

/* ------------------------------------------------------------------ router */

let config = { allow_code: false };
let renderSeq = 0;
// The filters last used, so the nav links keep them when moving between views.
let lastFilters = new URLSearchParams();
let lastEventsHash = '#/events';

const VIEWS = {
  events: viewEvents, article: viewArticle, timeline: viewTimeline,
  network: viewNetwork, map: viewMap, code: viewCode,
};
const FILTERED_VIEWS = ['events', 'timeline', 'network', 'map'];

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const [view, arg] = path.split('/').map(decodeURIComponent);
  return { view: view || 'events', arg, params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

function updateNav(view) {
  const qs = lastFilters.toString();
  for (const a of document.querySelectorAll('nav a[data-view]')) {
    const v = a.dataset.view;
    if (FILTERED_VIEWS.includes(v)) a.href = `#/${v}${qs ? `?${qs}` : ''}`;
    a.classList.toggle('active', v === view || (view === 'article' && v === 'events'));
    if (v === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

async function route() {
  const seq = ++renderSeq;
  const { view, arg, params } = parseHash();
  const render = VIEWS[view];
  if (FILTERED_VIEWS.includes(view)) lastFilters = filterParams(params);
  if (view === 'events') lastEventsHash = location.hash || '#/events';
  updateNav(view);
  tooltip.hidden = true;
  // ctx.current() turns false once the user has moved on, so late responses are dropped.
  const ctx = { arg, params, current: () => seq === renderSeq };
  main.removeAttribute('data-ready');
  if (!render) {
    show(main, errorBox(new Error(`Unknown view “${view}”.`)));
    return;
  }
  try {
    await render(ctx);
  } catch (err) {
    if (ctx.current()) show(main, errorBox(err));
  }
  // Tells tests (and anyone curious) which hash the page has finished showing.
  if (ctx.current()) main.setAttribute('data-ready', location.hash);
}

/* ------------------------------------------------------------------ events */

const PAGE = 50;

async function viewEvents(ctx) {
  const offset = Math.max(0, parseInt(ctx.params.get('offset') || '0', 10) || 0);
  const form = filterForm('events', ctx.params);
  const results = h('div', { class: 'results' }, loading());
  show(main, viewHeader('Events', describeFilters(ctx.params)), form, results);

  const q = filterParams(ctx.params);
  q.set('limit', PAGE);
  q.set('offset', offset);
  let data;
  try {
    data = await api('/api/events', q);
  } catch (err) {
    if (ctx.current()) results.replaceChildren(errorBox(err));
    return;
  }
  if (!ctx.current()) return;

  const events = data.events || [];
  const page = (o) => {
    const p = new URLSearchParams(ctx.params);
    if (o > 0) p.set('offset', o); else p.delete('offset');
    return `#/events?${p}`;
  };
  const prev = offset > 0 ? Math.max(0, offset - (data.limit || PAGE)) : null;
  const pager = h('div', { class: 'pager' },
    h('span', { class: 'muted', 'data-testid': 'event-count' },
      events.length > 1 ? `Events ${offset + 1}–${offset + events.length}` : events.length ? `Event ${offset + 1}` : ''),
    h('a', { class: 'button', href: prev == null ? null : page(prev), 'aria-disabled': String(prev == null), 'data-testid': 'page-prev' }, '← Previous'),
    h('a', { class: 'button', href: data.next_offset == null ? null : page(data.next_offset), 'aria-disabled': String(data.next_offset == null), 'data-testid': 'page-next' }, 'Next →'),
    downloads(`dyad-events-${offset}`, () => data, () => events.map(eventRow)));

  if (!events.length) {
    results.replaceChildren(pager, h('p', { class: 'empty', 'data-testid': 'no-events' }, 'No events match these filters.'));
    return;
  }
  const open = (ev) => { location.hash = `#/article/${encodeURIComponent(ev.article_id)}?event=${encodeURIComponent(ev.event_id)}`; };
  const rows = events.map((ev) => {
    const countries = new Set([...(ev.source || []), ...(ev.target || [])].map(actorCountry).filter(Boolean));
    return h('tr', {
      class: `event-row qc-${ev.quad_class}`, tabindex: 0, 'data-testid': 'event-row',
      'data-event-id': ev.event_id, 'data-article-id': ev.article_id, 'data-countries': [...countries].join(' '),
      title: ev.sentence || '',
      onclick: () => open(ev),
      onkeydown: (e) => { if (e.key === 'Enter') open(ev); },
    },
    h('td', { class: 'nowrap' }, ev.date?.value || (ev.day
      ? h('span', { class: 'muted', title: 'the text gives no date: the article\'s publication day' }, ev.day)
      : h('span', { class: 'muted', title: 'the text gives no date for this event' }, '—'))),
    h('td', {}, actorLabel(ev.source)),
    h('td', {}, h('span', { class: 'action-text' }, ev.action?.text || '—'), ' ', cameoCode(ev.cameo),
      ev.plover?.type ? h('span', { class: 'plover' }, ev.plover.type) : null),
    h('td', {}, actorLabel(ev.target)),
    h('td', {}, ev.location ? [ev.location.name || ev.location.text, ev.location.country ? h('code', {}, ev.location.country) : null] : h('span', { class: 'muted' }, '—')),
    h('td', {}, ev.modality || ''),
    h('td', { class: 'nowrap' }, quadChip(ev.quad_class), h('span', { class: 'goldstein' }, fmtSigned(ev.goldstein))));
  });
  results.replaceChildren(pager,
    h('div', { class: 'table-wrap' }, h('table', { class: 'events', 'data-testid': 'events-table' },
      h('thead', {}, h('tr', {}, ['Date', 'Source', 'Action · CAMEO', 'Target', 'Place', 'Modality', 'QuadClass · Goldstein'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows))));
}

/* ------------------------------------------------- article text with spans */

const ROLES = ['source', 'target', 'action', 'date', 'place'];
const ROLE_LABEL = { source: 'Source', target: 'Target', action: 'Action', date: 'Date', place: 'Place' };

const hasSpan = (x) => x && Number.isInteger(x.start) && Number.isInteger(x.end) && x.end > x.start;

/** The evidence spans of an event, as byte ranges with their role. */
function eventMarks(ev) {
  const marks = [];
  for (const a of ev.source || []) if (hasSpan(a)) marks.push({ role: 'source', start: a.start, end: a.end });
  for (const a of ev.target || []) if (hasSpan(a)) marks.push({ role: 'target', start: a.start, end: a.end });
  if (hasSpan(ev.action)) marks.push({ role: 'action', start: ev.action.start, end: ev.action.end });
  if (hasSpan(ev.date)) marks.push({ role: 'date', start: ev.date.start, end: ev.date.end });
  if (hasSpan(ev.location)) marks.push({ role: 'place', start: ev.location.start, end: ev.location.end });
  return marks;
}

/**
 * The API gives UTF-8 byte offsets; JavaScript strings index UTF-16 code units.
 * Returns a function mapping a byte offset to a string index (a byte inside a character maps to its start).
 */
function byteToIndex(text) {
  const total = new TextEncoder().encode(text).length;
  const map = new Uint32Array(total + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    map.fill(i, b, b + n);
    b += n;
    if (cp > 0xffff) i++; // the low half of a surrogate pair is part of this character
  }
  map[total] = text.length;
  return (off) => map[Math.max(0, Math.min(off, total))];
}

/**
 * Render text with coloured spans. The selected event's spans become whole elements
 * (class "selected span-ROLE") so each holds exactly the evidence words; the other
 * events' spans are lighter segments. Quotes are underlined with the speaker on hover.
 */
function renderMarkedText(text, events, quotes, selectedId, onSelect) {
  const at = byteToIndex(text);
  const light = [];
  const strong = [];
  for (const ev of events) {
    for (const m of eventMarks(ev)) {
      const iv = { s: at(m.start), e: at(m.end), byteStart: m.start, role: m.role, id: ev.event_id };
      if (iv.e > iv.s) (ev.event_id === selectedId ? strong : light).push(iv);
    }
  }
  // Same range twice (e.g. target and place both "Kyiv") shares one element; a partial overlap keeps the first.
  strong.sort((a, b) => a.s - b.s || b.e - a.e);
  const wrappers = [];
  for (const iv of strong) {
    const last = wrappers[wrappers.length - 1];
    if (last && last.s === iv.s && last.e === iv.e) { if (!last.roles.includes(iv.role)) last.roles.push(iv.role); continue; }
    if (last && iv.s < last.e) continue;
    wrappers.push({ ...iv, roles: [iv.role] });
  }
  const qs = (quotes || []).filter(hasSpan).map((q) => ({ s: at(q.start), e: at(q.end), speaker: q.speaker }));

  const cuts = new Set([0, text.length]);
  for (const x of [...light, ...wrappers, ...qs]) { cuts.add(x.s); cuts.add(x.e); }
  const points = [...cuts].sort((a, b) => a - b);

  const root = document.createDocumentFragment();
  let w = 0;
  let wrapEl = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    while (w < wrappers.length && wrappers[w].e <= a) { w++; wrapEl = null; }
    const wr = w < wrappers.length && wrappers[w].s <= a ? wrappers[w] : null;
    if (wr && !wrapEl) {
      wrapEl = h('span', {
        class: `mark selected ${wr.roles.map((r) => `span-${r}`).join(' ')}`,
        'data-roles': wr.roles.join(' '), 'data-start': wr.byteStart, 'data-events': selectedId,
        'data-tip': wr.roles.map((r) => ROLE_LABEL[r]).join(' + ') + ' of the selected event',
      });
      root.append(wrapEl);
    }
    const piece = text.slice(a, b);
    const quote = qs.find((q) => q.s <= a && q.e >= b);
    const quoteTip = quote ? `Quote${quote.speaker ? ` — speaker: ${quote.speaker}` : ''}` : null;
    if (wr) {
      wrapEl.append(quote ? h('span', { class: 'quote', 'data-tip': quoteTip }, piece) : piece);
      continue;
    }
    const cover = light.filter((iv) => iv.s <= a && iv.e >= b);
    if (!cover.length && !quote) { root.append(piece); continue; }
    const attrs = { class: quote ? 'quote' : '' };
    if (cover.length) {
      const role = ROLES.find((r) => cover.some((iv) => iv.role === r));
      const ids = [...new Set(cover.map((iv) => iv.id))];
      attrs.class += ` mark span-${role}`;
      attrs['data-events'] = ids.join(' ');
      attrs['data-tip'] = `${ROLE_LABEL[role]} of ${plural(ids.length, 'event')} — click to select${quoteTip ? ` · ${quoteTip}` : ''}`;
      attrs.onclick = () => onSelect(ids[0]);
    } else {
      attrs['data-tip'] = quoteTip;
    }
    root.append(h('span', attrs, piece));
  }
  return root;
}

function eventSummary(ev) {
  const names = (list) => (list || []).map((a) => a.name || a.text).join(', ') || '—';
  return [h('strong', {}, names(ev.source)), ' ', h('em', {}, ev.action?.text || ev.cameo), ' ', h('strong', {}, names(ev.target))];
}

function eventList(events, selectedId, onSelect) {
  return h('ol', { class: 'event-list', 'data-testid': 'article-events' }, events.map((ev) =>
    h('li', {},
      h('button', {
        type: 'button', class: `event-item qc-${ev.quad_class}${ev.event_id === selectedId ? ' selected' : ''}`,
        'data-testid': 'article-event', 'data-event-id': ev.event_id, 'aria-pressed': String(ev.event_id === selectedId),
        onclick: () => onSelect(ev.event_id),
      },
      h('span', { class: 'swatch' }), h('span', {}, eventSummary(ev)),
      h('span', { class: 'event-meta' }, cameoCode(ev.cameo), ev.date?.value ? h('span', {}, ev.date.value) : null,
        ev.plover?.type ? h('span', {}, ev.plover.type) : null)))));
}

/** The evidence panel: every field of the event with the exact words of the text. */
function evidencePanel(ev, bodyEl) {
  if (!ev) {
    return h('section', { class: 'evidence empty', 'data-testid': 'evidence' },
      h('p', { class: 'muted' }, 'Select an event to see its evidence.'));
  }
  const show = (start) => {
    const el = bodyEl.querySelector(`.selected[data-start="${start}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the CSS animation
    el.classList.add('flash');
  };
  const words = (field, x, role) => (hasSpan(x)
    ? h('button', { type: 'button', class: `words span-${role}`, 'data-field': field, title: `bytes ${x.start}–${x.end}; click to show in the text`, onclick: () => show(x.start) }, x.text)
    : h('span', { class: 'words nospan', 'data-field': field }, x?.text ?? '—'));
  const meta = (...parts) => h('span', { class: 'meta' }, parts.filter((p) => p != null && p !== '').join(' · '));
  const actors = (field, list) => (list && list.length
    ? list.map((a) => h('div', { class: 'actor-line' }, words(field, a, field),
      meta(a.code, a.name, a.entity ? `kb ${a.entity}` : null, a.country, a.sector)))
    : h('span', { class: 'muted' }, '—'));
  const att = ev.attribution;
  const attribution = att == null ? h('span', { class: 'muted' }, 'none')
    : typeof att === 'object' && hasSpan(att) ? [words('attribution', att, 'attribution'),
      meta(...Object.entries(att).filter(([k]) => !['text', 'start', 'end'].includes(k)).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`))]
      : h('code', {}, typeof att === 'object' ? JSON.stringify(att) : String(att));
  const loc = ev.location;
  const rows = [
    ['Source', actors('source', ev.source)],
    ['Action', ev.action ? [words('action', ev.action, 'action'), meta(ev.action.lemma ? `lemma ${ev.action.lemma}` : null)] : '—'],
    ['Target', actors('target', ev.target)],
    ['Date', ev.date ? [words('date', ev.date, 'date'), meta(ev.date.value, ev.date.precision)] : h('span', { class: 'muted' }, 'none')],
    ['Place', loc ? [words('place', loc, 'place'), meta(loc.name, loc.admin1, loc.country, loc.kind,
      loc.latitude != null ? `${fmtNum(loc.latitude, 2)}, ${fmtNum(loc.longitude, 2)}` : null)] : h('span', { class: 'muted' }, 'none')],
    ['Modality', ev.modality || '—'],
    ['Attribution', attribution],
    ['Pattern', h('code', {}, ev.pattern || '—')],
    ['CAMEO', [cameoCode(ev.cameo), ' ', CAMEO_ROOTS[ev.cameo_root] || '', ' ', quadChip(ev.quad_class)]],
    ['PLOVER', ev.plover ? [h('code', {}, ev.plover.type || '—'), meta(ev.plover.mode ? `mode ${ev.plover.mode}` : null,
      ev.plover.context?.length ? `context ${ev.plover.context.join(', ')}` : null)] : '—'],
    ['Goldstein', fmtSigned(ev.goldstein)],
    ['Confidence', fmtNum(ev.confidence, 2)],
    ['Sentence', h('span', { class: 'sentence' }, `#${ev.sentence_index}: ${ev.sentence || ''}`)],
    ['Event', h('code', {}, ev.event_id)],
    ['Coder', h('span', { class: 'meta' }, ev.coder_version || '—')],
  ];
  return h('section', { class: 'evidence', 'data-testid': 'evidence', 'data-event-id': ev.event_id },
    h('h2', {}, 'Evidence'),
    h('dl', {}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

function legend() {
  return h('div', { class: 'legend' }, ROLES.map((r) => h('span', { class: `mark span-${r}` }, ROLE_LABEL[r])),
    h('span', { class: 'quote' }, 'Quote'));
}

/** Text + event list + evidence; shared by the article and code views. */
function documentView({ text, events, quotes, selectedId, onSelect }) {
  const body = h('div', { class: 'article-body', 'data-testid': 'article-body' },
    renderMarkedText(text, events, quotes, selectedId, onSelect));
  const selected = events.find((e) => e.event_id === selectedId) || null;
  const quotesToggle = h('label', { class: 'toggle' },
    h('input', { type: 'checkbox', checked: true, onchange: (e) => body.classList.toggle('hide-quotes', !e.target.checked) }),
    ' underline quotes');
  const view = h('div', { class: 'doc' },
    h('div', { class: 'doc-text' }, h('div', { class: 'doc-tools' }, legend(), quotes?.length ? quotesToggle : null), body),
    h('aside', { class: 'doc-side' },
      h('h2', {}, plural(events.length, 'event')),
      events.length ? eventList(events, selectedId, onSelect) : h('p', { class: 'muted' }, 'No events were coded in this text.'),
      evidencePanel(selected, body)));
  return { view, body, selected };
}

function scrollToSelection(body) {
  const el = body.querySelector('.selected.span-action') || body.querySelector('.selected');
  if (el) el.scrollIntoView({ block: 'center' });
}

/* ----------------------------------------------------------------- article */

let articleCache = null; // the last article, so selecting another of its events needs no new request

async function viewArticle(ctx) {
  const id = ctx.arg;
  let art = articleCache?.id === id ? articleCache.data : null;
  if (!art) {
    show(main, loading());
    art = await api(`/api/articles/${encodeURIComponent(id)}`);
    if (!ctx.current()) return;
    articleCache = { id, data: art };
  }
  const selectedId = ctx.params.get('event');
  const events = art.events || [];
  const { view, body, selected } = documentView({
    text: art.body || '', events, quotes: art.quotes, selectedId,
    onSelect: (eid) => { location.hash = `#/article/${encodeURIComponent(id)}?event=${encodeURIComponent(eid)}`; },
  });
  const meta = h('p', { class: 'article-meta muted' },
    [art.source, art.published, art.tone != null ? `tone ${fmtSigned(art.tone)}` : null].filter(Boolean).join(' · '),
    // Only web addresses become links: a stored URL comes from the article and could be javascript:.
    /^https?:\/\//i.test(art.url || '') ? [' · ', h('a', { href: art.url, target: '_blank', rel: 'noopener noreferrer' }, 'original ↗')] : null);
  show(main, 
    h('div', { class: 'view-header' },
      h('div', {},
        h('a', { href: lastEventsHash, class: 'back' }, '← Events'),
        h('h1', { 'data-testid': 'article-title' }, art.title || '(untitled)'), meta),
      downloads(`dyad-article-${id}`, () => art, () => events.map(eventRow))),
    selectedId && !selected ? h('div', { class: 'error' }, `Event ${selectedId} is not in this article.`) : null,
    view);
  if (selected) scrollToSelection(body); else window.scrollTo(0, 0);
}

/* ---------------------------------------------------------------- timeline */

const DAY_MS = 86400000;
const parseDay = (d) => Date.parse(`${d}T00:00:00Z`);
const dayString = (t) => new Date(t).toISOString().slice(0, 10);

/** A round step for about `count` ticks over `span`. */
function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) || mag * 10;
}

async function viewTimeline(ctx) {
  const dyad = ctx.params.get('dyad');
  const chartBox = h('div', { class: 'chart' }, loading());
  let data = { days: [] };
  const reverse = dyad && /^[A-Z]{3}-[A-Z]{3}$/.test(dyad)
    ? (() => { const p = new URLSearchParams(ctx.params); p.set('dyad', dyad.split('-').reverse().join('-')); return h('a', { href: `#/timeline?${p}` }, `show ${dyad.split('-').reverse().join(' → ')}`); })()
    : null;
  show(main, 
    viewHeader(dyad ? `Timeline ${dyad.replace('-', ' → ')}` : 'Timeline', [describeFilters(ctx.params), reverse ? ' · ' : '', reverse],
      downloads(`dyad-timeline${dyad ? `-${dyad}` : ''}`, () => data, () => data.days.map((d) => ({
        day: d.day, events: d.events, qc1: d.quad_classes?.[0], qc2: d.quad_classes?.[1], qc3: d.quad_classes?.[2],
        qc4: d.quad_classes?.[3], goldstein: d.goldstein, tone: d.tone,
      })))),
    filterForm('timeline', ctx.params), chartBox);
  data = await api('/api/timeseries', filterParams(ctx.params));
  if (!ctx.current()) return;
  data.days ||= [];
  if (!data.days.length) {
    chartBox.replaceChildren(h('p', { class: 'empty' }, 'No events match these filters.'));
    return;
  }
  chartBox.replaceChildren(timelineChart(data.days, chartWidth(chartBox)), timelineLegend());
}

function timelineChart(days, width) {
  // Fill the days without events so the x axis is real time, not a list of dates
  // (up to ten years; past that, or with unreadable days, the listed days are drawn side by side).
  const byDay = new Map(days.map((d) => [d.day, d]));
  const t0 = parseDay(days[0].day);
  const t1 = parseDay(days[days.length - 1].day);
  let all = days;
  if ((t1 - t0) / DAY_MS <= 3660) {
    all = [];
    for (let t = t0; t <= t1; t += DAY_MS) {
      const k = dayString(t);
      all.push(byDay.get(k) || { day: k, events: 0, quad_classes: [0, 0, 0, 0], goldstein: null, tone: null });
    }
  }
  const height = 380;
  const m = { top: 18, right: 58, bottom: 42, left: 58 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const qc = (d, i) => d.quad_classes?.[i] || 0;
  // One scale for both sides, so a bar's length means the same number of events up and down.
  const maxSide = Math.max(1, ...all.map((d) => Math.max(qc(d, 0) + qc(d, 1), qc(d, 2) + qc(d, 3))));
  const y = (v) => m.top + ph / 2 - (v / maxSide) * (ph / 2);
  const yG = (g) => m.top + ph / 2 - (g / 10) * (ph / 2); // Goldstein runs from -10 to +10
  const band = pw / all.length;
  const bw = Math.min(40, Math.max(1, band * 0.78));
  const x = (i) => m.left + i * band + (band - bw) / 2;
  const cx = (i) => m.left + (i + 0.5) * band;

  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'Events per day: cooperation above the axis, conflict below, and mean Goldstein' });
  const grid = s('g', { class: 'grid' });
  const step = Math.max(1, niceStep(maxSide, 4)); // whole events only
  for (let v = -Math.floor(maxSide / step) * step; v <= maxSide; v += step) {
    grid.append(s('line', { x1: m.left, x2: m.left + pw, y1: y(v), y2: y(v), class: v === 0 ? 'zero' : '' }),
      s('text', { x: m.left - 8, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, Math.abs(v)));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    grid.append(s('text', { x: m.left + pw + 8, y: yG(g) + 4, class: 'tick goldstein-tick' }, fmtSigned(g, 0).replace('+0', '0')));
  }
  const every = Math.max(1, Math.ceil(all.length / Math.max(1, Math.floor(pw / 84))));
  all.forEach((d, i) => {
    if (i % every) return;
    grid.append(s('text', { x: cx(i), y: height - m.bottom + 18, class: 'tick', 'text-anchor': 'middle' }, d.day));
  });
  svg.append(grid);

  const bars = s('g', { class: 'bars' });
  all.forEach((d, i) => {
    if (!d.events) return;
    const tip = `${d.day}: ${plural(d.events, 'event')} — ${[1, 2, 3, 4].map((q) => `${QUAD[q].toLowerCase()} ${qc(d, q - 1)}`).join(', ')}; mean Goldstein ${fmtSigned(d.goldstein)}${d.tone != null ? `; tone ${fmtSigned(d.tone)}` : ''}`;
    // Verbal classes sit next to the axis, material ones further out.
    const stack = [[1, 0, 1], [2, 1, 1], [3, 2, -1], [4, 3, -1]];
    const base = { 1: 0, '-1': 0 };
    for (const [q, idx, dir] of stack) {
      const n = qc(d, idx);
      if (!n) continue;
      const a = y(dir * base[dir]);
      const b = y(dir * (base[dir] + n));
      base[dir] += n;
      bars.append(s('rect', { class: `bar qc-${q}`, 'data-testid': 'timeline-bar', x: x(i), width: bw, y: Math.min(a, b), height: Math.abs(b - a), 'data-tip': tip }));
    }
  });
  svg.append(bars);

  // The Goldstein line breaks over days without events instead of pretending to know their mean.
  let dPath = '';
  let pen = false;
  const dots = s('g', { class: 'goldstein-dots' });
  all.forEach((d, i) => {
    if (d.goldstein == null || !d.events) { pen = false; return; }
    dPath += `${pen ? 'L' : 'M'}${round(cx(i))},${round(yG(d.goldstein))}`;
    pen = true;
    dots.append(s('circle', { cx: cx(i), cy: yG(d.goldstein), r: 2.5, 'data-tip': `${d.day}: mean Goldstein ${fmtSigned(d.goldstein)}` }));
  });
  svg.append(s('path', { class: 'goldstein-line', d: dPath, 'data-testid': 'goldstein-line' }), dots);

  svg.append(
    s('text', { class: 'axis-label', transform: `translate(16 ${m.top + ph / 2}) rotate(-90)`, 'text-anchor': 'middle' }, 'events/day: conflict ↓  cooperation ↑'),
    s('text', { class: 'axis-label', transform: `translate(${width - 12} ${m.top + ph / 2}) rotate(90)`, 'text-anchor': 'middle' }, 'mean Goldstein'));
  return svg;
}

function timelineLegend() {
  return h('div', { class: 'chart-legend' },
    [1, 2, 3, 4].map((q) => h('span', {}, h('span', { class: `swatch qc-${q}` }), QUAD[q])),
    h('span', {}, h('span', { class: 'swatch line' }), 'Mean Goldstein (right axis)'));
}

/* ----------------------------------------------------------------- network */

function edgeColour(d) {
  const share = d.cooperation / Math.max(1, d.cooperation + d.conflict);
  return share >= 0.6 ? 'coop' : share <= 0.4 ? 'conflict' : 'mixed';
}

async function viewNetwork(ctx) {
  const box = h('div', { class: 'chart' }, loading());
  let dyads = [];
  show(main, 
    viewHeader('Network', `${describeFilters(ctx.params)} · countries of source and target`,
      downloads('dyad-network', () => ({ dyads }), () => dyads)),
    filterForm('network', ctx.params), box);
  const q = filterParams(ctx.params);
  q.set('limit', 200);
  const [data, atlas] = await Promise.all([api('/api/dyads', q), loadAtlas().catch(() => ({ names: {} }))]);
  if (!ctx.current()) return;
  dyads = data.dyads || [];
  const drawn = dyads.filter((d) => d.source && d.target);
  if (!drawn.length) {
    box.replaceChildren(h('p', { class: 'empty' }, 'No country pairs match these filters.'));
    return;
  }
  box.replaceChildren(networkChart(drawn, atlas.names, chartWidth(box), ctx.params),
    h('div', { class: 'chart-legend' },
      h('span', {}, h('span', { class: 'swatch edge-coop' }), 'mostly cooperation (≥ 60 %)'),
      h('span', {}, h('span', { class: 'swatch edge-mixed' }), 'mixed'),
      h('span', {}, h('span', { class: 'swatch edge-conflict' }), 'mostly conflict (≥ 60 %)'),
      h('span', { class: 'muted' }, 'width: events · arrows: source → target · click an edge for its events')),
    dyadTable(dyads, ctx.params));
}

function eventsLink(params, extra) {
  const p = filterParams(params);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `#/events?${p}`;
}

function networkChart(dyads, names, width, params) {
  const height = Math.min(620, Math.max(440, width * 0.55));
  const totals = new Map();
  for (const d of dyads) {
    totals.set(d.source, (totals.get(d.source) || 0) + d.events);
    if (d.target !== d.source) totals.set(d.target, (totals.get(d.target) || 0) + d.events);
  }
  // Deterministic circle layout: busiest country at the top, then clockwise by events and code.
  const nodes = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const R = Math.min(width, height) / 2 - 70;
  const c = { x: width / 2, y: height / 2 };
  const maxTotal = nodes[0][1];
  const pos = new Map(nodes.map(([code, n], i) => {
    const ang = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    return [code, { x: c.x + R * Math.cos(ang), y: c.y + R * Math.sin(ang), ang, r: 7 + 15 * Math.sqrt(n / maxTotal), n }];
  }));
  const maxEvents = Math.max(...dyads.map((d) => d.events));
  for (const d of dyads) if (d.source === d.target) pos.get(d.source).loop = true;

  const svg = s('svg', { class: 'network', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'Network of countries' },
    s('defs', {}, ['coop', 'mixed', 'conflict'].map((k) => s('marker', {
      id: `arrow-${k}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: 'userSpaceOnUse', orient: 'auto',
    }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow-${k}` })))));
  const edges = s('g', { class: 'edges' });
  // Thin edges last, so they are not hidden under thick ones.
  for (const d of [...dyads].sort((a, b) => b.events - a.events)) {
    const a = pos.get(d.source);
    const b = pos.get(d.target);
    const kind = edgeColour(d);
    const w = 1 + 7 * Math.sqrt(d.events / maxEvents);
    let path;
    if (d.source === d.target) {
      // Domestic events: a small loop outside the node.
      const lx = a.x + Math.cos(a.ang) * (a.r + 10);
      const ly = a.y + Math.sin(a.ang) * (a.r + 10);
      path = `M${round(lx - 0.1)},${round(ly)} a10,10 0 1,0 0.2,0`;
    } else {
      // Curve to the left of the direction of travel, so A→B and B→A are two separate arcs.
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy);
      const qx = (a.x + b.x) / 2 + (dy / len) * len * 0.12;
      const qy = (a.y + b.y) / 2 - (dx / len) * len * 0.12;
      // Stop at the edge of the target circle so the arrowhead stays visible.
      const ex = b.x - qx;
      const ey = b.y - qy;
      const el = Math.hypot(ex, ey);
      const tx = b.x - (ex / el) * (b.r + 2);
      const ty = b.y - (ey / el) * (b.r + 2);
      path = `M${round(a.x)},${round(a.y)} Q${round(qx)},${round(qy)} ${round(tx)},${round(ty)}`;
    }
    const tip = `${d.source} → ${d.target}: ${plural(d.events, 'event')} (${d.cooperation} cooperation, ${d.conflict} conflict), mean Goldstein ${fmtSigned(d.goldstein)} — click for the events`;
    const go = () => { location.hash = eventsLink(params, { dyad: `${d.source}-${d.target}` }); };
    edges.append(s('g', { class: `edge edge-${kind}`, 'data-testid': 'network-edge', 'data-dyad': `${d.source}-${d.target}`, 'data-tip': tip, onclick: go },
      s('path', { d: path, class: 'hit', 'stroke-width': Math.max(12, w + 6) }),
      s('path', { d: path, class: 'line', 'stroke-width': w, 'marker-end': d.source === d.target ? null : `url(#arrow-${kind})` })));
  }
  svg.append(edges);

  const nodeLayer = s('g', { class: 'nodes' });
  for (const [code, p] of pos) {
    const outside = Math.cos(p.ang) >= 0;
    // Labels sit outside the circle, beyond the loop of domestic events when there is one.
    const gap = p.r + (p.loop ? 34 : 16);
    const lx = p.x + Math.cos(p.ang) * gap;
    const ly = p.y + Math.sin(p.ang) * gap;
    nodeLayer.append(s('g', {
      class: 'node', 'data-testid': 'network-node', 'data-country': code,
      'data-tip': `${names[code] || code} (${code}): ${plural(p.n, 'event')} — click for its events`,
      onclick: () => { location.hash = eventsLink(params, { country: code }); },
    },
    s('circle', { cx: p.x, cy: p.y, r: p.r }),
    s('text', { x: lx, y: ly + 4, 'text-anchor': Math.abs(Math.cos(p.ang)) < 0.3 ? 'middle' : outside ? 'start' : 'end' }, code)));
  }
  svg.append(nodeLayer);
  return svg;
}

function dyadTable(dyads, params) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'compact', 'data-testid': 'dyad-table' },
    h('thead', {}, h('tr', {}, ['Source', 'Target', 'Events', 'Cooperation', 'Conflict', 'Mean Goldstein', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, dyads.map((d) => h('tr', {},
      h('td', {}, d.source || '—'), h('td', {}, d.target || '—'), h('td', { class: 'num' }, d.events),
      h('td', { class: 'num' }, d.cooperation), h('td', { class: 'num' }, d.conflict), h('td', { class: 'num' }, fmtSigned(d.goldstein)),
      h('td', {}, d.source && d.target ? [
        h('a', { href: eventsLink(params, { dyad: `${d.source}-${d.target}` }) }, 'events'), ' · ',
        h('a', { href: `#/timeline?${new URLSearchParams({ ...Object.fromEntries(filterParams(params)), dyad: `${d.source}-${d.target}` })}` }, 'timeline')] : ''))))));
}

/* --------------------------------------------------------------------- map */

// Equirectangular projection cropped to 84°N–58°S (Antarctica is left out: no events happen there).
const MAP_NORTH = 84;
const MAP_SOUTH = -58;

function projector(width) {
  const height = round((width * (MAP_NORTH - MAP_SOUTH)) / 360, 0);
  const project = ([lon, lat]) => [((lon + 180) / 360) * width, ((MAP_NORTH - lat) / (MAP_NORTH - MAP_SOUTH)) * height];
  return { width, height, project };
}

function geoPath(geometry, project) {
  if (!geometry) return '';
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const ringPath = (ring, shift) => ring.map(([lon, lat], i) => {
    const [x, y] = project([lon + shift, lat]);
    return `${i ? 'L' : 'M'}${round(x)},${round(y)}`;
  }).join('') + 'Z';
  let d = '';
  for (const poly of polys) {
    for (const ring of poly) {
      // A ring crossing the 180° meridian (eastern Russia, Fiji) would be drawn as a band across
      // the whole map. Unwrap it to 0..360° and draw it twice, once shifted west; the SVG clips the rest.
      const crosses = ring.some(([lon], i) => i && Math.abs(lon - ring[i - 1][0]) > 180);
      if (!crosses) { d += ringPath(ring, 0); continue; }
      const unwrapped = ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
      d += ringPath(unwrapped, 0) + ringPath(unwrapped, -360);
    }
  }
  return d;
}

// Colour ramps, interpolated in RGB; enough for a choropleth with a legend.
function mix(c1, c2, t) {
  const p = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [a, b] = [p(c1), p(c2)];
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * Math.max(0, Math.min(1, t)))).join(',')})`;
}
const eventsColour = (n, max) => mix('#dce6f2', '#1f4e8c', Math.sqrt(n / max));
const goldsteinColour = (g) => (g < 0 ? mix('#ebe3c3', '#b3261e', (-g / 10) * 1.6) : mix('#ebe3c3', '#1e7b4a', (g / 10) * 1.6));

async function viewMap(ctx) {
  const shade = ctx.params.get('shade') === 'goldstein' ? 'goldstein' : 'events';
  const box = h('div', { class: 'chart map-box' }, loading());
  let data = { countries: [], places: [] };
  const setShade = (v) => {
    const p = new URLSearchParams(ctx.params);
    if (v === 'events') p.delete('shade'); else p.set('shade', v);
    location.hash = `#/map?${p}`;
  };
  show(main, 
    viewHeader('Map', `${describeFilters(ctx.params)} · where the events happened`,
      h('div', { class: 'tools' },
        h('label', { class: 'toggle' }, 'Shade by ', h('select', { 'data-testid': 'map-shade', onchange: (e) => setShade(e.target.value) },
          h('option', { value: 'events', selected: shade === 'events' }, 'number of events'),
          h('option', { value: 'goldstein', selected: shade === 'goldstein' }, 'mean Goldstein'))),
        downloads('dyad-map', () => data, () => [
          ...data.countries.map((c) => ({ kind: 'country', name: '', country: c.country, latitude: '', longitude: '', events: c.events, goldstein: c.goldstein })),
          ...data.places.map((p) => ({ kind: 'place', name: p.name, country: p.country, latitude: p.latitude, longitude: p.longitude, events: p.events, goldstein: '' })),
        ]))),
    filterForm('map', ctx.params), box);
  const [res, atlas] = await Promise.all([api('/api/map', filterParams(ctx.params)), loadAtlas()]);
  if (!ctx.current()) return;
  data = { countries: res.countries || [], places: res.places || [] };
  box.replaceChildren(mapChart(data, atlas, shade, chartWidth(box), ctx.params), mapLegend(data, shade), mapTables(data, atlas.names, ctx.params));
}

function mapChart(data, atlas, shade, width, params) {
  const { height, project } = projector(width);
  const byCountry = new Map(data.countries.map((c) => [c.country, c]));
  const maxEvents = Math.max(1, ...data.countries.map((c) => c.events));
  const svg = s('svg', { class: 'map', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'World map of events' });
  const grat = s('g', { class: 'graticule' });
  for (let lon = -150; lon < 180; lon += 30) {
    const [gx] = project([lon, 0]);
    grat.append(s('line', { x1: gx, x2: gx, y1: 0, y2: height }));
  }
  for (let lat = -30; lat < MAP_NORTH; lat += 30) {
    const [, gy] = project([0, lat]);
    grat.append(s('line', { x1: 0, x2: width, y1: gy, y2: gy }));
  }
  svg.append(s('rect', { class: 'ocean', width, height }), grat);

  const land = s('g', { class: 'countries' });
  for (const f of atlas.features) {
    if (f.a3 === 'ATA') continue;
    const c = f.a3 ? byCountry.get(f.a3) : null;
    const fill = !c ? null : shade === 'goldstein' ? goldsteinColour(c.goldstein ?? 0) : eventsColour(c.events, maxEvents);
    const tip = `${f.properties.name}${f.a3 ? ` (${f.a3})` : ''}: ${c ? `${plural(c.events, 'event')}, mean Goldstein ${fmtSigned(c.goldstein)}` : 'no events'}`;
    land.append(s('path', {
      d: geoPath(f.geometry, project), class: `country${c ? ' has-events' : ''}`, fill,
      'data-testid': 'map-country', 'data-country': f.a3, 'data-tip': tip,
      onclick: f.a3 ? () => { location.hash = eventsLink(params, { place: f.a3 }); } : null,
    }));
  }
  svg.append(land);

  const maxPlace = Math.max(1, ...data.places.map((p) => p.events));
  const dots = s('g', { class: 'places' });
  // Big circles first so small ones stay clickable on top.
  for (const p of [...data.places].filter((p) => p.latitude != null && p.longitude != null).sort((a, b) => b.events - a.events)) {
    const [px, py] = project([p.longitude, p.latitude]);
    dots.append(s('circle', {
      cx: round(px), cy: round(py), r: round(3.5 + 12 * Math.sqrt(p.events / maxPlace)), class: 'place',
      'data-testid': 'map-place', 'data-name': p.name, 'data-tip': `${p.name}${p.country ? ` (${p.country})` : ''}: ${plural(p.events, 'event')}`,
      onclick: () => { location.hash = eventsLink(params, { place: p.name }); },
    }));
  }
  svg.append(dots);
  return svg;
}

function mapLegend(data, shade) {
  const maxEvents = Math.max(1, ...data.countries.map((c) => c.events));
  const ramp = shade === 'goldstein'
    ? [h('span', {}, '−10'), [-10, -5, -2, 0, 2, 5, 10].map((g) => h('span', { class: 'ramp', style: { background: goldsteinColour(g) } })), h('span', {}, '+10 mean Goldstein')]
    : [h('span', {}, '1'), [0.05, 0.2, 0.4, 0.7, 1].map((t) => h('span', { class: 'ramp', style: { background: eventsColour(t * maxEvents, maxEvents) } })), h('span', {}, `${maxEvents} events in country`)];
  return h('div', { class: 'chart-legend' }, h('span', { class: 'ramp-row' }, ramp),
    h('span', {}, h('span', { class: 'swatch place-swatch' }), 'place, sized by events'),
    h('span', { class: 'muted' }, 'click a country or place for its events'));
}

function mapTables(data, names, params) {
  const countries = [...data.countries].sort((a, b) => b.events - a.events);
  const places = [...data.places].sort((a, b) => b.events - a.events);
  return h('div', { class: 'two-col' },
    h('div', { class: 'table-wrap' }, h('table', { class: 'compact', 'data-testid': 'map-countries' },
      h('thead', {}, h('tr', {}, ['Country', 'Events', 'Mean Goldstein'].map((t) => h('th', {}, t)))),
      h('tbody', {}, countries.map((c) => h('tr', {},
        h('td', {}, h('a', { href: eventsLink(params, { place: c.country }) }, names[c.country] || c.country), ' ', h('code', {}, c.country)),
        h('td', { class: 'num' }, c.events), h('td', { class: 'num' }, fmtSigned(c.goldstein))))))),
    h('div', { class: 'table-wrap' }, h('table', { class: 'compact', 'data-testid': 'map-places' },
      h('thead', {}, h('tr', {}, ['Place', 'Country', 'Events'].map((t) => h('th', {}, t)))),
      h('tbody', {}, places.map((p) => h('tr', {},
        h('td', {}, h('a', { href: eventsLink(params, { place: p.name }) }, p.name)), h('td', {}, h('code', {}, p.country || '')),
        h('td', { class: 'num' }, p.events)))))));
}

/* -------------------------------------------------------------------- code */

// Kept between visits, so leaving and returning to #/code does not lose the result.
const codeState = { text: '', date: new Date().toISOString().slice(0, 10), result: null, selectedId: null };

async function viewCode(ctx) {
  if (!config.allow_code) {
    show(main, viewHeader('Code text'), h('p', { class: 'empty' }, 'This server does not allow coding new text.'));
    return;
  }
  const out = h('div', { class: 'code-result' });
  const textarea = h('textarea', { id: 'code-text', 'data-testid': 'code-text', rows: 8, placeholder: 'Paste a news article…', spellcheck: 'false' }, codeState.text);
  const date = h('input', { type: 'date', id: 'code-date', 'data-testid': 'code-date', value: codeState.date });
  const button = h('button', { type: 'submit', class: 'primary', 'data-testid': 'code-submit' }, 'Code events');
  const showResult = () => {
    const r = codeState.result;
    if (!r) { out.replaceChildren(); return; }
    const { view, body } = documentView({
      text: r.text, events: r.events, quotes: [], selectedId: codeState.selectedId,
      onSelect: (id) => { codeState.selectedId = id; showResult(); },
    });
    out.replaceChildren(view);
    scrollToSelection(body);
  };
  const form = h('form', { class: 'code-form' },
    h('label', { for: 'code-text' }, 'Text'), textarea,
    h('div', { class: 'code-row' }, h('label', {}, 'Publication date ', date), button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    codeState.text = textarea.value;
    codeState.date = date.value;
    if (!codeState.text.trim()) return;
    button.disabled = true;
    out.replaceChildren(loading());
    try {
      const res = await api('/api/code', null, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ text: codeState.text, date: codeState.date || undefined }),
      });
      // Offsets refer to the text as sent, so keep that exact text with the result.
      codeState.result = { text: codeState.text, events: res.events || [] };
      codeState.selectedId = codeState.result.events[0]?.event_id ?? null;
      showResult();
    } catch (err) {
      out.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  show(main, 
    viewHeader('Code text', 'Run the coder on pasted text; nothing is stored.',
      downloads('dyad-coded', () => codeState.result || { events: [] }, () => (codeState.result?.events || []).map(eventRow))),
    form, out);
  showResult();
}

/* ------------------------------------------------------------------- start */

async function start() {
  window.addEventListener('hashchange', route);
  try {
    config = await api('/api/config');
    document.getElementById('stats').textContent =
      `${plural(config.events ?? 0, 'event')} · ${plural(config.articles ?? 0, 'article')}`;
    document.getElementById('version').textContent = config.version ? `dyad ${config.version}` : '';
    document.querySelector('[data-testid="nav-code"]').hidden = !config.allow_code;
  } catch (err) {
    document.getElementById('stats').textContent = `config: ${err.message}`;
  }
  await route();
}

start();
