/**
 * The alerts in the browser: after each periodic refresh, read the cached CML lists, let
 * `digest.ts` decide, show at most one notification; its click opens the finder on those tracks.
 * Nothing is fetched here and nothing leaves the device: the lists are the ones already cached.
 */
import { browser } from 'wxt/browser';
import { DATE_RANGES, DEFAULT_DATE_RANGE, GENRES, type Genre } from '../../shared/genres';
import type { CatalogEntry } from '../catalog/catalog-cache';
import { cmlEntry, type EntryId, entryKey } from '../catalog/entry-key';
import { openFinderWith } from '../side-panel';
import { alertLogItem, alertPrefsItem, favoritesItem } from '../storage';
import { type AlertList, planAlerts } from './digest';
import { anyAlertOn, notificationsAllowed } from './handlers';

export interface AlertEnv {
  now(): number;
  isOnline(): boolean;
  /** The cached entries among `ids` (the catalog engine's cache); never a fetch. */
  readCached(ids: EntryId[]): Promise<Map<string, CatalogEntry>>;
}

/** Our notifications' ids start with this: a click on anything else is not ours to handle. */
export const ALERT_ID_PREFIX = 'cleartune-alert-';
/** Chrome's "the window the user is in" for `sidePanel.open`. */
const CURRENT_WINDOW = -2;

/** The lists to read: the chosen genres' (or every genre's, for favorites), the default range first. */
function listIds(genres: readonly Genre[]): EntryId[] {
  const ranges = [DEFAULT_DATE_RANGE, ...DATE_RANGES.filter((range) => range !== DEFAULT_DATE_RANGE)];
  return ranges.flatMap((range) => genres.map((genre) => cmlEntry(genre, range)));
}

async function readLists(env: AlertEnv, genres: readonly Genre[]): Promise<AlertList[]> {
  const ids = listIds(genres);
  const entries = await env.readCached(ids);
  const lists: AlertList[] = [];
  for (const id of ids) {
    const entry = entries.get(entryKey(id));
    if (entry && id.provider === 'bundle-social')
      lists.push({ genre: id.genre, range: id.range, tracks: entry.tracks, error: entry.error });
  }
  return lists;
}

let running: Promise<string | null> = Promise.resolve(null);

/**
 * Looks for something to announce and shows it: one notification at most, none while offline, while
 * a key is rejected, or without the permission. Answers the notification's id, null when none.
 * Checks run one at a time, so two refreshes never announce the same track.
 */
export function checkAlerts(env: AlertEnv): Promise<string | null> {
  running = running.catch(() => null).then(() => check(env));
  return running;
}

async function check(env: AlertEnv): Promise<string | null> {
  const prefs = await alertPrefsItem.get();
  if (!anyAlertOn(prefs) || !env.isOnline() || !(await notificationsAllowed())) return null;
  const favorites = prefs.favoritesTop10 ? await favoritesItem.get() : [];
  const wantsAll = favorites.some((key) => key.startsWith('bundle-social:'));
  const genres = wantsAll
    ? [...prefs.breakoutGenres, ...GENRES.filter((genre) => !prefs.breakoutGenres.includes(genre))]
    : prefs.breakoutGenres;
  const lists = await readLists(env, genres);
  const log = await alertLogItem.get();
  const now = env.now();
  const plan = planAlerts({ prefs, lists, favorites, announced: log.announced, now, online: env.isOnline() });
  const { digest } = plan;
  const id = `${ALERT_ID_PREFIX}${now}`;
  const shown = digest ? [{ id, keys: digest.keys, query: digest.query }, ...log.shown] : log.shown;
  // Remembered before it is shown: a worker stopped in between loses one alert, never repeats one.
  await alertLogItem.set({ announced: plan.announced, shown: shown.slice(0, 10) });
  if (!digest) return null;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: digest.title,
    message: digest.message,
  });
  return id;
}

/**
 * A click on an alert: the finder opens (the side panel, else the popup) showing those tracks alone
 * in the list they came from, and the notification goes away.
 */
export function openAlert(notificationId: string): Promise<void> | undefined {
  if (!notificationId.startsWith(ALERT_ID_PREFIX)) return undefined;
  const handover = alertLogItem.get().then(async (log) => {
    const shown = log.shown.find((alert) => alert.id === notificationId);
    await alertLogItem.set({ ...log, shown: log.shown.filter((alert) => alert !== shown) });
    return shown ? { text: '', keys: shown.keys, ...(shown.query ? { query: shown.query } : {}) } : null;
  });
  // The panel opens only within the click: asked for before anything is awaited.
  const opening = openFinderWith(CURRENT_WINDOW, handover);
  return opening.finally(() => browser.notifications.clear(notificationId).catch(() => false));
}

let listening = false;

/** Listens for clicks on alerts once the notifications API is there (it comes with the permission). */
function listenForClicks(): void {
  if (listening || !browser.notifications) return;
  listening = true;
  browser.notifications.onClicked.addListener((id) => {
    void openAlert(id)?.catch(() => undefined);
  });
}

export function setupAlerts(): void {
  // Synchronously at start, so the click that woke the worker is heard.
  listenForClicks();
  browser.permissions?.onAdded?.addListener(() => listenForClicks());
}
