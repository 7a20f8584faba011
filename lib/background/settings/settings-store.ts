/**
 * Every write to settings and favorites (composer sites are part of settings) goes through one
 * queue, and each applies its change to the value stored at that moment. Two windows saving at
 * once, a site added while a key is saved, a favorite toggled during an import: every change lands.
 */
import type { Settings } from '../../shared/protocol';
import { MAX_FAVORITES } from '../schemas/settings';
import { createSerialQueue } from '../serial-queue';
import { favoritesItem, settingsItem } from '../storage';

const serially = createSerialQueue();

/**
 * Applies `change` to the latest stored settings and stores the result. `change` may do work that
 * must not interleave with other changes (registering a site's content script); if it throws,
 * nothing is stored. Returning `latest` itself stores nothing.
 */
export function changeSettings(
  change: (latest: Settings) => Settings | Promise<Settings>,
): Promise<{ previous: Settings; next: Settings }> {
  return serially(async () => {
    const previous = await settingsItem.get();
    const next = await change(previous);
    if (next !== previous) await settingsItem.set(next);
    return { previous, next };
  });
}

/** Applies `change` to the latest stored favorites; keeps the newest `MAX_FAVORITES`. */
export function changeFavorites(change: (latest: string[]) => string[]): Promise<string[]> {
  return serially(async () => {
    const next = change(await favoritesItem.get()).slice(-MAX_FAVORITES);
    await favoritesItem.set(next);
    return next;
  });
}
