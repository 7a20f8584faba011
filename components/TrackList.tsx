import {
  type KeyboardEvent,
  type ReactElement,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { TrackEntry } from '@/lib/popup/catalog-index';
import { usePopupApp } from '@/lib/popup/popup-app';
import { scrollToReveal, visibleRange } from '@/lib/popup/virtual';
import { ROW_HEIGHT, TrackRow } from './TrackRow';

let firstRowMarked = false;

/**
 * Only the rows in view (plus a few) exist in the DOM, so thousands of tracks cost what ten do.
 * Rows use a roving tabindex: Tab enters the list once, arrows move between rows.
 */
export function TrackList({ entries, resetKey }: { entries: readonly TrackEntry[]; resetKey: string }) {
  const { tracks, preview } = usePopupApp();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight || 400);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new search, filter or sort starts at the top.
  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setScrollTop(0);
    setActive(0);
  }
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && element.dataset.resetKey !== resetKey) {
      element.scrollTop = 0;
      element.dataset.resetKey = resetKey;
    }
  }, [resetKey]);

  // For the benchmark: first row painted, then every list update.
  useLayoutEffect(() => {
    if (entries.length === 0) return;
    performance.mark(firstRowMarked ? 'cleartune:list-updated' : 'cleartune:first-row');
    firstRowMarked = true;
  }, [entries]);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    scroller.current?.querySelector<HTMLElement>(`li[data-index="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  });

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(entries.length - 1, index));
      const element = scroller.current;
      if (element) {
        const top = scrollToReveal(next, element.scrollTop, element.clientHeight, ROW_HEIGHT);
        element.scrollTop = top;
        setScrollTop(top);
      }
      setActive(next);
      pendingFocus.current = next;
    },
    [entries.length],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('li[data-index]');
    if (!row || target.closest('select, input')) return;
    const index = Number(row.dataset.index);
    const entry = entries[index];
    const onRow = target === row;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: entries.length - 1,
      PageDown: index + 3,
      PageUp: index - 3,
    };
    const destination = moves[event.key];
    if (destination !== undefined) {
      event.preventDefault();
      moveTo(destination);
    } else if (onRow && entry && event.key === 'Enter') {
      event.preventDefault();
      void tracks.use(entry);
    } else if (onRow && entry && event.key === ' ') {
      event.preventDefault();
      void preview.toggle(entry);
    }
  };

  const range = visibleRange(scrollTop, viewport, ROW_HEIGHT, entries.length);
  const activeIndex = Math.min(active, entries.length - 1);
  const rows: ReactElement[] = [];
  for (let index = range.start; index < range.end; index++) {
    const entry = entries[index];
    if (!entry) continue;
    rows.push(
      <TrackRow
        key={entry.key}
        entry={entry}
        index={index}
        count={entries.length}
        focusable={index === activeIndex}
        onFocusRow={setActive}
      />,
    );
  }

  return (
    <div ref={scroller} className="track-scroller" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul
        className="track-list"
        aria-label="Tracks"
        style={{ height: entries.length * ROW_HEIGHT }}
        onKeyDown={onKeyDown}
      >
        {rows}
      </ul>
    </div>
  );
}
