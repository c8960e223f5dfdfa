/**
 * The catalogue of figures (model/catalogue.ts) is the one home of every figure's definition: the
 * run's KPIs, the breakdowns, the series, the verdicts' directions and the charts' labels all
 * come from it, and agree with it.
 */
import { describe, expect, it } from 'vitest';
import { SERIES_KPIS } from '../../src/experiment/series.js';
import { summarize } from '../../src/experiment/summary.js';
import { DIRECTION } from '../../src/experiment/verdict.js';
import { CATALOGUE, figureDef, figureValue, type FigureDef } from '../../src/model/catalogue.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import { NF, sumRows } from '../../src/model/facts.js';
import { figureStyle } from '../../src/output/charts/figures.js';
import { parseScenario } from '../../src/scenario/load.js';
import { readFileSync } from 'node:fs';

const loaded = parseScenario(readFileSync('scenarios/midsize-center.yaml', 'utf8').replace(/horizon: \{ days: \d+ \}/, 'horizon: { days: 9 }'), 'midsize.yaml');
const results = [0, 1].map((r) => simulateReplication(loaded.config, 4, r));
const summary = summarize('midsize', 4, loaded.config, results);

describe('the catalogue of figures', () => {
  it('defines every figure the summary reports: KPIs, channels, reasons, series and money', () => {
    const keys = [
      ...Object.keys(summary.kpis),
      ...Object.keys(summary.economics),
      ...Object.values(summary.channels).flatMap((c) => Object.keys(c)),
      ...Object.values(summary.reasons).flatMap((r) => Object.keys(r).filter((k) => k !== 'servedBy')),
      ...SERIES_KPIS.filter((k) => k !== 'requiredAgents'),
    ];
    expect(keys.filter((k) => figureDef(k) === undefined)).toEqual([]);
  });

  it('gives the run\'s KPIs as the catalogue applied to the sum of its interval rows', () => {
    for (const r of results) {
      const total = sumRows(r.facts.rows, Array.from({ length: r.facts.rows.length / NF }, (_, k) => k));
      for (const [key, value] of Object.entries(r.kpis)) expect(value, key).toBe(figureValue(key, total));
    }
  });

  it('is where the verdicts\' directions and the charts\' labels come from', () => {
    for (const [key, def] of Object.entries(CATALOGUE) as [string, FigureDef][]) {
      expect(DIRECTION[key], key).toBe(def.direction ?? undefined);
      expect(figureStyle(key).label, key).toBe(def.label);
      expect(figureStyle(key).format, key).toBe(def.format);
    }
  });

  it('says which contacts every figure covers', () => {
    for (const [key, def] of Object.entries(CATALOGUE) as [string, FigureDef][]) expect(def.covers.length, key).toBeGreaterThan(20);
  });
});
