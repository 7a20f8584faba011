/**
 * Watches one document for the changes a composer adapter cares about, in batches: DOM mutations are
 * collected and handled once per short tick. On a page without a composer a batch costs one check of
 * the added nodes against a selector, and nothing more.
 */
import { isElement } from './dom-kinds';
import { UI_ATTRIBUTE } from './field-names';
import type { Scope } from './scope';

/** How long a batch collects changes before it is handled. */
export const BATCH_MS = 25;

export interface ObservedDocument {
  /** Elements whose removal means the composers must be found again. */
  tracked(): readonly Element[];
  /** True when a composer is present: only then do form events and attribute changes matter. */
  active(): boolean;
  /**
   * Watched elements were added (given, so a page without a composer only looks at what is new), or
   * a tracked one left or a full look was asked for (null).
   */
  onStructure(added: readonly Element[] | null): void;
  /** A value, a checked state or a selected tab may have changed. */
  onState(): void;
}

export function observeDocument(
  doc: Document,
  scope: Scope,
  watchSelector: string,
  observed: ObservedDocument,
): { flushNow(): void } {
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
    if (runAll || fresh.length > 0) observed.onStructure(runAll ? null : fresh);
    else if (runState) observed.onState();
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    scope.timeout(flush, BATCH_MS);
  };

  const addsWatched = (node: Node) =>
    isElement(node) &&
    !node.hasAttribute(UI_ATTRIBUTE) &&
    (node.matches(watchSelector) || node.querySelector(watchSelector) !== null);

  const observer = new MutationObserver((records) => {
    if (!scope.active) return;
    let removed = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        state ||= observed.active();
        continue;
      }
      for (const node of Array.from(record.addedNodes)) if (addsWatched(node)) added.push(node as Element);
      removed ||= record.removedNodes.length > 0;
    }
    if (removed && !everything) everything = observed.tracked().some((element) => !element.isConnected);
    if (everything || added.length > 0 || state) schedule();
  });
  observer.observe(doc, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-selected', 'aria-checked'],
  });
  scope.onDispose(() => observer.disconnect());

  const onEvent = () => {
    if (!observed.active()) return;
    state = true;
    schedule();
  };
  for (const type of ['input', 'change', 'click']) scope.listen(doc, type, onEvent, true);

  return {
    flushNow() {
      everything = true;
      flush();
    },
  };
}
