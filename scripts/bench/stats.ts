/** Summaries of repeated measurements: nearest-rank percentiles, so every figure is an observed value. */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: percentile(values, 50),
    p95: percentile(values, 95),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** Two decimals at most: enough for ms on a noisy machine, and stable in results.json diffs. */
export const round = (value: number, digits = 2): number =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : value;

export function roundSummary(summary: Summary): Summary {
  return {
    n: summary.n,
    median: round(summary.median),
    p95: round(summary.p95),
    min: round(summary.min),
    max: round(summary.max),
  };
}

/**
 * Runs `sides` in turn, `rounds` times, in ABBA order (A B B A A B …) so a drift in machine speed
 * during the run weighs on every side alike.
 */
export async function alternate<K extends string>(
  rounds: number,
  sides: readonly K[],
  run: (side: K, round: number) => Promise<number>,
): Promise<Record<K, number[]>> {
  const results = Object.fromEntries(sides.map((side) => [side, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) results[side].push(await run(side, r));
  }
  return results;
}
