import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // WxtVitest does not apply wxt.config.ts' `vite` option: the bench flag is defined here too. No unit
  // test needs the benchmark's performance marks.
  define: { __CLEARTUNE_BENCH__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // CI shares two cores with Chromium: generous limits keep slow machines from failing correct tests.
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
