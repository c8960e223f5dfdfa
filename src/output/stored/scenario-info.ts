/**
 * scenario.json read back: what the report says about the scenario (its name, description, file
 * and text). See read.ts.
 */
import { z } from 'zod';
import type { ScenarioInfo } from '../report.js';
import { readStoredJson } from './read.js';
import { name } from './values.js';

export const SCENARIO_FORMAT = 'ccsim-scenario';

/** The text of a scenario file is at most 4 MiB (cli/read-input.ts); its name is shown, not used as a path. */
const text = (max: number) => z.string().max(max, `text of at most ${max.toLocaleString('en-US')} characters`);

export const ScenarioInfoSchema = z.looseObject({
  format: z.literal(SCENARIO_FORMAT),
  name,
  description: text(100_000).optional(),
  file: text(4096).optional(),
  source: text(4 * 1024 * 1024).optional(),
});

/** scenario.json in `text` (from `file`); throws StoredFileError. */
export function readScenarioInfo(file: string, json: string, hint?: string): ScenarioInfo {
  const d = readStoredJson(ScenarioInfoSchema, file, json, hint);
  return { name: d.name, description: d.description, file: d.file, source: d.source };
}
