/**
 * The finder's first paint before React: the DOM React rendered for the first screen last time,
 * saved as a tree (not as HTML) and rebuilt by a small script that runs before React's code has
 * loaded. React's first commit replaces it whole (createRoot clears its container), so
 * React stays the one renderer; this only replays what it drew, inert (no clicks, hidden from screen
 * readers) for the few tens of milliseconds until React's rows take its place.
 *
 * Rebuilt with createElement and text nodes, never innerHTML, from a small set of tags and
 * attributes: a damaged stored value can show wrong words, never run anything.
 *
 * A saved paint is drawn only while it is what React would draw first: same language, same release,
 * and the very first screen React starts from (lib/popup/first-screen-memory.ts) with the same
 * remembered defaults. Any new answer, query, error or offline state rewrites or clears that first
 * screen, and with it the paint's right to show.
 */
import { CML_PREVIEW_LIFETIME_MS } from '../shared/time';
import type { FinderDeps } from './finder-deps';
import { DEFAULTS_KEY, FIRST_PAINT_KEY, FIRST_SCREEN_KEY } from './popup-memory';

type Memory = NonNullable<FinderDeps['memory']>;

/** A text node, or `[tag, attributes, children, value]` (value: a field's current value). */
type Saved = string | [string, Record<string, string>, Saved[], string?];

/** What a saved paint must match to be drawn. */
export interface PaintContext {
  lang: string;
  /** The extension's version: a new release may draw its rows differently. */
  version: string;
  now: number;
}

interface Stored {
  lang: string;
  version: string;
  /** The remembered first screen and defaults it was drawn from (`screenStamp`). */
  screen: string;
  nodes: Saved[];
}

const SVG = 'http://www.w3.org/2000/svg';
const TAGS = new Set(
  'div p span h1 h2 header main footer section ul li button input select option label img fieldset legend svg path circle'.split(
    ' ',
  ),
);
/** Words that belong to the moment they were shown, or name the sites a track went to. */
const NOT_KEPT = ['tab-status', 'status-line', 'badge-used'];
const MAX_CHARS = 300_000;

/**
 * The remembered first screen (its save time) and defaults, or null when there is no fresh first
 * screen. Read from the stored text's head: this runs before anything else on the page.
 */
function screenStamp(memory: Memory, now: number): string | null {
  const head = /^\{"v":1,"savedAt":(\d+),/.exec(memory.getItem(FIRST_SCREEN_KEY)?.slice(0, 40) ?? '');
  const savedAt = Number(head?.[1]);
  if (!head || !(now - savedAt >= 0 && now - savedAt < CML_PREVIEW_LIFETIME_MS)) return null;
  return `${savedAt}|${memory.getItem(DEFAULTS_KEY) ?? ''}`;
}

const keyOf = (page: string) => `${FIRST_PAINT_KEY}:${page}`;

function save(node: Node): Saved | null {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return null;
  const tag = node.localName;
  if (!TAGS.has(tag) || NOT_KEPT.some((name) => node.classList.contains(name))) return null;
  // The list keeps rows ready below the fold; the copy needs only what shows.
  if (tag === 'li' && node.getBoundingClientRect().top >= innerHeight) return null;
  const attributes: Record<string, string> = {};
  for (const { name, value } of node.attributes) attributes[name] = value;
  const children = node.getAttribute('role') === 'status' ? [] : savedChildren(node);
  const field = node instanceof HTMLInputElement || node instanceof HTMLSelectElement ? node.value : null;
  return field === null ? [tag, attributes, children] : [tag, attributes, children, field];
}

/** Not `flatMap`: a saved element is itself an array, and would be flattened. */
function savedChildren(node: Node): Saved[] {
  const out: Saved[] = [];
  for (const child of node.childNodes) {
    const saved = save(child);
    if (saved !== null) out.push(saved);
  }
  return out;
}

function build(saved: Saved, inSvg: boolean): Node | null {
  if (typeof saved === 'string') return document.createTextNode(saved);
  const [tag, attributes, children, value] = saved;
  if (!TAGS.has(tag)) return null;
  const svg = inSvg || tag === 'svg';
  const element = svg ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const [name, text] of Object.entries(attributes)) {
    const lower = name.toLowerCase();
    // No handlers, no srcset; covers only from https (the page's CSP narrows that to the media hosts).
    if (lower.startsWith('on') || lower === 'srcset' || (lower === 'src' && !text.startsWith('https://')))
      continue;
    element.setAttribute(name, text);
  }
  for (const child of children) {
    const node = build(child, svg);
    if (node) element.append(node);
  }
  if (value !== undefined && (element instanceof HTMLInputElement || element instanceof HTMLSelectElement))
    element.value = value;
  return element;
}

/**
 * Keeps what `root` shows now as the next first paint of `page`. Called when the list's top is on
 * show as React drew it from the remembered first screen's query (no search, no dialog, not scrolled).
 */
export function saveFirstPaint(
  memory: Memory | null,
  page: string,
  root: Element,
  context: PaintContext,
): void {
  if (!memory) return;
  try {
    const screen = screenStamp(memory, context.now);
    const stored: Stored | null = screen
      ? {
          lang: context.lang,
          version: context.version,
          screen,
          nodes: savedChildren(root),
        }
      : null;
    const text = stored ? JSON.stringify(stored) : '';
    // Too big to be quick (a page that never should be): the next open paints without it.
    memory.setItem(keyOf(page), text.length > MAX_CHARS ? '' : text);
  } catch {
    // A full or unavailable storage only costs the next popup its early paint.
  }
}

/**
 * Rebuilds the saved first paint of `page` into `root`, inert, when it still shows what React will
 * draw first. Returns whether it painted anything.
 */
export function paintFirstPaint(
  memory: Memory | null,
  page: string,
  root: HTMLElement,
  context: PaintContext,
): boolean {
  try {
    if (!memory) return false;
    const stored = JSON.parse(memory.getItem(keyOf(page)) || 'null') as Stored | null;
    if (!stored || !Array.isArray(stored.nodes)) return false;
    if (stored.lang !== context.lang || stored.version !== context.version) return false;
    if (stored.screen !== screenStamp(memory, context.now)) return false;
    const nodes = stored.nodes.flatMap((saved) => build(saved, false) ?? []);
    for (const node of nodes) if (node instanceof Element) node.setAttribute('inert', '');
    root.replaceChildren(...nodes);
    return nodes.length > 0;
  } catch {
    return false;
  }
}

/**
 * The browser's language and the extension's version, read from the browser directly: the script
 * that paints runs before the page's other code (#i18n, the polyfill) has loaded.
 */
export function paintContext(now: number): PaintContext {
  const chrome = (
    globalThis as {
      chrome?: {
        i18n?: { getUILanguage?: () => string };
        runtime?: { getManifest?: () => { version: string } };
      };
    }
  ).chrome;
  return {
    lang: chrome?.i18n?.getUILanguage?.() ?? navigator.language,
    version: chrome?.runtime?.getManifest?.().version ?? '',
    now,
  };
}

/**
 * What a finder page runs first (entrypoints/first-paint.ts, a classic script at the end of the
 * page's body, so it runs while the parser finishes and React's modules are still loading): the
 * page's saved first paint into #root, styled by the stylesheet already in the head. React's
 * first commit replaces the copy. The bench build marks the first row when the copy goes in, as the
 * list does when React draws it.
 */
export function paintOnOpen(page: 'popup' | 'panel'): boolean {
  const root = document.getElementById('root');
  let memory: Memory | null = null;
  try {
    memory = window.localStorage;
  } catch {
    // Storage can be switched off: the page then paints when React does.
  }
  if (!root || !paintFirstPaint(memory, page, root, paintContext(Date.now()))) return false;
  if (__CLEARTUNE_BENCH__ && root.querySelector('.track-row')) performance.mark('cleartune:first-row');
  return true;
}

/** The page's app module: the build writes it as `<link rel="modulepreload" data-app>` (wxt.config.ts). */
export const APP_ENTRY_SELECTOR = 'link[data-app]';
export const HIDDEN_START_MS = 100;

/**
 * Runs the page's app module, which the build leaves preloaded but not started. With a copy in
 * #root, only after the copy's frame: React's modules take 15-35 ms to evaluate, and the browser
 * cannot paint during that task, so the copy waited for it (side panel open → first row 1.89× →
 * 1.51× a blank page, medians of 16 interleaved runs; React's own rows no later). Without a copy,
 * at once.
 */
export function startApp(painted: boolean): void {
  const entry = document.querySelector<HTMLLinkElement>(APP_ENTRY_SELECTOR);
  // None in `wxt dev`, which keeps the page's own module script.
  if (!entry) return;
  let start = () => {
    start = () => undefined;
    const script = document.createElement('script');
    script.type = 'module';
    script.src = entry.href;
    document.head.append(script);
  };
  if (painted) {
    requestAnimationFrame(() => setTimeout(() => start(), 0));
    // A page the browser is not showing gets no frames.
    setTimeout(() => start(), HIDDEN_START_MS);
  } else start();
}
