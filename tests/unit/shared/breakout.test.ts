/**
 * New, Breakout and Fading at the edges of their thresholds, on a fixed clock: each rule fires at
 * its threshold and not one place or one day short of it.
 */
import { describe, expect, it } from 'vitest';
import {
  BREAKOUT_DAYS,
  BREAKOUT_PLACES,
  FADING_DAYS,
  FADING_PLACES,
  FROM_BELOW,
  fastestGrowing,
  GROWING_MIN,
  GROWING_TOP,
  NEW_DAYS,
  type RankPoint,
  TOP,
  trendBadges,
} from '@/lib/shared/breakout';
import { DAY_MS } from '@/lib/shared/time';

const NOW = Date.UTC(2026, 1, 15, 12);

/** 30 days of history ending today; `ranks` maps days ago to a rank (others: off the chart). */
function history(ranks: Record<number, number>, days = 30): RankPoint[] {
  return Array.from({ length: days }, (_, index) => {
    const ago = days - 1 - index;
    return { date: new Date(NOW - ago * DAY_MS).toISOString().slice(0, 10), rank: ranks[ago] ?? null };
  });
}
const steady = (rank: number, from = 29) =>
  Object.fromEntries(Array.from({ length: from + 1 }, (_, ago) => [ago, rank]));

describe('New', () => {
  it(`is a first day on the chart within the last ${NEW_DAYS} days, and not one day earlier`, () => {
    expect(trendBadges(history({ [NEW_DAYS]: 80, 1: 75, 0: 70 }), NOW)).toEqual(['new']);
    expect(trendBadges(history({ [NEW_DAYS + 1]: 80, 0: 70 }), NOW)).toEqual([]);
  });

  it('needs a history reaching back further: a short one cannot tell', () => {
    expect(trendBadges(history({ 1: 70, 0: 60 }, NEW_DAYS + 1), NOW)).toEqual([]);
    expect(trendBadges(history({ 1: 70, 0: 60 }, NEW_DAYS + 2), NOW)).toEqual(['new']);
  });
});

describe('Breakout', () => {
  it(`is ${BREAKOUT_PLACES} places up within ${BREAKOUT_DAYS} days, not ${BREAKOUT_PLACES - 1}, not over ${BREAKOUT_DAYS + 1}`, () => {
    expect(
      trendBadges(
        history({ ...steady(60), [BREAKOUT_DAYS]: 45, 2: 45, 1: 45, 0: 45 - BREAKOUT_PLACES }),
        NOW,
      ),
    ).toEqual(['breakout']);
    expect(
      trendBadges(
        history({ ...steady(60), [BREAKOUT_DAYS]: 45, 2: 45, 1: 45, 0: 46 - BREAKOUT_PLACES }),
        NOW,
      ),
    ).toEqual([]);
    expect(
      trendBadges(
        history({ ...steady(45), [BREAKOUT_DAYS]: 30, 2: 30, 1: 30, 0: 45 - BREAKOUT_PLACES }),
        NOW,
      ),
    ).toEqual([]);
  });

  it(`is into the top ${TOP} within ${BREAKOUT_DAYS} days from below ${FROM_BELOW}`, () => {
    const from = (rank: number, enteredAgo: number) =>
      trendBadges(history({ ...steady(rank), ...steady(TOP, enteredAgo), 20: rank, 12: rank }), NOW);
    // From 51 straight into the top 10 two days ago: far more than 20 places, but outside the
    // places rule's window only when the climb started earlier; here both agree.
    expect(from(FROM_BELOW + 1, 2)).toContain('breakout');
    // Off the chart in between: the last rank before the top 10 still counts.
    expect(trendBadges(history({ 20: FROM_BELOW + 1, [BREAKOUT_DAYS]: TOP, 0: TOP }), NOW)).toEqual([
      'breakout',
    ]);
    expect(trendBadges(history({ 20: FROM_BELOW, [BREAKOUT_DAYS]: TOP, 0: TOP }), NOW)).toEqual([]);
    expect(trendBadges(history({ 20: FROM_BELOW + 1, [BREAKOUT_DAYS + 1]: TOP, 0: TOP }), NOW)).toEqual([]);
    expect(trendBadges(history({ 20: FROM_BELOW + 1, [BREAKOUT_DAYS]: TOP + 1, 0: TOP + 1 }), NOW)).toEqual(
      [],
    );
  });
});

describe('Fading', () => {
  it(`is ${FADING_PLACES} places down within ${FADING_DAYS} days, not ${FADING_PLACES - 1}, not over ${FADING_DAYS + 1}`, () => {
    expect(trendBadges(history({ ...steady(30), [FADING_DAYS]: 10, 0: 10 + FADING_PLACES }), NOW)).toEqual([
      'fading',
    ]);
    expect(trendBadges(history({ ...steady(25), [FADING_DAYS]: 10, 0: 9 + FADING_PLACES }), NOW)).toEqual([]);
    expect(
      trendBadges(history({ ...steady(30), [FADING_DAYS + 1]: 10, 0: 10 + FADING_PLACES }), NOW),
    ).toEqual([]);
  });
});

describe('any badge', () => {
  it('needs the track on the chart today or yesterday; a steady track has none', () => {
    expect(trendBadges(history({ [NEW_DAYS]: 80, 2: 20 }), NOW)).toEqual([]);
    expect(trendBadges(history(steady(12)), NOW)).toEqual([]);
    expect(trendBadges([], NOW)).toEqual([]);
  });

  it('can be New and Breakout at once', () => {
    expect(trendBadges(history({ 2: 90, 0: 90 - BREAKOUT_PLACES }), NOW)).toEqual(['new', 'breakout']);
  });
});

describe('Layers: fastest growing use counts', () => {
  const counted = (key: string, before: number | null | undefined, now: number | null) => ({
    key,
    userCount: now,
    previousUserCount: before,
  });

  it(`marks growth of ${GROWING_MIN * 100} % and not just under it`, () => {
    const marked = fastestGrowing([
      counted('at', 1000, 1000 * (1 + GROWING_MIN)),
      counted('under', 1000, 1049),
    ]);
    expect([...marked]).toEqual(['at']);
  });

  it(`keeps only the ${GROWING_TOP} fastest, fastest first`, () => {
    const tracks = Array.from({ length: GROWING_TOP + 5 }, (_, i) => counted(`t${i}`, 100, 110 + i * 10));
    const marked = [...fastestGrowing(tracks)];
    expect(marked).toHaveLength(GROWING_TOP);
    expect(marked[0]).toBe(`t${GROWING_TOP + 4}`);
    expect(marked).not.toContain('t0');
  });

  it('marks nothing without a previous count, with a zero one, or when counts fell', () => {
    const marked = fastestGrowing([
      counted('first refresh', undefined, 500),
      counted('unknown', null, 500),
      counted('from zero', 0, 500),
      counted('fell', 500, 100),
      counted('no count', 500, null),
    ]);
    expect(marked.size).toBe(0);
  });
});
