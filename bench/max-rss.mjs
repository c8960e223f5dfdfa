// Preload for whole-process memory measurements (`node --import ./bench/max-rss.mjs ...`):
// when the process exits, writes its peak resident set as the last line of stderr,
// `bench-max-rss-kb: N`, from process.resourceUsage().maxRSS (kilobytes) — the same figure
// bench/case.ts reports for the model alone. Worker threads share the process, so their memory
// is in the main thread's figure; only the main thread reports. Plain JavaScript, so measuring
// the CLI does not load tsx into it.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    writeSync(2, `\nbench-max-rss-kb: ${process.resourceUsage().maxRSS}\n`);
  });
}
