// Adds up the unit (vitest), e2e (Playwright, Chromium) and Firefox (vitest) results written by `npm test`
// into one plain line.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const unit = read('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else {
  failed += 1; // the unit suite never reported: count it as a failure, not as nothing
}

// The Firefox suite (tests/firefox, vitest) writes the same report shape as the unit suite.
const firefox = read('test-results/firefox.json');
if (firefox) {
  passed += firefox.numPassedTests;
  failed += firefox.numFailedTests;
} else {
  failed += 1;
}

const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
} else {
  failed += 1;
}

console.log(`tests: ${passed} passed, ${failed} failed`);
