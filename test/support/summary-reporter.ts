/**
 * Prints one closing line `N passed, N failed, N skipped` after vitest's own summary,
 * so CI (which reads that plain line, not vitest's table) can see how many tests ran. Plain
 * text: no colour codes, whatever the terminal (scripts/vitest.mjs turns vitest's own off in logs).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed outside its tests (an import, a beforeAll) counts once, even when
      // its tests were then skipped: the line must never read "0 failed" for a failed run.
      failed += failedHere > 0 || mod.state() !== 'failed' ? failedHere : 1;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
