import { useEffect, useState } from 'react';

/**
 * Whether `resetKey` has stood for `settleMs` (the first one counts as settled).
 *
 * Typing, like flinging, replaces the rows faster than covers are worth loading: rows of a search,
 * filter or sort that is about to change again wait with theirs until it has stood for a moment.
 */
export function useSettledKey(resetKey: string, settleMs: number): boolean {
  const [settledKey, setSettledKey] = useState(resetKey);
  useEffect(() => {
    if (settledKey === resetKey) return;
    const timer = setTimeout(() => setSettledKey(resetKey), settleMs);
    return () => clearTimeout(timer);
  }, [settledKey, resetKey, settleMs]);
  return settledKey === resetKey;
}
