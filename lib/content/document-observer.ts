/**
 * Watches one document for the changes a composer adapter cares about, in batches: DOM mutations are
 * collected and handled once per short tick, so a burst of records costs at most one handling (and
 * one scan) per `BATCH_MS`. Each record costs only a selector check of its added or removed nodes;
 * whether a batch is worth a scan is for `onStructure` to decide, from what was added.
 */
import { isElement } from './scan/dom-kinds';
import { UI_ATTRIBUTE } from './scan/field-names';
import type { Scope } from './scope';

/** How long a batch collects changes before it is handled. */
export const BATCH_MS = 25;

export interface ObservedDocument {
  /** Elements whose removal means the composers must be found again. */
  tracked(): readonly Element[];
  /** Whether a watched element removed from `parent` was part of a composer (its region holds `parent`). */
  holds(parent: Node): boolean;
  /** True when a composer is present: only then do form events and attribute changes matter. */
  active(): boolean;
  /**
   * Watched elements were added (given, so a page without a composer only looks at what is new), or
   * a tracked one left or a full look was asked for (null).
   */
  onStructure(added: readonly Element[] | null): void;
  /** A value, a checked state or a selected tab may have changed. */
  onState(): void;
  /**
   * The subtrees that matter, once found (Studio's form and its editor or picker): only they are
   * watched in full, and the page around them only for children coming and going on their
   * ancestors and on `<body>`'s children (where a new panel or a remounted form appears). Empty or
   * absent: the whole document is watched.
   */
  regions?(): readonly Element[];
}

const FULL: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['aria-selected', 'aria-checked'],
};
const CHILDREN: MutationObserverInit = { childList: true };

/** What to observe: the document, or the regions in full and the structure around them. */
function targetsOf(doc: Document, regions: readonly Element[]): [Node, MutationObserverInit][] {
  if (regions.length === 0) return [[doc, FULL]];
  const around = new Set<Node>([doc.documentElement, ...(doc.body ? [doc.body, ...doc.body.children] : [])]);
  for (const region of regions) {
    for (let node = region.parentNode; node && node !== doc; node = node.parentNode) around.add(node);
  }
  for (const region of regions) around.delete(region);
  return [
    ...regions.map((region): [Node, MutationObserverInit] => [region, FULL]),
    ...[...around].map((node): [Node, MutationObserverInit] => [node, CHILDREN]),
  ];
}

export function observeDocument(
  doc: Document,
  scope: Scope,
  watchSelector: string,
  observed: ObservedDocument,
): void {
  let everything = false;
  let added: Element[] = [];
  let state = false;
  let pending = false;

  const flush = () => {
    pending = false;
    const fresh = added.filter((element) => element.isConnected);
    const runAll = everything;
    const runState = state;
    everything = false;
    added = [];
    state = false;
    if (runAll || fresh.length > 0) {
      observed.onStructure(runAll ? null : fresh);
      retarget();
    } else if (runState) observed.onState();
  };
  let lastFlush = Number.NEGATIVE_INFINITY;
  /**
   * `structure`: watched elements came or went. The first such change after a quiet spell is handled
   * right after this observer callback (the page's task is over, so the form is complete): a music
   * field gets its button without waiting a batch. Changes within `BATCH_MS` of a handling wait for
   * the batch, so a page that keeps adding inputs still costs one handling per tick at most. Events
   * always wait: the page's own handlers must run before a state change is read.
   */
  const schedule = (structure = false) => {
    if (pending) return;
    pending = true;
    const run = () => {
      lastFlush = performance.now();
      flush();
    };
    if (structure && performance.now() - lastFlush >= BATCH_MS) {
      queueMicrotask(() => {
        if (scope.active) run();
      });
    } else scope.timeout(run, BATCH_MS);
  };

  const isWatched = (node: Node) =>
    isElement(node) &&
    !node.hasAttribute(UI_ATTRIBUTE) &&
    (node.matches(watchSelector) || node.querySelector(watchSelector) !== null);

  const handle = (records: MutationRecord[]) => {
    if (!scope.active) return;
    let removed = false;
    let bodyGrew = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        state ||= observed.active();
        continue;
      }
      bodyGrew ||= record.target === doc.body && record.addedNodes.length > 0;
      for (const node of Array.from(record.addedNodes)) if (isWatched(node)) added.push(node as Element);
      if (record.removedNodes.length === 0) continue;
      removed = true;
      // A field React took out of a composer (without putting one back, which `added` would catch).
      everything ||= observed.holds(record.target) && Array.from(record.removedNodes).some(isWatched);
    }
    // A new child of <body> (a portal root, empty until a panel renders into it) must be watched
    // before the panel lands in it: once per batch, when only regions are watched.
    if (bodyGrew && observing.length > 1)
      queueMicrotask(() => {
        if (scope.active) retarget();
      });
    if (removed && !everything) everything = observed.tracked().some((element) => !element.isConnected);
    if (everything || added.length > 0) schedule(true);
    else if (state) schedule();
  };
  const observer = new MutationObserver(handle);
  let observing: Node[] = [];
  function retarget() {
    const targets = targetsOf(doc, observed.regions?.() ?? []);
    if (targets.length === observing.length && targets.every(([node], i) => node === observing[i])) return;
    // Changes already queued would be dropped with the old targets.
    const queued = observer.takeRecords();
    if (queued.length > 0) handle(queued);
    observer.disconnect();
    for (const [node, options] of targets) observer.observe(node, options);
    observing = targets.map(([node]) => node);
  }
  retarget();
  scope.onDispose(() => observer.disconnect());

  const onEvent = () => {
    if (!observed.active()) return;
    state = true;
    schedule();
  };
  for (const type of ['input', 'change', 'click']) scope.listen(doc, type, onEvent, true);
}
