#!/usr/bin/env node
// `npm test` and `npm run fuzz`: vitest, with colour codes only on a terminal. vitest's colours
// (tinyrainbow) are on unless NO_COLOR is set — also when the output is a pipe or a CI log — and
// any FORCE_COLOR, even FORCE_COLOR=0, forces them on. Here: no colour when stdout is not a
// terminal or FORCE_COLOR is 0/false; FORCE_COLOR=1 (or more) keeps them, as the conventions
// (https://no-color.org, https://force-color.org) have it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The environment vitest runs in, given ours and whether stdout is a terminal. */
export function vitestEnv(env, isTTY) {
  const out = { ...env };
  const force = out.FORCE_COLOR;
  if (force === '0' || force === 'false') {
    delete out.FORCE_COLOR;
    out.NO_COLOR = '1';
  } else if (force === undefined && !isTTY) out.NO_COLOR = '1';
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [vitest, ...process.argv.slice(2)], { stdio: 'inherit', env: vitestEnv(process.env, process.stdout.isTTY === true) });
  process.exitCode = r.status ?? 1;
}
