import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { scrollToReveal } from '@/lib/popup/virtual';
import { type Keyed, keyedValue, useLatest } from './keyed';
import { nextFrame } from './next-frame';

export interface VirtualRows {
  /** For the scrolling element. */
  scroller: RefObject<HTMLDivElement | null>;
  /** For the scrolling element's `onScroll`. */
  onScroll: (event: { currentTarget: HTMLDivElement }) => void;
  /** The first row in view; 0 for a `resetKey` not scrolled yet. */
  first: number;
  /** The scroller's height, px. */
  viewport: number;
  /** Scrolls as little as possible to bring row `index` fully into view. */
  reveal: (index: number) => void;
}

/**
 * Where a list of fixed-height rows is scrolled to, as the first row in view and the height of the
 * view: enough for `visibleRange` to pick the only rows that need to exist in the DOM.
 * `onScrollFrame` hears, once per scroll frame, how many rows the first row in view moved.
 */
export function useVirtualRows(
  resetKey: string,
  rowHeight: number,
  onScrollFrame?: (rowsMoved: number) => void,
): VirtualRows {
  const scroller = useRef<HTMLDivElement>(null);
  // The first row in view, not the pixel offset: scrolling within a row renders nothing.
  const [firstRow, setFirstRow] = useState<Keyed>({ key: resetKey, value: 0 });
  // The window's height bounds the list's: a guess that needs no layout, so the first render is not
  // followed by a forced layout and a second render before the first paint; the observer corrects it.
  const [viewport, setViewport] = useState(() =>
    typeof window === 'undefined' || !window.innerHeight ? 400 : window.innerHeight,
  );
  // The last scroll offset seen, and whether a frame is already booked to act on it.
  const lastTop = useRef(0);
  const frameBooked = useRef(false);
  const keyRef = useLatest(resetKey);

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
  const first = keyedValue(firstRow, resetKey);
  const shownFirst = useLatest(first);
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
        const value = Math.floor(Math.max(0, lastTop.current) / rowHeight);
        onScrollFrame?.(value - shownFirst.current);
        // Not even a same-value setState: React may render once more before bailing out of one.
        if (value === shownFirst.current) return;
        setFirstRow((old) => {
          const current = keyedValue(old, keyRef.current);
          return current === value ? old : { key: keyRef.current, value };
        });
      });
    },
    [rowHeight, onScrollFrame, shownFirst, keyRef],
  );

  const reveal = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const top = scrollToReveal(index, element.scrollTop, element.clientHeight, rowHeight);
      element.scrollTop = top;
      lastTop.current = top;
      setFirstRow({ key: keyRef.current, value: Math.floor(top / rowHeight) });
    },
    [rowHeight, keyRef],
  );

  return { scroller, onScroll, first, viewport, reveal };
}
