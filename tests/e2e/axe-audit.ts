/**
 * One axe set-up for every accessibility test: the axe-core this project pins (newer than the copy
 * @axe-core/playwright bundles, where `label-content-name-mismatch` is still experimental and off),
 * with axe's experimental rules switched on too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import axe from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const EXPERIMENTAL_RULES = Object.fromEntries(
  axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: true }]),
);

export function axeAudit(page: Page): AxeBuilder {
  return new AxeBuilder({ page, axeSource: AXE_SOURCE }).options({ rules: EXPERIMENTAL_RULES });
}
