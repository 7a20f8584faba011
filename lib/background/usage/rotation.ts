/**
 * Rotation: when each id was last used and where, so the finder can say "Used 3 days ago" and hide
 * what was used lately. Answered from the usage record (newest use per id), with the window the
 * options page sets.
 */

import { DEFAULT_ROTATION_DAYS, type LastUses } from '../../shared/protocol';
import type { MessageHandlers } from '../messages';
import { rotationDaysItem, usageItem } from '../storage';

export async function lastUses(): Promise<LastUses> {
  const [entries, days] = await Promise.all([usageItem.get(), rotationDaysItem.get()]);
  const latest = new Map<string, LastUses['uses'][number]>();
  // The record is oldest first: a later entry replaces an earlier one of the same id.
  for (const [at, provider, id, , , , , , , , , site] of entries) {
    const key = `${provider}:${id}`;
    const known = latest.get(key);
    if (!known || known[2] <= at) latest.set(key, [provider, id, at, site]);
  }
  return { days: days ?? DEFAULT_ROTATION_DAYS, uses: [...latest.values()] };
}

export function rotationHandlers(): MessageHandlers {
  return {
    getLastUses: () => lastUses(),
    async setRotationDays({ days }) {
      await rotationDaysItem.set(days);
      return days;
    },
  };
}
