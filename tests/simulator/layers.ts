/**
 * The seeded Layers catalog: `GET /v1/tiktok-music` → `{ tracks, total }`, sorted by `userCount`
 * descending (seed-layers-tiktok-music.md). A pure function of the seed.
 */
import { Rng } from './rng';
import { albumName, type Lang, titleAndArtist } from './words';

export interface LayersTrack {
  id: string;
  title: string;
  author: string;
  album: string;
  duration: number;
  previewUrl: string;
  coverUrl: string;
  language: string;
  userCount: number;
  isCommerceMusic: boolean;
}

/** How many tracks the Layers catalog holds. */
export const LAYERS_TRACK_COUNT = 520;

/**
 * Awkward Layers tracks by index into `catalog.layers()` (which is sorted by userCount descending).
 *
 * - `notCleared`: `isCommerceMusic: false` near the top (about a fifth of all tracks are not cleared).
 * - `htmlTitle`: title `<img src=x onerror=alert(1)>`. `arabic`: Arabic title (right to left).
 * - `emptyAlbum`: `album: ''` (common throughout). `fractionalDuration`: `duration: 29.5`.
 * - `tie`: this index and the next share one `userCount`. `zeroUsers`: the last track, `userCount: 0`.
 */
export const LAYERS_AWKWARD = {
  notCleared: 2,
  htmlTitle: 7,
  arabic: 5,
  emptyAlbum: 9,
  fractionalDuration: 13,
  tie: 20,
  zeroUsers: LAYERS_TRACK_COUNT - 1,
} as const;

const LANGS: Lang[] = [
  ...Array<Lang>(10).fill('en'),
  'es',
  'es',
  'es',
  'pt',
  'pt',
  'ja',
  'ko',
  'ko',
  'fr',
  'de',
  'ar',
  'hi',
  'id',
  'tr',
];

export function buildLayersCatalog(seed: string): LayersTrack[] {
  const rng = Rng.of(seed, 'layers');
  // Popularity falls off like a long tail; sorted descending with one deliberate tie.
  const counts: number[] = [];
  let count = 2_400_000 + rng.int(0, 400_000);
  for (let i = 0; i < LAYERS_TRACK_COUNT; i++) {
    counts.push(count);
    count = Math.max(0, Math.floor(count * (0.955 + rng.next() * 0.04)) - rng.int(0, 50));
  }
  counts[LAYERS_AWKWARD.tie + 1] = counts[LAYERS_AWKWARD.tie]!;
  counts[LAYERS_TRACK_COUNT - 1] = 0;
  for (let i = LAYERS_TRACK_COUNT - 2; i >= 0; i--) counts[i] = Math.max(counts[i]!, counts[i + 1]!);

  const tracks: LayersTrack[] = [];
  for (let i = 0; i < LAYERS_TRACK_COUNT; i++) {
    const id = rng.uuid();
    let language: Lang = rng.pick(LANGS);
    let { title, artist } = titleAndArtist(rng, language);
    let album = albumName(rng, title);
    let duration = rng.int(9, 60);
    let isCommerceMusic = !rng.chance(0.2);
    if (i === LAYERS_AWKWARD.notCleared) isCommerceMusic = false;
    if (i === LAYERS_AWKWARD.htmlTitle) title = '<img src=x onerror=alert(1)>';
    if (i === LAYERS_AWKWARD.arabic) {
      language = 'ar';
      ({ title, artist } = titleAndArtist(rng, 'ar'));
    }
    if (i === LAYERS_AWKWARD.emptyAlbum) album = '';
    if (i === LAYERS_AWKWARD.fractionalDuration) duration = 29.5;
    tracks.push({
      id,
      title,
      author: artist,
      album,
      duration,
      previewUrl: `https://media.layers.com/music/${id}/preview.mp3`,
      coverUrl: `https://media.layers.com/music/${id}/cover.jpg`,
      language,
      userCount: counts[i]!,
      isCommerceMusic,
    });
  }
  return tracks;
}
