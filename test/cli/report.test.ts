/**
 * report.html and the charts end to end through the real CLI, on the mid-size center cut to three
 * days: the results of `compare` and `sweep` (run without charts, for speed) and then `run` in one
 * directory give one page with every result and every chart; the customer lifecycle (its scenario
 * cut to two months, `compare` then `run` in a directory of its own) adds its charts and month
 * files; `ccsim report DIR` rebuilds each page byte for byte; and Debian's
 * Chromium, driven by playwright-core with every non-file request refused, finds each chart drawn
 * with its marks and logs no error. The browser test is skipped where /usr/bin/chromium is
 * missing (CI installs it: .ci/run).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMessages } from '../../src/cli/report.js';
import { lifecycleText } from '../experiment/lifecycle.js';
import { REPO, ccsimAsync } from '../support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = mkdtempSync(join(tmpdir(), 'ccsim-report-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const SCENARIO = join(ROOT, 'midsize.yaml');
const DIR = join(ROOT, 'out');
const RUN_CHARTS = ['intraday-load', 'service-intraday', 'service-daily', 'channels', 'reasons'];
const COMPARE_CHARTS = ['compare-kpis', 'compare-profit'];
const SWEEP_CHARTS = ['sweep-profit', 'sweep-by'];
/** scenarios/staffing-by-profit.yaml cut to two months: `compare`, then `run`, into LIFE. */
const LIFE_SCENARIO = join(ROOT, 'lifecycle.yaml');
const LIFE = join(ROOT, 'lifecycle');
const LIFE_CHARTS = [
  'intraday-load', 'service-intraday', 'service-daily', 'reasons', 'satisfaction', 'customers-monthly', 'profit-cumulative',
  'compare-kpis', 'compare-profit', 'compare-profit-cumulative', 'compare-customers-monthly', 'compare-satisfaction',
];

const ok = async (args: string[]) => {
  const r = await ccsimAsync(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const charts = (dir: string) => (existsSync(join(dir, 'charts')) ? readdirSync(join(dir, 'charts')).sort() : []);

let afterCompare: string[];
let runStderr: string;

beforeAll(async () => {
  const text = readFileSync(join(REPO, 'scenarios', 'midsize-center.yaml'), 'utf8').replace('horizon: { days: 35 }', 'horizon: { days: 3 }').replace('warmup: { days: 7 }', 'warmup: { days: 1 }');
  expect(text).toContain('horizon: { days: 3 }');
  writeFileSync(SCENARIO, text);
  writeFileSync(LIFE_SCENARIO, lifecycleText({ horizon: { months: 2 } }));
  // compare, sweep and run one after the other into one directory (each keeps the others' results).
  [runStderr] = await Promise.all([
    (async () => {
      await ok(['compare', SCENARIO, '--reps', '2', '--by', 'asaSec', '--no-charts', '--out', DIR]);
      afterCompare = readdirSync(DIR).sort();
      await ok(['sweep', SCENARIO, '--vary', 'arrivals.ratePerHour=360,440', '--vary', 'patience.meanSec=180,300', '--reps', '2', '--by', 'serviceLevel', '--no-charts', '--out', DIR]);
      return (await ok(['run', SCENARIO, '--reps', '2', '--out', DIR])).stderr;
    })(),
    ok(['compare', LIFE_SCENARIO, '--reps', '2', '--no-charts', '--out', LIFE]).then(() => ok(['run', LIFE_SCENARIO, '--reps', '2', '--out', LIFE])),
  ]);
});

describe.concurrent('ccsim report', () => {
  it('writes no charts with --no-charts, and a report that says so', ({ expect }) => {
    expect(afterCompare).toEqual(['.ccsim-manifest.json', 'comparison.csv', 'comparison.json', 'comparison.xlsx', 'report.html', 'scenario.json']);
  });

  it("makes one page of every result in the directory: the last command's report has the run, the comparison and the sweep, with every chart", ({ expect }) => {
    const names = [...RUN_CHARTS, ...COMPARE_CHARTS, ...SWEEP_CHARTS];
    expect(charts(DIR)).toEqual(names.flatMap((n) => [`${n}.png`, `${n}.svg`, `${n}.vl.json`]).sort());
    const html = readFileSync(join(DIR, 'report.html'), 'utf8');
    for (const id of ['run', 'compare', 'sweep']) expect(html).toContain(`<section id="${id}">`);
    expect([...html.matchAll(/<figure class="chart" id="chart-([\w-]+)"/g)].map((m) => m[1])).toEqual(names);
    expect(html).toContain('Two-tier center (outsourced first tier, in-house experts)');
    expect(html).toMatch(/<th><span class="swatch" style="background:#4c78a8"><\/span>aht-target-5min<\/th>/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(runStderr).toMatch(/wrote .*report\.html, and 27 chart files in /);
  });

  it('draws the customer lifecycle charts of a run and a comparison, and writes its month files', ({ expect }) => {
    expect(charts(LIFE)).toEqual(LIFE_CHARTS.flatMap((n) => [`${n}.png`, `${n}.svg`, `${n}.vl.json`]).sort());
    const html = readFileSync(join(LIFE, 'report.html'), 'utf8');
    expect([...html.matchAll(/<figure class="chart" id="chart-([\w-]+)"/g)].map((m) => m[1])).toEqual(LIFE_CHARTS);
    expect(html).toContain('<a href="customer-months.csv">customer-months.csv</a>');
    expect(html).toContain('<a href="comparison-months.csv">comparison-months.csv</a>');
    expect(html).toContain('<th>benefit–cost ratio [95% CI]</th>');
    for (const f of ['customer-months.csv', 'comparison-months.csv']) expect(existsSync(join(LIFE, f)), f).toBe(true);
  });

  it('rebuilds the lifecycle report and its charts byte for byte from the stored JSON', async ({ expect }) => {
    const copy = join(ROOT, 'life-copy');
    mkdirSync(copy);
    for (const f of ['scenario.json', 'summary.json', 'comparison.json']) copyFileSync(join(LIFE, f), join(copy, f));
    await ok(['report', copy]);
    expect(readFileSync(join(copy, 'report.html'), 'utf8')).toBe(readFileSync(join(LIFE, 'report.html'), 'utf8'));
    expect(charts(copy)).toEqual(charts(LIFE));
    for (const f of charts(LIFE)) expect(readFileSync(join(copy, 'charts', f)).equals(readFileSync(join(LIFE, 'charts', f))), f).toBe(true);
  });

  it('rebuilds report.html and the charts byte for byte from the stored JSON', async ({ expect }) => {
    const copy = join(ROOT, 'copy');
    mkdirSync(copy);
    for (const f of ['scenario.json', 'summary.json', 'comparison.json', 'sweep.json']) copyFileSync(join(DIR, f), join(copy, f));
    const r = await ok(['report', copy]);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(copy, 'report.html'), 'utf8')).toBe(readFileSync(join(DIR, 'report.html'), 'utf8'));
    expect(charts(copy)).toEqual(charts(DIR));
    for (const f of ['compare-profit.png', 'intraday-load.svg', 'sweep-by.vl.json']) expect(readFileSync(join(copy, 'charts', f)).equals(readFileSync(join(DIR, 'charts', f))), f).toBe(true);
  });

  it('refuses a directory with nothing to report, a missing one, results of two scenarios and a damaged file, with exit 2', async ({ expect }) => {
    const empty = join(ROOT, 'empty');
    mkdirSync(empty);
    const mixed = join(ROOT, 'mixed');
    mkdirSync(mixed);
    copyFileSync(join(DIR, 'comparison.json'), join(mixed, 'comparison.json'));
    const other = JSON.parse(readFileSync(join(DIR, 'sweep.json'), 'utf8'));
    writeFileSync(join(mixed, 'sweep.json'), JSON.stringify({ ...other, scenario: 'another' }));
    const damaged = join(ROOT, 'damaged');
    mkdirSync(damaged);
    writeFileSync(join(damaged, 'summary.json'), '{"scenario": "x"}');
    const [a, b, c, d] = await Promise.all([ccsimAsync(['report', empty]), ccsimAsync(['report', join(ROOT, 'nowhere')]), ccsimAsync(['report', mixed]), ccsimAsync(['report', damaged])]);
    expect(a.stderr).toBe(`ccsim: ${reportMessages.noResults(empty)}\n`);
    expect(b.stderr).toBe(`ccsim: ${reportMessages.notDir(join(ROOT, 'nowhere'))}\n`);
    expect(c.stderr).toBe(`ccsim: ${reportMessages.mixed(mixed, 'midsize-center', 'another')}\n`);
    expect(d.stderr).toMatch(/^ccsim: report: .*summary\.json: seed: required, missing \(expected a number\); was it written by this version of ccsim\?/);
    for (const r of [a, b, c, d]) expect(r.code).toBe(2);
    for (const dir of [empty, mixed, damaged]) expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it.skipIf(!existsSync(CHROMIUM))('opens both reports in a real browser (Chromium) from disk with the network refused: every chart drawn as an svg with marks, no error', async ({ expect }) => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const refused: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        refused.push(url);
        return route.abort();
      });
      for (const dir of [DIR, LIFE]) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
        await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
        const drawn = await page.$$eval('figure.chart', (figures) =>
          figures.map((f) => {
            const svg = f.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            return {
              name: f.getAttribute('data-chart'),
              marks: svg ? svg.querySelectorAll('path, rect, line').length : 0,
              texts: svg ? svg.querySelectorAll('text').length : 0,
              width: Math.round(box?.width ?? 0),
              height: Math.round(box?.height ?? 0),
            };
          }),
        );
        const expected = readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.vl.json')).length;
        expect(drawn).toHaveLength(expected);
        for (const c of drawn) {
          expect(c.marks, c.name!).toBeGreaterThan(10);
          expect(c.texts, c.name!).toBeGreaterThan(5);
          expect(c.width, c.name!).toBeGreaterThan(500);
          // drawn at its own size, not collapsed: the shortest, a breakdown of two reasons, is ~245 px
          expect(c.height, c.name!).toBeGreaterThan(200);
        }
        // Each chart's clip paths and gradients are its own: no id appears twice in the page.
        const duplicateIds = await page.$$eval('[id]', (els) => {
          const seen = new Set<string>();
          return els.map((e) => e.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
        });
        expect(duplicateIds).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
