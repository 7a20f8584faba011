/**
 * The finder's first paint before React: the DOM React rendered for the first screen last time,
 * saved as a tree (not as HTML) and rebuilt into the page before React starts. React then mounts over
 * it and replaces it whole at its first commit (createRoot clears its container), so React stays the
 * one renderer; this only replays what it drew. The copy is inert (no clicks, hidden from screen
 * readers) for the few tens of milliseconds until React's own rows replace it.
 *
 * Rebuilt with createElement and text nodes, never innerHTML, from a small set of tags and
 * attributes: a damaged stored value can show wrong words, never run anything.
 */
import { CML_PREVIEW_LIFETIME_MS } from '../shared/time';
import type { FinderDeps } from './finder-deps';
import { FIRST_PAINT_KEY } from './popup-memory';

type Memory = NonNullable<FinderDeps['memory']>;

/** A text node, or `[tag, attributes, children, value]` (value: a field's current value). */
type Saved = string | [string, Record<string, string>, Saved[], string?];

interface Stored {
  lang: string;
  savedAt: number;
  nodes: Saved[];
}

const SVG = 'http://www.w3.org/2000/svg';
const TAGS = new Set(
  'div p span h1 h2 header main footer section ul li button input select option label img fieldset legend svg path circle'.split(
    ' ',
  ),
);
const MAX_CHARS = 300_000;

/**
 * The browser's UI language, which decides the catalog a saved paint is written in. Read from the
 * browser directly, not through #i18n: this file runs before the page's other code has loaded.
 */
export function browserLanguage(): string {
  const chrome = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome;
  return chrome?.i18n?.getUILanguage?.() ?? navigator.language;
}

const keyOf = (page: string) => `${FIRST_PAINT_KEY}:${page}`;

function save(node: Node): Saved | null {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return null;
  const tag = node.localName;
  // The tab line and what the last action said belong to that moment, and name sites: not kept.
  if (!TAGS.has(tag) || node.classList.contains('tab-status')) return null;
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
    // Covers only from https (the page's CSP narrows that to the providers' media hosts).
    if (name.startsWith('on') || (name === 'src' && !text.startsWith('https://'))) continue;
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
 * Keeps what `root` shows now as the next first paint of `page`, in the language it is written in.
 * Called once the first screen of a fresh answer is on screen.
 */
export function saveFirstPaint(
  memory: Memory | null,
  page: string,
  root: Element,
  lang: string,
  now: number,
): void {
  if (!memory) return;
  try {
    const text = JSON.stringify({ lang, savedAt: now, nodes: savedChildren(root) } satisfies Stored);
    // Too big to be quick (a page that never should be): the next open paints without it.
    memory.setItem(keyOf(page), text.length > MAX_CHARS ? '' : text);
  } catch {
    // A full or unavailable storage only costs the next popup its early paint.
  }
}

/**
 * Rebuilds the saved first paint of `page` into `root`, inert, when it is in `lang` and as fresh as a
 * remembered first screen may be (preview URLs in it expire). Returns whether it painted anything.
 */
export function paintFirstPaint(
  memory: Memory | null,
  page: string,
  root: HTMLElement,
  lang: string,
  now: number,
): boolean {
  try {
    const stored = JSON.parse(memory?.getItem(keyOf(page)) ?? 'null') as Stored | null;
    if (!stored || stored.lang !== lang || !Array.isArray(stored.nodes)) return false;
    if (!(now - stored.savedAt >= 0 && now - stored.savedAt < CML_PREVIEW_LIFETIME_MS)) return false;
    const nodes = stored.nodes.flatMap((saved) => build(saved, false) ?? []);
    for (const node of nodes) if (node instanceof Element) node.setAttribute('inert', '');
    root.replaceChildren(...nodes);
    return nodes.length > 0;
  } catch {
    return false;
  }
}

/**
 * What a finder page's entry runs first, before React renders: the page's saved first paint into
 * #root (the page's stylesheet is already in its head). The bench build marks the first row then, as
 * the list does when React draws it. Returns whether it painted.
 */
export function paintOnOpen(page: 'popup' | 'panel'): boolean {
  const root = document.getElementById('root');
  let memory: Memory | null = null;
  try {
    memory = window.localStorage;
  } catch {
    // Storage can be switched off: the page then paints when React does.
  }
  if (!root || !paintFirstPaint(memory, page, root, browserLanguage(), Date.now())) return false;
  if (__CLEARTUNE_BENCH__ && root.querySelector('.track-row')) performance.mark('cleartune:first-row');
  return true;
}
