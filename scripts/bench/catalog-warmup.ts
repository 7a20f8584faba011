/**
 * The warm cache the popup figures run on: demo credentials saved, every genre of one range and the
 * Layers catalog fetched through the simulator and stored, plus enough lists of another range that
 * the cache holds at least 5,000 tracks (42 genres hold at most 4,200).
 */
import type { Page } from '@playwright/test';
import { GENRES } from '../../lib/shared/genres';
import { DEMO_CREDENTIALS } from '../../tests/simulator';
import { ask, pause } from './harness';

export const RANGE = '7DAY';
const EXTRA_RANGE = '30DAY';
export const MIN_CACHED_TRACKS = 5000;
export const ALL_QUERY = { source: 'all', genre: 'ALL', range: RANGE } as const;

interface Answer {
  tracks: unknown[];
  parts: { provider: string; status: string; fetchedAt: number | null }[];
}

export interface CacheInfo {
  /** Tracks stored across all cache entries. */
  cachedTracks: number;
  entries: number;
  /** `storage.local.getBytesInUse(null)`: everything the extension stores. */
  storageBytes: number;
  /** Tracks in the popup's "All" answer for the range (merged: a track in two genres counts once). */
  allGenresAnswerTracks: number;
  extraLists: string[];
}

/** Counts what the extension has stored, from an extension page. */
export async function readCache(
  page: Page,
): Promise<Omit<CacheInfo, 'allGenresAnswerTracks' | 'extraLists'>> {
  return page.evaluate(async () => {
    const all = (await chrome.storage.local.get(null)) as Record<string, unknown>;
    // Entries are stored as JSON text (objects by releases before that).
    const entries = Object.entries(all)
      .filter(([key]) => key.startsWith('catalog:'))
      .map(([, value]) => (typeof value === 'string' ? JSON.parse(value) : value) as { tracks?: unknown[] });
    return {
      cachedTracks: entries.reduce((sum, value) => sum + (value.tracks?.length ?? 0), 0),
      entries: entries.length,
      storageBytes: await chrome.storage.local.getBytesInUse(null),
    };
  });
}

const cml = (genre: string, range: string) => ({ source: 'bundle-social', genre, range });

export async function warmCache(page: Page): Promise<CacheInfo> {
  await ask(page, 'saveSettings', DEMO_CREDENTIALS);
  await Promise.all([
    ...GENRES.map((genre) => ask(page, 'getCatalog', cml(genre, RANGE))),
    ask(page, 'getCatalog', { source: 'layers', genre: 'POP', range: RANGE }),
  ]);
  const extraLists: string[] = [];
  for (const genre of GENRES) {
    if ((await readCache(page)).cachedTracks >= MIN_CACHED_TRACKS) break;
    await ask(page, 'getCatalog', cml(genre, EXTRA_RANGE));
    extraLists.push(`${genre}/${EXTRA_RANGE}`);
  }
  // Every part fresh and nothing refreshing: the popup will be served from the cache alone.
  for (let attempt = 0; ; attempt++) {
    const answer = await ask<Answer>(page, 'getCatalog', ALL_QUERY);
    if (answer.parts.every((part) => part.status === 'fresh')) {
      return { ...(await readCache(page)), allGenresAnswerTracks: answer.tracks.length, extraLists };
    }
    if (attempt > 60) {
      throw new Error(`The cache did not settle: ${JSON.stringify(answer.parts)}`);
    }
    await pause(500);
  }
}
