/**
 * Layers sends no rank history, only how many posts use each sound. To tell which sounds are
 * breaking out, each refresh keeps the count an earlier refresh saw (lib/shared/breakout.ts
 * `fastestGrowing` ranks the growth). A count that has not moved since keeps the earlier
 * previous count, so a list refreshed twice a day still shows the growth of its last change.
 */
import type { Track } from '../../shared/track';

export function carryUserCounts(previous: readonly Track[], fresh: readonly Track[]): Track[] {
  if (previous.length === 0) return [...fresh];
  const before = new Map(previous.map((track) => [track.id, track]));
  return fresh.map((track) => {
    const old = before.get(track.id);
    if (!old || old.userCount === null || track.userCount === null) return track;
    const previousUserCount = old.userCount === track.userCount ? old.previousUserCount : old.userCount;
    return previousUserCount == null ? track : { ...track, previousUserCount };
  });
}
