import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'plugins/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits on UI that settles asynchronously; 1 s (the default) is too short on a loaded CI machine
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
