import { useCallback, useEffect, useRef, useState } from 'react';

/** Rows passed in one frame that make a scroll a fling (at 60 frames a second, ~14,000 px/s). */
const FLING_ROWS_PER_FRAME = 2;

export interface Fling {
  /** Rows are flying past: rows that mount now leave their covers unloaded. */
  flinging: boolean;
  /** Called once per scroll frame with how many rows the first row in view moved since the last render. */
  onScrollFrame: (rowsMoved: number) => void;
}

/**
 * Flinging: rows fly past faster than anyone can look at them, so the ones that mount meanwhile
 * leave their covers unloaded (fetching and decoding a cover per row per frame is what drops
 * frames); the covers come once the list has been still for a moment (`settleMs` after the last
 * fast frame).
 */
export function useFling(settleMs: number): Fling {
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

  // Only the first fast frame sets state; later ones just push the end back.
  const onScrollFrame = useCallback(
    (rowsMoved: number) => {
      if (Math.abs(rowsMoved) < FLING_ROWS_PER_FRAME) return;
      if (flingTimer.current !== null) clearTimeout(flingTimer.current);
      else setFlinging(true);
      flingTimer.current = setTimeout(endFling, settleMs);
    },
    [endFling, settleMs],
  );

  return { flinging, onScrollFrame };
}
