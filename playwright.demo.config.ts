import { defineConfig } from '@playwright/test';

/** `npm run demo`: the product against the contract simulator, run by Playwright so it can use the TypeScript simulator. */
export default defineConfig({
  testDir: 'scripts/demo',
  testMatch: 'demo.ts',
  timeout: 0,
  workers: 1,
  reporter: [['line']],
  outputDir: 'test-results/demo',
});
