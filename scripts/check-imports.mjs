// Import boundaries between the extension's contexts, run by `npm run lint`.
// API keys, provider code and zod stay in the background (lib/background/); the content script runs in
// pages we do not control and must stay small, so it pulls in nothing but lib/content/, lib/shared/, wxt
// and `#i18n` (the message catalogs' typed lookup, a few lines over browser.i18n).
// Type-only imports are allowed everywhere: they are erased from the bundles.
//
//   node scripts/check-imports.mjs [root]   prints each violation and exits 1 if there are any
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SCANNED = ['lib', 'components', 'entrypoints'];
const ANY_PACKAGE = '*';

// Imports only some folders may make, checked before the importer's own rule so the message names the reason.
const RESERVED = [
  { target: { package: 'zod' }, onlyFrom: ['lib/background/**'], why: 'zod runs only in lib/background/' },
  {
    target: { path: 'lib/background/**' },
    onlyFrom: ['lib/background/**', 'entrypoints/background.ts'],
    why: 'lib/background/ (keys, zod, provider code) is imported only by the background',
  },
];

// Where each file may import from; the first entry whose `files` match the importing file applies.
// A file no entry covers may make no value imports at all, so a new folder needs a rule here first.
const ZONES = [
  { files: ['lib/background/**'], may: ['lib/**'], packages: ANY_PACKAGE },
  {
    files: ['entrypoints/background.ts'],
    may: ['lib/background/**', 'lib/shared/**'],
    packages: ANY_PACKAGE,
  },
  {
    files: ['lib/content/**', 'entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    may: ['lib/content/**', 'lib/shared/**'],
    packages: ['wxt', '#i18n'],
  },
  { files: ['lib/shared/**'], may: ['lib/shared/**'], packages: ['wxt', '#i18n'] },
  { files: ['lib/popup/**'], may: ['lib/popup/**', 'lib/shared/**'], packages: ANY_PACKAGE },
  { files: ['lib/options/**'], may: ['lib/options/**', 'lib/shared/**'], packages: ANY_PACKAGE },
  { files: ['components/shared/**'], may: ['components/shared/**', 'lib/shared/**'], packages: ANY_PACKAGE },
  {
    files: ['components/popup/**'],
    may: ['components/popup/**', 'components/shared/**', 'lib/popup/**', 'lib/shared/**'],
    packages: ANY_PACKAGE,
  },
  {
    files: ['components/options/**'],
    may: ['components/options/**', 'components/shared/**', 'lib/options/**', 'lib/shared/**'],
    packages: ANY_PACKAGE,
  },
  // The finder pages' first paint runs before their modules load: it takes only the paint and no package.
  { files: ['entrypoints/first-paint.ts'], may: ['lib/popup/first-paint'], packages: [] },
  // The side panel is the finder at another width: it follows the popup's rule.
  {
    files: ['entrypoints/popup/**', 'entrypoints/sidepanel/**'],
    may: [
      'entrypoints/popup/**',
      'entrypoints/sidepanel/**',
      'components/popup/**',
      'components/shared/**',
      'lib/popup/**',
      'lib/shared/**',
    ],
    packages: ANY_PACKAGE,
  },
  {
    files: ['entrypoints/options/**'],
    may: [
      'entrypoints/options/**',
      'components/options/**',
      'components/shared/**',
      'lib/options/**',
      'lib/shared/**',
    ],
    packages: ANY_PACKAGE,
  },
];

// `dir/**` also matches `dir` itself (an index import); `*` stays within one folder.
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .split('/**')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('(?:/.*)?')}$`,
  );
const matchers = new Map();
const matches = (globs, file) =>
  globs.some((glob) => {
    if (!matchers.has(glob)) matchers.set(glob, globToRegExp(glob));
    return matchers.get(glob).test(file);
  });

// The aliases WXT defines in .wxt/tsconfig.json, all meaning the repository root.
const ROOT_ALIAS = /^(?:@@|~~|@|~)\//;

/** What a specifier points at: a repository path (`lib/shared/track`) or a package name (`zustand`). */
function targetOf(specifier, fromFile) {
  if (ROOT_ALIAS.test(specifier)) return { path: path.posix.normalize(specifier.replace(ROOT_ALIAS, '')) };
  if (specifier.startsWith('.')) {
    return { path: path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier)) };
  }
  const parts = specifier.split('/');
  return { package: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

const isReserved = (reserved, target) =>
  reserved.package ? target.package === reserved.package : matches([reserved.path], target.path ?? '');

function reasonAgainst(file, target) {
  const reserved = RESERVED.find((r) => isReserved(r.target, target) && !matches(r.onlyFrom, file));
  if (reserved) return reserved.why;
  const zone = ZONES.find((z) => matches(z.files, file));
  if (!zone) return `no rule in scripts/check-imports.mjs covers ${path.posix.dirname(file)}/`;
  const allowed = target.package
    ? zone.packages === ANY_PACKAGE || zone.packages.includes(target.package)
    : matches(zone.may, target.path);
  if (allowed) return null;
  const packages = zone.packages === ANY_PACKAGE ? 'packages' : zone.packages.join(', ');
  return `code here may import only ${[...zone.may, packages].join(', ')}`;
}

// Only `import type` and `export type` count: with `verbatimModuleSyntax` (WXT's tsconfig sets it),
// `import { type A }` is kept as `import '…'`, which runs the module and bundles it.
function isTypeOnly(node) {
  if (ts.isImportDeclaration(node)) return node.importClause?.isTypeOnly === true;
  return node.isTypeOnly;
}

/** Every value import of one file: static imports, re-exports and `import('…')` with a literal specifier. */
function valueImports(sourceFile) {
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !isTypeOnly(node)
    ) {
      found.push({ node, specifier: node.moduleSpecifier.text });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ node, specifier: node.arguments[0].text });
    }
    // `typeof import('…')` is an ImportType node, not a call, so walking into types finds nothing to report.
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.map(({ node, specifier }) => ({
    specifier,
    line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
  }));
}

/** The .ts/.tsx files under lib/, components/ and entrypoints/, as sorted paths relative to rootDir. */
export function sourceFiles(rootDir) {
  return SCANNED.filter((dir) => existsSync(path.join(rootDir, dir)))
    .flatMap((dir) =>
      readdirSync(path.join(rootDir, dir), { recursive: true })
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => path.posix.join(dir, name.split(path.sep).join('/'))),
    )
    .sort();
}

/** Every value import that crosses a boundary: `{ file, line, specifier, rule, message }`. */
export function checkImports(rootDir, files = sourceFiles(rootDir)) {
  return files.flatMap((file) => {
    const text = readFileSync(path.join(rootDir, file), 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
    return valueImports(sourceFile).flatMap(({ specifier, line }) => {
      const rule = reasonAgainst(file, targetOf(specifier, file));
      return rule
        ? [{ file, line, specifier, rule, message: `${file}:${line} imports "${specifier}": ${rule}` }]
        : [];
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rootDir = path.resolve(process.argv[2] ?? '.');
  const files = sourceFiles(rootDir);
  const violations = checkImports(rootDir, files);
  for (const violation of violations) console.error(violation.message);
  console.log(`imports: ${files.length} files, ${violations.length} boundary violations`);
  if (violations.length > 0) process.exitCode = 1;
}
