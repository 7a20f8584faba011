import { useLayoutEffect } from 'react';

/**
 * For the benchmark (scripts/bench/probe.ts, scripts/bench/popup-figures.ts): `cleartune:first-row`
 * once the first rows are rendered, then `cleartune:list-updated` on every list update. Only the bench
 * build (`CLEARTUNE_BENCH=1 wxt build`) has them: elsewhere `__CLEARTUNE_BENCH__` is `false`, the hook
 * is an empty function, and the minifier drops the marks and this state.
 */
let firstRowMarked = false;

function useListMarks(entries: readonly unknown[]): void {
  useLayoutEffect(() => {
    if (entries.length === 0) return;
    performance.mark(firstRowMarked ? 'cleartune:list-updated' : 'cleartune:first-row');
    firstRowMarked = true;
  }, [entries]);
}

// The flag is a compile-time constant, so every render of every build calls the same hooks.
export const useBenchMarks: (entries: readonly unknown[]) => void = __CLEARTUNE_BENCH__
  ? useListMarks
  : () => {};
