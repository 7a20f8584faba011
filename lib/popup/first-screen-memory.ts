/**
 * The last first screen the popup was shown, kept in the popup's own `localStorage` (synchronous,
 * same extension origin, no keys in it): the next popup paints those rows at once and the
 * background's answer replaces them a few tens of milliseconds later. Without it, the first rows
 * wait for a message round trip, and for a whole worker start-up when Chrome has stopped the worker.
 */
import { type CatalogAnswer, type ListQuery, sameList } from '../shared/protocol';
import { CML_PREVIEW_LIFETIME_MS } from '../shared/time';
import type { FinderDeps } from './finder-deps';
import { FIRST_SCREEN_KEY } from './popup-memory';

const VERSION = 1;

type Memory = NonNullable<FinderDeps['memory']>;

interface Stored {
  v: number;
  savedAt: number;
  query: ListQuery;
  answer: CatalogAnswer;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * What a row reads without checking: the background validated these tracks before sending them,
 * so this guards against a damaged or older value, not against hostile data.
 */
function isRowTrack(value: unknown): boolean {
  if (!isObject(value)) return false;
  return (
    ['provider', 'id', 'idKind', 'title', 'artist'].every((field) => typeof value[field] === 'string') &&
    Array.isArray(value.genres) &&
    value.genres.every((genre) => typeof genre === 'string') &&
    Array.isArray(value.rankHistory) &&
    value.rankHistory.every((point) => isObject(point) && typeof point.date === 'string') &&
    typeof value.cleared === 'boolean' &&
    (value.clips === null || isObject(value.clips))
  );
}

export interface RememberedScreen {
  answer: CatalogAnswer;
  /** The answer as JSON: a live answer with the same text need not be rendered again. */
  text: string;
}

/** The remembered first screen for this query, or null when there is none, it is old or unreadable. */
export function readFirstScreen(
  memory: Memory | null,
  query: ListQuery,
  now: number,
): RememberedScreen | null {
  try {
    const stored = JSON.parse(memory?.getItem(FIRST_SCREEN_KEY) || 'null') as Stored | null;
    if (!isObject(stored) || stored.v !== VERSION || !isObject(stored.query) || !isObject(stored.answer)) {
      return null;
    }
    if (
      typeof stored.savedAt !== 'number' ||
      now - stored.savedAt > CML_PREVIEW_LIFETIME_MS ||
      stored.savedAt > now
    ) {
      return null;
    }
    const { tracks, parts } = stored.answer;
    if (!sameList(stored.query, query) || !Array.isArray(tracks) || !Array.isArray(parts)) return null;
    if (tracks.length === 0 || !tracks.every(isRowTrack)) return null;
    return { answer: stored.answer, text: JSON.stringify(stored.answer) };
  } catch {
    return null;
  }
}

/**
 * Keeps a first screen with tracks and no problem to report; forgets the old one otherwise, so the
 * next popup never flashes an error or an "offline" that may be gone by then.
 */
export function rememberFirstScreen(
  memory: Memory | null,
  query: ListQuery,
  answer: CatalogAnswer,
  now: number,
  text: string = JSON.stringify(answer),
): void {
  try {
    if (answer.tracks.length === 0 || answer.offline || answer.parts.some((part) => part.error !== null)) {
      memory?.setItem(FIRST_SCREEN_KEY, '');
      return;
    }
    const head: Omit<Stored, 'answer'> = {
      v: VERSION,
      savedAt: now,
      query: { source: query.source, genre: query.genre, range: query.range },
    };
    // The answer's JSON is spliced in, not stringified a second time.
    memory?.setItem(FIRST_SCREEN_KEY, `${JSON.stringify(head).slice(0, -1)},"answer":${text}}`);
  } catch {
    // A full or disabled localStorage only costs the next popup its instant first rows.
  }
}
