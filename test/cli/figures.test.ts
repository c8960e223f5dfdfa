/**
 * The figures of the bundled scenarios mean what a planner means by them — the defects the
 * figures issue found by running them as a user would, reproduced through the CLI and its JSON
 * (each of these failed on ccsim 0.1 with the numbers given in its comment).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ccsimAsync } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-figures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundled scenario with its horizon replaced, run once with --json; its summary and intervals.csv rows. */
async function runShort(file: string, horizon: string, from: RegExp) {
  const short = join(dir, file.replace(/\W/g, '_'));
  writeFileSync(short, readFileSync(file, 'utf8').replace(from, `horizon: ${horizon}`));
  const out = join(dir, `${file.replace(/\W/g, '_')}-out`);
  const r = await ccsimAsync(['run', short, '--json', '--no-charts', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const [head, ...lines] = readFileSync(join(out, 'intervals.csv'), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
  return { summary: JSON.parse(r.stdout), rows };
}

describe('the baseline (open 08:00–22:00)', () => {
  let summary: { kpis: Record<string, { mean: number | null }> };
  let rows: Record<string, string>[];
  beforeAll(async () => {
    ({ summary, rows } = await runShort('scenarios/baseline.yaml', '{ months: 2 }', /horizon: \{ months: 12 \}/));
  });

  it('offers no contact while closed: repeats and retrials wait for the morning instead of abandoning at night', () => {
    // 0.1 offered 13,826 contacts between 22:00 and 08:00 over the year and 13,716 abandoned:
    // 44% of all abandonments, and a headline abandonment of 5.39% against 3.07% in open hours.
    const night = rows.filter((r) => Number(r.time!.slice(0, 2)) >= 22 || Number(r.time!.slice(0, 2)) < 8);
    expect(night.length).toBeGreaterThan(0);
    expect(night.reduce((s, r) => s + Number(r.offered), 0)).toBe(0);
    expect(night.reduce((s, r) => s + Number(r.abandoned), 0)).toBe(0);
    expect(summary.kpis.deferredFollowUps!.mean).toBeGreaterThan(0);
    // The headline abandonment is that of the open hours' contacts.
    const open = rows.filter((r) => !night.includes(r));
    const abandonedOpen = open.reduce((s, r) => s + Number(r.abandoned), 0);
    expect(summary.kpis.abandoned!.mean).toBe(abandonedOpen);
  });

  it('leaves an interval with nothing to measure empty, not 0 or 1', () => {
    // 0.1 wrote ASA 0, service level 1 and FCR 1 for the closed night intervals.
    const night = rows.find((r) => r.time === '03:00')!;
    expect([night.asaSec, night.serviceLevel, night.fcr, night.abandonRate, night.occupancy]).toEqual(['', '', '', '', '']);
    expect(night.offered).toBe('0');
  });

  it('counts as first-contact resolution only the issues resolved without a transfer, and reports any-stage resolution apart', () => {
    // 0.1 counted a contact resolved after escalation: FCR 96.6% with 23% of answered contacts transferred.
    const k = summary.kpis;
    expect(k.fcrAnyStage!.mean!).toBeGreaterThan(0.9);
    expect(k.fcr!.mean!).toBeLessThan(k.fcrAnyStage!.mean! - 0.1);
    expect(k.transfers!.mean! / k.answered!.mean!).toBeGreaterThan(0.15);
  });
});

describe('the midsize center (voice, chat and email)', () => {
  it('reports headline ASA, service level and abandonment over the real-time channels, and email apart', async () => {
    // 0.1 reported a headline ASA of 290 s while voice waited 42.6 s and email 2,464 s.
    const { summary } = await runShort('scenarios/midsize-center.yaml', '{ days: 8 }', /horizon: \{ days: \d+ \}/);
    const ch = summary.channels;
    const asa = summary.kpis.asaSec.mean;
    const [lo, hi] = [Math.min(ch.voice.asaSec.mean, ch.chat.asaSec.mean), Math.max(ch.voice.asaSec.mean, ch.chat.asaSec.mean)];
    expect(asa).toBeGreaterThanOrEqual(lo);
    expect(asa).toBeLessThanOrEqual(hi);
    expect(ch.email.asaSec).toBeUndefined();
    expect(ch.email.emailResponseSec.mean).toBeGreaterThan(10 * asa);
    expect(summary.kpis.emailResponseSec.mean).toBe(ch.email.emailResponseSec.mean);
    // Each real-time channel against its own threshold: chat's 60 s, voice's 30 s (the file's).
    expect(summary.meta.channels.chat.thresholdSec).toBe(60);
    expect(summary.meta.channels.voice.thresholdSec).toBe(30);
  });
});
