/**
 * The two bits of lib/track.ts the popup needs at run time, restated here because importing that
 * module pulls all of zod into the popup bundle (its schemas are built at module load).
 * tests/unit/popup-track-identity.test.ts keeps both in step with lib/track.ts.
 */
import type { Provider, Track } from '../background/schemas/track';

export const PROVIDER_LABELS: Record<Provider, string> = {
  'bundle-social': 'bundle.social',
  layers: 'Layers',
};

/** Same as lib/track.ts `trackKey`: favorites are stored under it. */
export function keyOfTrack(track: Pick<Track, 'provider' | 'id'>): string {
  return `${track.provider}:${track.id}`;
}
