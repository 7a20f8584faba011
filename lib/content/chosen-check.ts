/**
 * A hand-written check of the chosen-track record for the content script, which must stay small on
 * every page and so carries no zod. It is built from the same value lists as the background's
 * `chosenTrackSchema`; tests/unit/content/background-link.test.ts checks that the two agree.
 */
import { isStoredMediaUrl } from '../shared/media-url';
import { type ChosenTrack, CLIP_CHOICES, ID_KINDS, PROVIDERS } from '../shared/track';

const has = <T extends string>(values: readonly T[], value: unknown): value is T =>
  (values as readonly unknown[]).includes(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The chosen track, or null when the value is absent or not a well-formed record. */
export function parseChosen(value: unknown): ChosenTrack | null {
  if (!isRecord(value)) return null;
  const { provider, id, idKind, title, artist, clip, durationSec, cleared, chosenAt, coverUrl } = value;
  const valid =
    has(PROVIDERS, provider) &&
    typeof id === 'string' &&
    id.length > 0 &&
    has(ID_KINDS, idKind) &&
    typeof title === 'string' &&
    typeof artist === 'string' &&
    (clip === null || has(CLIP_CHOICES, clip)) &&
    (durationSec === null || (Number.isFinite(durationSec) && (durationSec as number) >= 0)) &&
    typeof cleared === 'boolean' &&
    Number.isFinite(chosenAt) &&
    (coverUrl === undefined ||
      coverUrl === null ||
      (typeof coverUrl === 'string' && isStoredMediaUrl(coverUrl)));
  if (!valid) return null;
  return {
    provider,
    id,
    idKind,
    title,
    artist,
    clip: clip as ChosenTrack['clip'],
    durationSec: durationSec as number | null,
    cleared,
    chosenAt: chosenAt as number,
    ...(coverUrl === undefined ? {} : { coverUrl: coverUrl as string | null }),
  };
}
