/**
 * One axe set-up for every accessibility test: the axe-core this project pins (newer than the copy
 * @axe-core/playwright bundles, where `label-content-name-mismatch` is still experimental and off),
 * with axe's experimental rules switched on too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const EXPERIMENTAL_RULES = Object.fromEntries(
  axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: true }]),
);

export function axeAudit(page: Page): AxeBuilder {
  return new AxeBuilder({ page, axeSource: AXE_SOURCE }).options({ rules: EXPERIMENTAL_RULES });
}

/** Fails the test with the serious and critical violations axe finds (a few nodes of each). */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await axeAudit(page).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
    }));
  expect(serious).toEqual([]);
}
