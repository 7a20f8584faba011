/** Fixture composer pages (tests/fixtures/pages), read when a test serves them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const page = (file: string) => () => readFileSync(path.resolve('tests/fixtures/pages', file), 'utf8');

export const FIXTURE_PAGES = {
  plain: page('plain-composer.html'),
};
