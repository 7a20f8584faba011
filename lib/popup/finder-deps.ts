import type { sendFromPage } from '../shared/messages';

/** Everything the popup's actions reach outside themselves, injected so tests can fake it. */
export interface FinderDeps {
  send: typeof sendFromPage;
  now: () => number;
  writeClipboard: (text: string) => Promise<void>;
  openOptions: () => void;
  /** Where the last seen settings defaults are mirrored, so the first getCatalog need not wait. */
  memory: Pick<Storage, 'getItem' | 'setItem'> | null;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** The tab the popup was opened over, whose composer it may report on; absent in tests. */
  activeTabId?: () => Promise<number | null>;
  /** Resolves once what was just rendered has been painted (tests: on the next tick). */
  afterPaint?: () => Promise<void>;
}
