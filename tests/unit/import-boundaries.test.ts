import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImports } from '../../scripts/check-imports.mjs';

const SCRIPT = join(process.cwd(), 'scripts/check-imports.mjs');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A throwaway repository holding only the given files. */
function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cleartune-imports-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('import boundaries', () => {
  it('the repository has no violations', () => {
    expect(checkImports(process.cwd()).map((v) => v.message)).toEqual([]);
  });

  // The import sits on line 2 under a comment, so the reported line is checked too.
  it.each([
    ['content script imports zod', 'lib/content/x.ts', "import * as z from 'zod/mini';", 'zod runs only in'],
    [
      'content script re-exports zod',
      'lib/content/x.ts',
      "export { string } from 'zod';",
      'zod runs only in',
    ],
    [
      'popup imports background via @/',
      'lib/popup/x.ts',
      "import { a } from '@/lib/background/setup';",
      'only by the background',
    ],
    [
      'popup imports background relatively',
      'lib/popup/x.ts',
      "import { a } from '../background/storage';",
      'only by the background',
    ],
    [
      'popup dynamically imports background',
      'lib/popup/x.ts',
      "export const load = () => import('../background/setup');",
      'only by the background',
    ],
    [
      'a value beside a type is still a value',
      'lib/popup/x.ts',
      "import { type A, b } from '../background/storage';",
      'only by the background',
    ],
    [
      'inline type specifiers, which verbatimModuleSyntax keeps as an import of the module',
      'lib/popup/x.ts',
      "import { type A, type B } from '../background/schemas/track';",
      'only by the background',
    ],
    [
      'shared re-exports background',
      'lib/shared/x.ts',
      "export * from '../background/storage';",
      'only by the background',
    ],
    [
      'content imports lib/popup',
      'lib/content/x.ts',
      "import { a } from '../popup/format';",
      'lib/content/**, lib/shared/**, wxt',
    ],
    [
      'content imports zustand',
      'lib/content/x.ts',
      "import { createStore } from 'zustand/vanilla';",
      'lib/content/**, lib/shared/**, wxt',
    ],
    [
      'content entrypoint imports react',
      'entrypoints/site.content.ts',
      "import { useState } from 'react';",
      'lib/content/**, lib/shared/**, wxt',
    ],
    ['shared imports react', 'lib/shared/x.ts', "import { useState } from 'react';", 'lib/shared/**, wxt'],
    [
      'options components import lib/popup',
      'components/options/X.tsx',
      "import { a } from '@/lib/popup/search';",
      'lib/options/**',
    ],
    [
      'options components import popup css',
      'components/options/X.tsx',
      "import '../popup/popup.css';",
      'lib/options/**',
    ],
    [
      'shared components import lib/popup',
      'components/shared/X.tsx',
      "import { a } from '../../lib/popup/store';",
      'components/shared/**, lib/shared/**',
    ],
    [
      'side panel imports lib/options',
      'entrypoints/sidepanel/main.tsx',
      "import { a } from '@/lib/options/deps';",
      'lib/popup/**',
    ],
    [
      'a folder without a rule',
      'lib/extra/x.ts',
      "import { a } from '../shared/track';",
      'no rule in scripts/check-imports.mjs covers lib/extra/',
    ],
  ])('reports: %s', (_, file, source, rule) => {
    const [violation, ...rest] = checkImports(fixture({ [file]: `// fixture\n${source}\n` }));
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ file, line: 2, specifier: source.match(/'([^']+)'/)?.[1] });
    expect(violation?.rule).toContain(rule);
    expect(violation?.message).toBe(`${file}:2 imports "${violation?.specifier}": ${violation?.rule}`);
  });

  it.each([
    ['import type', 'lib/content/x.ts', "import type { Track } from '@/lib/background/schemas/track';"],
    [
      'export type from',
      'lib/shared/x.ts',
      "export type { Settings } from '../background/schemas/settings';",
    ],
    ['export type * from', 'lib/shared/x.ts', "export type * from 'zod/mini';"],
    ['type namespace of zod', 'lib/content/x.ts', "import type * as z from 'zod/mini';"],
    ['typeof import() in a type', 'lib/shared/x.ts', "export type Z = typeof import('zod/mini');"],
    ['background imports zod', 'lib/background/x.ts', "import * as z from 'zod/mini';"],
    [
      'background entrypoint imports background',
      'entrypoints/background.ts',
      "import { a } from '@/lib/background/setup';",
    ],
    ['content imports wxt', 'lib/content/x.ts', "import { browser } from 'wxt/browser';"],
    [
      'content entrypoint imports content',
      'entrypoints/site.content.ts',
      "import { a } from '@/lib/content/setup';",
    ],
    ['content imports shared', 'lib/content/ui/x.ts', "import { a } from '../../shared/track';"],
    ['popup components import shared css', 'components/popup/X.tsx', "import '../shared/theme.css';"],
    [
      'popup entrypoint imports popup components',
      'entrypoints/popup/main.tsx',
      "import { a } from '@/components/popup/Popup';",
    ],
    [
      'options entrypoint imports options lib',
      'entrypoints/options/main.tsx',
      "import { a } from '@/lib/options/deps';",
    ],
  ])('allows: %s', (_, file, source) => {
    expect(checkImports(fixture({ [file]: `${source}\n` }))).toEqual([]);
  });

  it('run as a script, fails on a violation and names it', () => {
    const root = fixture({ 'lib/content/x.ts': "import * as z from 'zod/mini';\n" });
    const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('lib/content/x.ts:1 imports "zod/mini": zod runs only in lib/background/');
    expect(run.stdout).toContain('imports: 1 files, 1 boundary violations');
  });

  it('run as a script, passes a clean tree', () => {
    const root = fixture({ 'lib/shared/x.ts': "import { browser } from 'wxt/browser';\n" });
    const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('imports: 1 files, 0 boundary violations');
  });
});
