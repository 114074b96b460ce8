// Browser test of the `dyad serve` web page, driving Debian's Chromium with playwright-core.
// Run: DYAD_URL=http://127.0.0.1:8765 node --test ui.test.mjs   (see README.md)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.DYAD_URL || 'http://127.0.0.1:8765').replace(/\/+$/, '');
const SHOTS = process.env.SCREENSHOTS || 'screenshots';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The example data has events from Russia against Ukraine.
const COUNTRY = 'RUS';
const DYAD = 'RUS-UKR';

let browser;
let page;
const problems = []; // console errors, uncaught exceptions and failed requests

before(async () => {
  assert.ok(existsSync(CHROMIUM),
    `No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM to its path.`);
  let res;
  try {
    res = await fetch(`${BASE}/api/config`);
  } catch (err) {
    assert.fail(`The dyad server is not reachable at ${BASE} (${err.cause?.code || err.message}). Start \`dyad serve\` and set DYAD_URL.`);
  }
  assert.equal(res.status, 200, `GET ${BASE}/api/config answered ${res.status}`);
  await mkdir(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(15000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url || 'page'})`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
});

after(async () => {
  await browser?.close();
});

const shot = (name, fullPage = true) => page.screenshot({ path: path.join(SHOTS, name), fullPage });

/** Wait until the page has finished rendering the current hash (app.js sets main[data-ready]). */
async function ready(what) {
  try {
    await page.waitForFunction(() => {
      const main = document.querySelector('main');
      return location.hash !== '' && main?.dataset.ready === location.hash;
    });
  } catch {
    assert.fail(`The ${what} view did not finish rendering (hash ${await page.evaluate(() => location.hash)}).`);
  }
  const error = page.locator('[data-testid="error"]');
  if (await error.count()) assert.fail(`The ${what} view shows an error: ${await error.first().textContent()}`);
}

async function goto(hash, what) {
  await page.goto(`${BASE}/${hash}`);
  await ready(what);
}

let firstEvent = null;

test('events view: nav links and a country filter', async () => {
  await goto('#/events', 'events');
  for (const v of ['events', 'timeline', 'network', 'map']) {
    assert.ok(await page.locator(`[data-testid="nav-${v}"]`).isVisible(), `nav link nav-${v} is missing`);
  }
  for (const f of ['country', 'dyad', 'actor', 'cameo', 'plover', 'quad_class', 'from', 'to', 'place', 'text']) {
    assert.equal(await page.locator(`[data-testid="filter-${f}"]`).count(), 1, `filter input filter-${f} is missing`);
  }
  await page.fill('[data-testid="filter-country"]', COUNTRY);
  await page.click('[data-testid="filter-apply"]');
  await page.waitForFunction((c) => location.hash.includes(`country=${c}`), COUNTRY);
  await ready('events');

  const rows = page.locator('[data-testid="event-row"]');
  const n = await rows.count();
  assert.ok(n > 0, `No event rows for country=${COUNTRY}; the example data has ${COUNTRY} events.`);
  const rowData = await rows.evaluateAll((trs) => trs.map((tr) => ({
    countries: (tr.dataset.countries || '').split(' '), text: tr.innerText.replace(/\s+/g, ' '),
  })));
  const stray = rowData.filter((r) => !r.countries.includes(COUNTRY));
  assert.deepEqual(stray, [], `${stray.length} of ${n} rows do not involve ${COUNTRY}`);
  await shot('events.png');
  firstEvent = await rows.first().getAttribute('data-event-id');

  // The CSV and JSON downloads hold what the table shows: a header and one line per row.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-csv"]')]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  assert.equal(lines.length, n + 1, `the CSV has ${lines.length} lines for ${n} rows and a header`);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-json"]')]);
  const data = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.ok(JSON.stringify(data).includes(firstEvent), 'the JSON download lacks the first event');
});

test('article view: select an event and see its evidence highlighted', async () => {
  assert.ok(firstEvent, 'needs the events step to have found a row');
  await page.locator('[data-testid="event-row"]').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#/article/'));
  await ready('article');
  const body = page.locator('[data-testid="article-body"]');
  assert.ok(await body.isVisible(), 'the article body (data-testid=article-body) is not shown');
  assert.ok(((await body.textContent()) || '').trim().length > 0, 'the article body is empty');
  assert.ok(page.url().includes(`event=${firstEvent}`), `the article did not open at event ${firstEvent}: ${page.url()}`);

  const items = page.locator('[data-testid="article-event"]');
  const count = await items.count();
  assert.ok(count > 0, 'the article lists no events (data-testid=article-event)');
  // Click a different event than the one opened from the table, when there is one.
  const ids = await items.evaluateAll((els) => els.map((e) => e.dataset.eventId));
  const pick = ids.find((id) => id !== firstEvent) || ids[0];
  await page.locator(`[data-testid="article-event"][data-event-id="${pick}"]`).click();
  await page.waitForFunction((id) => location.hash.includes(`event=${id}`), pick);
  await ready('article');

  const evidence = page.locator(`[data-testid="evidence"][data-event-id="${pick}"]`);
  assert.ok(await evidence.isVisible(), `no evidence panel for event ${pick}`);

  // The action (else the first source) must be highlighted with exactly the words shown as evidence.
  let checked = null;
  for (const role of ['action', 'source']) {
    const span = body.locator(`.selected.span-${role}`).first();
    if (!(await span.count()) || !(await span.isVisible())) continue;
    const spanText = await span.textContent();
    const words = await evidence.locator(`[data-field="${role}"]`).allTextContents();
    assert.ok(words.includes(spanText),
      `highlighted ${role} “${spanText}” is not among the evidence words ${JSON.stringify(words)}`);
    const inView = await span.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    assert.ok(inView, `the selected ${role} “${spanText}” was not scrolled into view`);
    checked = role;
    break;
  }
  assert.ok(checked, `event ${pick}: no visible .selected.span-action or .selected.span-source in the article body`);
  await shot('article.png', false);
});

test('map view: countries and place circles', async () => {
  await goto('#/map', 'map');
  const countries = await page.locator('[data-testid="map-country"]').count();
  assert.ok(countries > 100, `the world map drew ${countries} countries (expected the ~175 of countries-110m.json)`);
  const places = await page.locator('[data-testid="map-place"]').count();
  assert.ok(places >= 1, 'no place circles (data-testid=map-place) on the map');
  await shot('map.png');
});

test(`timeline view: bars for ${DYAD}`, async () => {
  await goto(`#/timeline?dyad=${DYAD}`, 'timeline');
  const bars = await page.locator('[data-testid="timeline-bar"]').count();
  assert.ok(bars >= 1, `no bars (data-testid=timeline-bar) in the timeline of ${DYAD}`);
  await shot('timeline.png');
});

test('network view: edges lead to the events of a dyad', async () => {
  await goto('#/network', 'network');
  const edges = page.locator('[data-testid="network-edge"]');
  assert.ok((await edges.count()) >= 1, 'no edges (data-testid=network-edge) in the network');
  await shot('network.png');
  const dyad = await edges.first().getAttribute('data-dyad');
  // The edge is a curve whose bounding-box centre may miss the stroke, so dispatch the click.
  await edges.first().dispatchEvent('click');
  await page.waitForFunction((d) => location.hash.startsWith('#/events') && location.hash.includes(`dyad=${d}`), dyad);
  await ready('events');
  assert.ok((await page.locator('[data-testid="event-row"]').count()) > 0, `the events of dyad ${dyad} are empty`);
});

test('code view: pasted text is coded and its evidence highlighted', async () => {
  const config = await (await fetch(`${BASE}/api/config`)).json();
  if (!config.allow_code) return; // the view exists only on servers started with --allow-code
  await goto('#/code', 'code');
  await page.fill('[data-testid="code-text"]', 'Donald Trump met Xi Jinping in Busan on Thursday.');
  await page.fill('[data-testid="code-date"]', '2025-10-31');
  await page.click('[data-testid="code-submit"]');
  const action = page.locator('.selected.span-action').first();
  await action.waitFor({ state: 'visible' });
  assert.equal(await action.textContent(), 'met', 'the coded meeting is not highlighted on its verb');
  assert.equal(await page.locator('.selected.span-source').first().textContent(), 'Donald Trump');
  await shot('code.png', false);
});

test('no console errors, exceptions or failed requests', () => {
  assert.deepEqual(problems, [], `problems seen while testing:\n${problems.join('\n')}`);
});
