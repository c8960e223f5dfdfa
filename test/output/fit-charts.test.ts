import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { replicate } from '../../src/experiment/replicate.js';
import { compareBacktest } from '../../src/fit/backtest.js';
import { fitJsonObject } from '../../src/fit/fit-json.js';
import { fitCallLog } from '../../src/fit/fit.js';
import { readAnonymousBank } from '../../src/fit/layouts/anonymous-bank.js';
import { scenarioText } from '../../src/fit/scenario-writer.js';
import { chartSpecs } from '../../src/output/charts/index.js';
import { renderChart } from '../../src/output/charts/render.js';
import { renderFitReport } from '../../src/output/fit-report.js';
import { parseScenario } from '../../src/scenario/load.js';
import { REPO } from '../support/cli.js';

describe('the fit and backtest charts', async () => {
  const fit = fitCallLog(readAnonymousBank(readFileSync(join(REPO, 'test/fixtures/anonymous-bank/calls-1999-02-04-to-05.tsv'), 'utf8')));
  const yaml = scenarioText({ fit, file: 'excerpt.tsv', name: 'excerpt' });
  const results = await replicate(parseScenario(yaml, 'scenario.yaml').config, { replications: 2, seed: 1, workers: 1 });
  const backtest = compareBacktest(fit, results, 1);
  const json = fitJsonObject({ fit, file: 'excerpt.tsv' });
  const specs = chartSpecs({ fit: json, backtest });

  it('draws the arrival profile, patience, handle-time and backtest charts from fit.json and the backtest', () => {
    expect(specs.map((s) => s.name)).toEqual(['fit-arrivals', 'fit-patience', 'fit-handle-time', 'backtest']);
  });

  it('validates every spec against the Vega-Lite JSON Schema and renders it without a warning', async () => {
    const require = createRequire(import.meta.url);
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')));
    for (const s of specs) {
      expect(validate(s.spec) ? [] : validate.errors!.slice(0, 3), s.name).toEqual([]);
      const r = await renderChart(s.spec);
      expect(r.warnings, s.name).toEqual([]);
      expect(r.svg).toContain('<svg');
    }
  });

  it('puts the figures, the dropped rows, the backtest and the charts in one report page', async () => {
    const html = renderFitReport({ name: 'excerpt', file: 'excerpt.tsv', fit: json, backtest, charts: [], scenario: yaml });
    expect(html).toContain('vruHangUp');
    expect(html).toContain('Backtest (2 replications)');
    expect(html).not.toMatch(/<script/);
  });
});
