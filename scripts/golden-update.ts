/**
 * `npm run golden:update`: rewrites test/golden/<scenario>.summary.json for every bundled
 * scenario (test/golden/golden.ts) and says which changed. Review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenarios, GOLDEN_DIR, goldenFile, goldenSummary } from '../test/golden/golden.js';

async function main() {
  const names = bundledScenarios();
  const texts = await Promise.all(names.map((n) => goldenSummary(n)));
  names.forEach((name, i) => {
    const file = goldenFile(name);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (before === texts[i]) return console.log(`unchanged ${name}`);
    writeFileSync(file, texts[i]!);
    console.log(`${before === null ? 'new      ' : 'changed  '} ${name}`);
  });
  for (const f of readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.summary.json'))) {
    if (!names.includes(f.slice(0, -'.summary.json'.length))) {
      rmSync(join(GOLDEN_DIR, f));
      console.log(`removed   ${f}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
