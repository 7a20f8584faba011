import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The Firefox suite (`npm run test:firefox`): Firefox ESR over WebDriver BiDi, one browser at a time
 * (two cores are shared with everything else), results beside the unit and Chromium ones.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/firefox/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/firefox.json' }]],
  },
});
