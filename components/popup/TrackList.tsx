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
import { useFinder } from '@/lib/popup/finder-app';
import { scrollToReveal, visibleRange } from '@/lib/popup/virtual';
import { ROW_HEIGHT, TrackRow } from './TrackRow';

let firstRowMarked = false;
const OVERSCAN = 4;
/** Rows passed in one frame that make a scroll a fling (at 60 frames a second, ~14,000 px/s). */
const FLING_ROWS_PER_FRAME = 2;
/** How long after the last fast frame, or the last keystroke, the rows shown meanwhile load covers. */
const COVER_SETTLE_MS = 150;

/** Runs `run` before the next paint; where there is no frame clock (tests), soon after. */
const nextFrame = (run: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 16);
};

/** A value that belongs to one search/filter/sort: a new one reads as the initial value. */
interface Keyed {
  key: string;
  value: number;
}

/**
 * Only the rows in view (plus a few) exist in the DOM, so thousands of tracks cost what ten do.
 * Rows use a roving tabindex: Tab enters the list once, arrows move between rows.
 */
export function TrackList({ entries, resetKey }: { entries: readonly TrackEntry[]; resetKey: string }) {
  const { tracks, preview } = useFinder();
  const scroller = useRef<HTMLDivElement>(null);
  // The first row in view, not the pixel offset: scrolling within a row renders nothing.
  const [firstRow, setFirstRow] = useState<Keyed>({ key: resetKey, value: 0 });
  // The window's height bounds the list's: a guess that needs no layout, so the first render is not
  // followed by a forced layout and a second render before the first paint; the observer corrects it.
  const [viewport, setViewport] = useState(() =>
    typeof window === 'undefined' || !window.innerHeight ? 400 : window.innerHeight,
  );
  const [activeRow, setActiveRow] = useState<Keyed>({ key: resetKey, value: 0 });
  const pendingFocus = useRef<number | null>(null);
  // The last scroll offset seen, and whether a frame is already booked to act on it.
  const lastTop = useRef(0);
  const frameBooked = useRef(false);
  const keyRef = useRef(resetKey);
  keyRef.current = resetKey;
  // Flinging: rows fly past faster than anyone can look at them, so the ones that mount meanwhile
  // leave their covers unloaded (fetching and decoding a cover per row per frame is what drops
  // frames); the covers come once the list has been still for a moment.
  const [flinging, setFlinging] = useState(false);
  const flingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const endFling = useCallback(() => {
    flingTimer.current = null;
    setFlinging(false);
  }, []);
  useEffect(
    () => () => {
      if (flingTimer.current !== null) clearTimeout(flingTimer.current);
    },
    [],
  );

  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // Called once the list is laid out: its height is known then without forcing a layout.
    const observer = new ResizeObserver(([entry]) => {
      const height = Math.round(entry?.contentRect.height ?? 0);
      if (height > 0) setViewport(height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new search, filter or sort starts at the top: state kept for another key reads as 0, so no
  // second render; the element is only touched when it is not at the top already (no forced layout).
  const first = firstRow.key === resetKey ? firstRow.value : 0;
  const shownFirst = useRef(first);
  shownFirst.current = first;
  const active = activeRow.key === resetKey ? activeRow.value : 0;
  const setActive = useCallback((value: number) => setActiveRow({ key: keyRef.current, value }), []);
  const shownKey = useRef(resetKey);
  useLayoutEffect(() => {
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    // A scroll whose frame has not come yet counts as "not at the top".
    if ((lastTop.current !== 0 || frameBooked.current) && scroller.current) scroller.current.scrollTop = 0;
    lastTop.current = 0;
  }, [resetKey]);

  // One state update per frame at most, and only when another row becomes the first in view.
  const onScroll = useCallback(
    (event: { currentTarget: HTMLDivElement }) => {
      const element = event.currentTarget;
      if (frameBooked.current) return;
      frameBooked.current = true;
      nextFrame(() => {
        frameBooked.current = false;
        lastTop.current = element.scrollTop;
        const value = Math.floor(Math.max(0, lastTop.current) / ROW_HEIGHT);
        if (Math.abs(value - shownFirst.current) >= FLING_ROWS_PER_FRAME) {
          if (flingTimer.current !== null) clearTimeout(flingTimer.current);
          else setFlinging(true);
          flingTimer.current = setTimeout(endFling, COVER_SETTLE_MS);
        }
        // Not even a same-value setState: React may render once more before bailing out of one.
        if (value === shownFirst.current) return;
        setFirstRow((old) => {
          const current = old.key === keyRef.current ? old.value : 0;
          return current === value ? old : { key: keyRef.current, value };
        });
      });
    },
    [endFling],
  );

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
        lastTop.current = top;
        setFirstRow({ key: keyRef.current, value: Math.floor(top / ROW_HEIGHT) });
      }
      setActive(next);
      pendingFocus.current = next;
    },
    [entries.length, setActive],
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

  // Rows beyond the viewport wait until the rows in view are painted: a popup opening or a keystroke
  // renders only what the user sees, and the overscan follows a frame later.
  const [overscanKey, setOverscanKey] = useState<string | null>(null);
  const overscan = overscanKey === resetKey ? OVERSCAN : 0;
  useEffect(() => {
    if (overscanKey === resetKey) return;
    let live = true;
    nextFrame(() =>
      setTimeout(() => {
        if (live) setOverscanKey(keyRef.current);
      }, 0),
    );
    return () => {
      live = false;
    };
  }, [overscanKey, resetKey]);

  // Typing, like flinging, replaces the rows faster than covers are worth loading: rows of a search,
  // filter or sort that is about to change again wait with theirs until it has stood for a moment.
  const [settledKey, setSettledKey] = useState(resetKey);
  useEffect(() => {
    if (settledKey === resetKey) return;
    const timer = setTimeout(() => setSettledKey(resetKey), COVER_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [settledKey, resetKey]);
  const coversWait = flinging || settledKey !== resetKey;

  const range = visibleRange(first * ROW_HEIGHT, viewport, ROW_HEIGHT, entries.length, overscan);
  const activeIndex = Math.min(active, entries.length - 1);
  const rows: ReactElement[] = [];
  // The row with the roving tabindex exists even when scrolled away, so focus is never lost with it.
  const indexes: number[] = [];
  if (activeIndex >= 0 && (activeIndex < range.start || activeIndex >= range.end)) indexes.push(activeIndex);
  for (let index = range.start; index < range.end; index++) indexes.push(index);
  for (const index of indexes) {
    const entry = entries[index];
    if (!entry) continue;
    rows.push(
      <TrackRow
        key={entry.key}
        entry={entry}
        index={index}
        count={entries.length}
        focusable={index === activeIndex}
        coverDeferred={coversWait}
        onFocusRow={setActive}
      />,
    );
  }

  return (
    <div ref={scroller} className="track-scroller" onScroll={onScroll}>
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
