import { defineConfig } from '@playwright/test';

/**
 * `npm run bench`: the performance benchmark against the production build and the contract
 * simulator. Run by Playwright so it can use the TypeScript simulator and harness; one worker, so
 * nothing else of ours competes for the CPU while it measures.
 */
export default defineConfig({
  testDir: 'scripts/bench',
  testMatch: process.env.BENCH_MATCH ?? 'bench.ts',
  timeout: 0,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['line']],
  outputDir: 'test-results/bench',
});
