import { i18n } from '#i18n';
/**
 * Rank trend from CML's `trending_history` (oldest first; a day may have no rank). Rank 1 is best,
 * so a rank going down in number is a track going up: change = previous rank − current rank.
 */

import { DAY_MS } from '../shared/time';

export interface RankPoint {
  date: string;
  rank: number | null;
}

const RISING_WINDOW = 7;

function ranked(history: readonly RankPoint[]): { date: string; rank: number }[] {
  return history.filter((point): point is { date: string; rank: number } => point.rank !== null);
}

/** Previous ranked day's rank − current rank (positive = rising); null without two ranked days. */
export function rankChange(history: readonly RankPoint[], currentRank: number | null): number | null {
  const days = ranked(history);
  const previous = days[days.length - 2];
  const latest = days[days.length - 1];
  const current = currentRank ?? latest?.rank ?? null;
  if (!previous || current === null) return null;
  return previous.rank - current;
}

/** Places gained over the last 7 ranked days, and over how many calendar days; null with under two. */
export function risingGain(history: readonly RankPoint[]): { gain: number; days: number } | null {
  const window = ranked(history).slice(-RISING_WINDOW);
  const first = window[0];
  const last = window[window.length - 1];
  if (!first || !last || window.length < 2) return null;
  const days = Math.max(1, Math.round((Date.parse(last.date) - Date.parse(first.date)) / DAY_MS) || 0);
  return { gain: first.rank - last.rank, days };
}

/** What the sparkline says to a screen reader: "Rank trend: up 12 places in 7 days". */
export function trendLabel(history: readonly RankPoint[]): string {
  const rising = risingGain(history);
  if (!rising) return i18n.t('popup.trend.none');
  const { gain, days } = rising;
  const span = i18n.t('popup.trend.days', days);
  if (gain === 0) return i18n.t('popup.trend.steady', { span });
  const change = gain > 0 ? i18n.t('popup.rank.up', gain) : i18n.t('popup.rank.down', -gain);
  return i18n.t('popup.trend.moved', { change, span });
}

/**
 * SVG path segments for the daily rank over the last 30 days: x by day, y by rank with rank 1 at
 * the top; a day without a rank breaks the line, a lone ranked day becomes a dot.
 */
export function sparklineSegments(
  history: readonly RankPoint[],
  width: number,
  height: number,
  pad = 2,
): { paths: string[]; dots: { x: number; y: number }[] } {
  const days = history.slice(-30);
  const ranks = ranked(days).map((point) => point.rank);
  if (ranks.length === 0) return { paths: [], dots: [] };
  const best = Math.min(...ranks);
  const worst = Math.max(...ranks);
  const xStep = days.length > 1 ? (width - 2 * pad) / (days.length - 1) : 0;
  const y = (rank: number) =>
    worst === best ? height / 2 : pad + ((rank - best) / (worst - best)) * (height - 2 * pad);
  const round = (n: number) => Math.round(n * 10) / 10;
  const paths: string[] = [];
  const dots: { x: number; y: number }[] = [];
  let run: string[] = [];
  const flush = (lastX: number, lastY: number) => {
    if (run.length > 1) paths.push(run.join(' '));
    else if (run.length === 1) dots.push({ x: lastX, y: lastY });
    run = [];
  };
  let lastX = 0;
  let lastY = 0;
  days.forEach((point, index) => {
    if (point.rank === null) {
      flush(lastX, lastY);
      return;
    }
    lastX = round(pad + index * xStep);
    lastY = round(y(point.rank));
    run.push(`${run.length === 0 ? 'M' : 'L'}${lastX} ${lastY}`);
  });
  flush(lastX, lastY);
  return { paths, dots };
}
