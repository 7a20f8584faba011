/**
 * New, Breakout and Fading, from a CML track's daily rank history (oldest first, up to 30 days; a
 * day may have no rank: the track was not on the chart). Rank 1 is best: a track "goes up" when its
 * rank number falls. Days are calendar days in UTC, counted back from `now`.
 *
 * - New: on the chart for the first time within the last `NEW_DAYS` days, in a history that reaches
 *   further back than that (otherwise it is unknown whether it charted before).
 * - Breakout: up at least `BREAKOUT_PLACES` places within `BREAKOUT_DAYS` days, or into the top
 *   `TOP` within `BREAKOUT_DAYS` days from below `FROM_BELOW` (its last rank before was worse).
 * - Fading: down at least `FADING_PLACES` places within `FADING_DAYS` days.
 */
import { DAY_MS } from './time';

export const NEW_DAYS = 3;
export const BREAKOUT_PLACES = 20;
export const BREAKOUT_DAYS = 3;
export const TOP = 10;
export const FROM_BELOW = 50;
export const FADING_PLACES = 20;
export const FADING_DAYS = 7;

export type TrendBadge = 'new' | 'breakout' | 'fading';

export interface RankPoint {
  date: string;
  rank: number | null;
}

interface Ranked {
  day: number;
  rank: number;
}

const dayOf = (date: string): number => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** The badges a history earns today (none, one, or New and Breakout together). */
export function trendBadges(history: readonly RankPoint[], now: number): TrendBadge[] {
  const today = Math.floor(now / DAY_MS);
  const ranked: Ranked[] = history
    .filter((point): point is { date: string; rank: number } => point.rank !== null)
    .map((point) => ({ day: dayOf(point.date), rank: point.rank }))
    .filter((point) => Number.isFinite(point.day) && point.day <= today);
  const latest = ranked[ranked.length - 1];
  const first = ranked[0];
  const oldest = history[0] ? dayOf(history[0].date) : Number.NaN;
  // Only a track on today's or yesterday's chart is trending now.
  if (!latest || !first || latest.day < today - 1) return [];
  const since = (days: number) => ranked.filter((point) => point.day >= today - days);
  const badges: TrendBadge[] = [];

  if (first.day >= today - NEW_DAYS && oldest < today - NEW_DAYS) badges.push('new');

  const recent = since(BREAKOUT_DAYS);
  const worstRecent = Math.max(...recent.map((point) => point.rank));
  let streak = ranked.length - 1;
  while (streak > 0 && (ranked[streak - 1]?.rank ?? Number.POSITIVE_INFINITY) <= TOP) streak -= 1;
  const entered = ranked[streak];
  const before = ranked[streak - 1];
  const intoTop =
    latest.rank <= TOP &&
    entered !== undefined &&
    entered.day >= today - BREAKOUT_DAYS &&
    before !== undefined &&
    before.rank > FROM_BELOW;
  if (worstRecent - latest.rank >= BREAKOUT_PLACES || intoTop) badges.push('breakout');

  const bestRecent = Math.min(...since(FADING_DAYS).map((point) => point.rank));
  if (latest.rank - bestRecent >= FADING_PLACES) badges.push('fading');
  return badges;
}

/**
 * Layers has no rank history: its breakout is a use count that grew fastest since the previous
 * refresh that saw it change. At most `GROWING_TOP` tracks of a list, each grown by at least
 * `GROWING_MIN` (5 %, so a list where nothing moves marks nothing).
 */
export const GROWING_TOP = 10;
export const GROWING_MIN = 0.05;

export interface CountedTrack {
  key: string;
  userCount: number | null;
  previousUserCount?: number | null;
}

/** Growth since the previous count, as a fraction (0.25 = 25 %); null when either count is unknown. */
export function userGrowth(track: CountedTrack): number | null {
  const before = track.previousUserCount;
  if (track.userCount === null || before === null || before === undefined || before <= 0) return null;
  return (track.userCount - before) / before;
}

/** The keys of the tracks whose use count grew fastest. */
export function fastestGrowing(tracks: readonly CountedTrack[]): Set<string> {
  const grown: { key: string; growth: number }[] = [];
  for (const track of tracks) {
    const growth = userGrowth(track);
    if (growth !== null && growth >= GROWING_MIN) grown.push({ key: track.key, growth });
  }
  grown.sort((a, b) => b.growth - a.growth);
  return new Set(grown.slice(0, GROWING_TOP).map((track) => track.key));
}
