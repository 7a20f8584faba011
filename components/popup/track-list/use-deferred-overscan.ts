import { useEffect, useState } from 'react';
import { useLatest } from './keyed';
import { nextFrame } from './next-frame';

/**
 * The overscan to render with: 0 for the first frame of each `resetKey`, `overscan` from then on.
 *
 * Rows beyond the viewport wait until the rows in view are painted: a popup opening or a keystroke
 * renders only what the user sees, and the overscan follows a frame later.
 */
export function useDeferredOverscan(resetKey: string, overscan: number): number {
  const keyRef = useLatest(resetKey);
  const [overscanKey, setOverscanKey] = useState<string | null>(null);
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
  }, [overscanKey, resetKey, keyRef]);
  return overscanKey === resetKey ? overscan : 0;
}
