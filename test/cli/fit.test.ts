/**
 * `ccsim fit` as a user runs it: outputs that validate and run, the CONTRACT keys, and bad logs
 * refused with exit 2, the line and column named, and nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitMessage } from '../../src/fit/messages.js';
import { ccsimAsync, REPO } from '../support/cli.js';

const EXCERPT = join(REPO, 'test/fixtures/anonymous-bank/calls-1999-02-04-to-05.tsv');
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-fit-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const BANK_HEADER = 'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
const bankRow = (over: Partial<Record<string, string>> = {}) => {
  const r: Record<string, string> = {
    'vru+line': 'AA0101', call_id: '1', customer_id: '0', priority: '0', type: 'PS', date: '990201', vru_entry: '9:00:00', vru_exit: '9:00:10', vru_time: '10',
    q_start: '9:00:10', q_exit: '9:00:40', q_time: '30', outcome: 'AGENT', ser_start: '9:00:40', ser_exit: '9:03:40', ser_time: '180', server: 'DORIT', ...over,
  };
  return BANK_HEADER.split('\t').map((k) => r[k]).join('\t');
};
const bank = (rows: string[]) => `${BANK_HEADER}\r\n${rows.join('\r\n')}\r\n`;

describe.concurrent('ccsim fit', () => {
  it('fits the bank excerpt: --json prints fit.json with the CONTRACT keys and nothing else; scenario.yaml validates and runs', async () => {
    const out = tmp();
    const r = await ccsimAsync(['fit', EXCERPT, '--out', out, '--json', '--no-charts']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const fit = JSON.parse(r.stdout);
    expect(fit).toEqual(JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')));
    expect(fit.calls).toBe(1771);
    expect(fit.days).toBe(2);
    for (const v of [fit.handleTimeSec.mean, fit.handleTimeSec.lognormal.mu, fit.handleTimeSec.lognormal.sigma, fit.patienceSec.exponentialMean, fit.patienceSec.kaplanMeierMedian, fit.pAbandonGivenQueued]) {
      expect(typeof v).toBe('number');
    }
    const v = await ccsimAsync(['validate', join(out, 'scenario.yaml')]);
    expect(v.code).toBe(0);
    const run = await ccsimAsync(['run', join(out, 'scenario.yaml'), '--out', join(out, 'run'), '--json', '--no-charts']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).kpis.offered.mean).toBeGreaterThan(1000);
  });

  it('with --check writes backtest.json: observed figures as numbers, simulated as { mean, ci95 }, by hour and by day', async () => {
    const out = tmp();
    const r = await ccsimAsync(['fit', EXCERPT, '--layout', 'anonymous-bank', '--out', out, '--check', '--reps', '3', '--workers', '1', '--no-charts']);
    expect(r.code).toBe(0);
    const b = JSON.parse(readFileSync(join(out, 'backtest.json'), 'utf8'));
    for (const f of ['asaSec', 'abandonRate', 'serviceLevel']) {
      expect(typeof b.observed[f]).toBe('number');
      expect(b.simulated[f]).toMatchObject({ mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });
    }
    expect(b.byHour).toHaveLength(24);
    expect(b.byDay.map((d: { date: string }) => d.date)).toEqual(['1999-02-04', '1999-02-05']);
    expect(r.stdout).toMatch(/backtest \(3 replications\)/);
  });

  const refused = async (name: string, text: string | null, expected: RegExp, args: string[] = []) => {
    const dir = tmp();
    const file = join(dir, name);
    if (text !== null) writeFileSync(file, text);
    const out = join(dir, 'out');
    const r = await ccsimAsync(['fit', file, '--out', out, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(existsSync(out)).toBe(false);
    return r;
  };

  it('refuses a log that lacks columns, naming them and the line', async () => {
    const text = bank([bankRow()]).replace('\tq_time', '').replace('\t30\tAGENT', '\tAGENT');
    await refused('bank.tsv', text, /bank\.tsv:1:1: the header lacks the column "q_time"/, ['--layout', 'anonymous-bank']);
  });

  it('refuses an unparseable time at its line and column', async () => {
    const text = bank([bankRow(), bankRow({ ser_start: '9:0x:40' })]);
    // Line 3 (header, one good row); ser_start is field 14: its column is 1 + the 13 fields before it and their tabs.
    const col = bankRow().split('\t').slice(0, 13).join('\t').length + 2;
    await refused('bank.tsv', text, new RegExp(`bank\\.tsv:3:${col}: ser_start: "9:0x:40" is not a time \\(expected H:MM:SS\\)`));
  });

  it('refuses a negative duration (answered before queued) in a ccsim log, at the answered cell', async () => {
    const text = 'id,customer,type,channel,arrival,queued,answered,ended,outcome,group,agent\n' + '1,,general,voice,2024-01-01 09:00:00.000,2024-01-01 09:00:00.000,2024-01-01 08:59:50.000,2024-01-01 09:03:00.000,served,agents,a1\n';
    await refused('log.csv', text, /log\.csv:2:66: the wait is negative: answered is 10\.000 s before queued/);
  });

  it('refuses an empty file', async () => {
    const r = await refused('empty.tsv', '', /empty\.tsv: /);
    expect(r.stderr).toContain(`empty.tsv: ${fitMessage.emptyLog()}`);
  });

  it('refuses a 2 GB file by its size, without reading it', async () => {
    const dir = tmp();
    const file = join(dir, 'huge.tsv');
    writeFileSync(file, `${BANK_HEADER}\n`);
    truncateSync(file, 2 * 2 ** 30); // sparse: no disk used
    const t0 = performance.now();
    const r = await ccsimAsync(['fit', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.tsv: the file is 2048 MiB; the limit is 256 MiB/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('refuses a log whose header matches no layout, saying how to name one', async () => {
    await refused('other.csv', 'a,b,c\n1,2,3\n', /other\.csv:1:1: the header does not match a built-in layout \(anonymous-bank, ccsim\); give --layout NAME or --columns FILE/);
  });

  it('reads another ACD export through a column-mapping file (--columns)', async () => {
    const dir = tmp();
    const rows = ['CallId;Start;Answer;End;Result;Agent'];
    let t = 8 * 3600;
    for (let i = 0; i < 300; i++) {
      t += 60 + (i % 7) * 11;
      const hh = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
      const served = i % 9 !== 0;
      const wait = (i * 13) % 50;
      rows.push(`${i};15/01/2024 ${hh(t)};${served ? `15/01/2024 ${hh(t + wait)}` : ''};15/01/2024 ${hh(t + wait + (served ? 100 + ((i * 37) % 200) : 0))};${served ? 'ANS' : 'ABN'};${served ? `a${i % 4}` : ''}`);
    }
    writeFileSync(join(dir, 'export.csv'), `${rows.join('\n')}\n`);
    writeFileSync(
      join(dir, 'map.yaml'),
      ['delimiter: ";"', 'time: { format: "DD/MM/YYYY HH:mm:ss" }', 'columns: { id: CallId, arrival: Start, answered: Answer, ended: End, outcome: Result, agent: Agent }', 'outcomes: { served: [ANS], abandoned: [ABN] }', ''].join('\n'),
    );
    const r = await ccsimAsync(['fit', join(dir, 'export.csv'), '--columns', join(dir, 'map.yaml'), '--out', join(dir, 'out'), '--json', '--no-charts']);
    expect(r.stderr).toBe(`wrote ${join(dir, 'out', 'scenario.yaml')}, ${join(dir, 'out', 'fit.json')}, ${join(dir, 'out', 'report.html')}\n`);
    const fit = JSON.parse(r.stdout);
    expect(fit.calls).toBe(300);
    expect(fit.source.firstDate).toBe('2024-01-15');
  });

  it('names the line and column of a bad mapping file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'log.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, 'map.yaml'), 'columns:\n  arrival: a\n  ended: b\n  answred: c\n');
    const r = await ccsimAsync(['fit', join(dir, 'log.csv'), '--columns', join(dir, 'map.yaml'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/map\.yaml:2:3: columns: unknown key "answred"/);
  });
});
