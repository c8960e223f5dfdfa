import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: only the long fuzzing runs (*.slow.test.ts), which `npm test` leaves out. */
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
