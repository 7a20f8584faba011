/**
 * Bundle sizes of a built extension, shared by `npm run bench` (reports them) and
 * tests/e2e/size-budget.spec.ts (enforces bench/budget.json). Everything is read from the build's own
 * manifest and HTML, so a renamed chunk or a new shared chunk is counted without touching this file.
 *
 * A page's JavaScript is its entry script, every `modulepreload` and everything those import
 * statically (React's runtime chunk included); dynamic `import()`s are left out, they load later.
 * Sizes are gzip (zlib's default level 6) of each file, summed. 1 KB = 1,000 bytes, as WXT prints.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The out dir WXT builds into (`CLEARTUNE_OUT_DIR` lets parallel work trees keep their own). */
export const OUT_DIR = path.resolve(process.env.CLEARTUNE_OUT_DIR ?? '.output');
export const PRODUCTION_BUILD = path.join(OUT_DIR, 'chrome-mv3');

export type PartName = 'popup' | 'side panel' | 'options' | 'content script' | 'background';

export interface PartSize {
  part: PartName;
  /** Paths inside the build, entry first. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export interface ZipSize {
  file: string;
  bytes: number;
}

export const gzipBytes = (data: Buffer): number => gzipSync(data).byteLength;

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"'\s]+\.m?js)["']/g;
const HTML_ASSET =
  /<(?:script[^>]*\bsrc|link[^>]*\brel=["']?(?:modulepreload|stylesheet)["']?[^>]*\bhref)=["']([^"']+)["']/g;

/** `from` resolved against the build root (leading `/`) or the importing file. */
function resolveIn(importer: string, ref: string): string {
  const target = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(importer), ref);
  return path.posix.normalize(target.split(/[?#]/)[0] ?? target);
}

function readBuildFile(build: string, file: string): Buffer {
  const full = path.join(build, file);
  if (!existsSync(full)) throw new Error(`${file} is referenced by the build but missing from ${build}`);
  return readFileSync(full);
}

/** The files a set of entries loads: the entries and their static imports, transitively. */
export function withStaticImports(build: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.m?js$/.test(file)) return;
    const text = readBuildFile(build, file).toString('utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) visit(resolveIn(file, match[1] as string));
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

/** Scripts, module preloads and stylesheets an HTML page of the build loads, with their imports. */
export function pageFiles(build: string, html: string): string[] {
  const text = readBuildFile(build, html).toString('utf8');
  const refs = [...text.matchAll(HTML_ASSET)]
    .map((match) => match[1] as string)
    .filter((ref) => !/^[a-z]+:/i.test(ref))
    .map((ref) => resolveIn(html, ref));
  return withStaticImports(build, refs);
}

function sizeOf(build: string, part: PartName, files: string[]): PartSize {
  let rawBytes = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readBuildFile(build, file);
    rawBytes += data.byteLength;
    gzip += gzipBytes(data);
  }
  return { part, files, rawBytes, gzipBytes: gzip };
}

interface Manifest {
  action?: { default_popup?: string };
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  options_ui?: { page?: string };
  options_page?: string;
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Popup, side panel, options page, content scripts and background of a build, as its manifest declares them. */
export function measureBuild(build: string = PRODUCTION_BUILD): PartSize[] {
  const manifestFile = path.join(build, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No build at ${build}: run \`npm run build\` (or \`npm run zip\`) first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const parts: PartSize[] = [];
  const popup = manifest.action?.default_popup;
  if (popup) parts.push(sizeOf(build, 'popup', pageFiles(build, popup)));
  const panel = manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel;
  if (panel) parts.push(sizeOf(build, 'side panel', pageFiles(build, panel)));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) parts.push(sizeOf(build, 'options', pageFiles(build, options)));
  const content = (manifest.content_scripts ?? []).flatMap((script) => [
    ...(script.js ?? []),
    ...(script.css ?? []),
  ]);
  if (content.length > 0) {
    parts.push(sizeOf(build, 'content script', withStaticImports(build, [...new Set(content)])));
  }
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  if (background.length > 0) parts.push(sizeOf(build, 'background', withStaticImports(build, background)));
  return parts;
}

/** Every zip `wxt zip` left in the out dir (Chrome, Firefox, sources): already compressed, so bytes as is. */
export function measureZips(outDir: string = OUT_DIR): ZipSize[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .filter((name) => name.endsWith('.zip'))
    .sort()
    .map((file) => ({ file, bytes: statSync(path.join(outDir, file)).size }));
}

export interface Budget {
  /** Max gzip bytes per part; parts not listed are reported, not enforced. */
  gzip: Partial<Record<PartName, number>>;
  timing: Record<string, unknown>;
}

export const BUDGET_FILE = path.resolve('bench/budget.json');

export function readBudget(file: string = BUDGET_FILE): Budget {
  return JSON.parse(readFileSync(file, 'utf8')) as Budget;
}

export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** One line per part over its budget, naming the part and both figures; empty when all fit. */
export function overBudget(parts: readonly PartSize[], budget: Budget): string[] {
  const problems: string[] = [];
  for (const [part, max] of Object.entries(budget.gzip) as [PartName, number][]) {
    const size = parts.find((p) => p.part === part);
    if (!size) problems.push(`${part}: not found in the build (budget ${kb(max)} gzip)`);
    else if (size.gzipBytes > max) {
      problems.push(
        `${part} is ${kb(size.gzipBytes)} gzip (${size.gzipBytes} B), over its budget of ${kb(max)} (${max} B): ${size.files.join(', ')}`,
      );
    }
  }
  return problems;
}
