/**
 * Bodies for fault scenarios: proxy HTML pages, malformed JSON, lists mixing valid and invalid
 * items, and huge bodies. Pure functions of their inputs.
 */
import type { CmlTrack } from './cml';
import type { LayersTrack } from './layers';
import type { SimTeam } from './teams';

/** Every scenario a provider (or one of its paths) can be put into. */
export const SCENARIOS = [
  'latency',
  'rate-limited',
  'server-error',
  'bad-gateway',
  'hang',
  'malformed-json',
  'html-error',
  'mixed-invalid',
  'empty',
  'not-found',
  'huge',
  'offline',
  'connection-refused',
  'redirect',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Where `redirect` points by default: a host that is neither provider's. */
export const REDIRECT_TARGET = 'https://collector.example/v1/capture';

/** Scenarios that reshape a successful data response instead of replacing the whole exchange. */
export const DATA_SCENARIOS: readonly ScenarioName[] = ['mixed-invalid', 'empty', 'huge'];

/** A proxy's HTML error page (nginx / CDN style). */
export function proxyHtml(status: number, reason: string): string {
  return `<!DOCTYPE html>
<html>
<head><title>${status} ${reason}</title></head>
<body>
<center><h1>${status} ${reason}</h1></center>
<hr><center>cloudfront</center>
<p>The request could not be satisfied. We can't connect to the server for this app or website at this time.</p>
</body>
</html>
`;
}

/** Truncated, unparseable JSON for each kind of endpoint. */
export function malformedJson(kind: 'cml' | 'layers' | 'teams'): string {
  if (kind === 'layers') return '{"tracks":[{"id":"8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999","title":"Sunset Dri';
  if (kind === 'teams') return '{"items":[{"id":"c3f1a8d2-6b4e-4f0a-9d2c-7e5b1a3c9f04","name":';
  return '[{"commercial_music_name":"Golden Static","duration":183,"thumbnail_url":"https://p16-sign-va.tiktokcdn.com/x.jpeg","artist":"Nova Car';
}

/** Placeholders that become raw JSON numbers after stringifying (so 19-digit ids can be numeric). */
const RAW = '__sim_raw_number__';
function rawNumber(digits: string): string {
  return RAW + digits;
}
function stringifyWithRawNumbers(value: unknown): string {
  return JSON.stringify(value).replace(new RegExp(`"${RAW}(\\d+)"`, 'g'), '$1');
}

/**
 * What `mixed-invalid` serves, by index. `valid` items are untouched catalog items (the first few
 * of the real list); every other index is broken in the way described.
 */
export const MIXED_INVALID = {
  cml: {
    length: 14,
    valid: [0, 2, 5, 9, 13],
    invalid: {
      1: 'artist missing',
      3: 'rank_position is a number',
      4: 'trending_song_clip.song_clip_id is a raw JSON number above 2^53',
      6: 'thumbnail_url missing',
      7: 'the item is null',
      8: 'the item is a string',
      10: 'duration is a string',
      11: 'genres is a string',
      12: 'trending_history is an object',
    },
  },
  layers: {
    length: 10,
    valid: [0, 2, 5, 9],
    invalid: {
      1: 'id is a number',
      3: 'title missing',
      4: 'userCount is a string',
      6: 'isCommerceMusic is a string',
      7: 'the item is null',
      8: 'previewUrl missing',
    },
  },
  teams: {
    length: 5,
    valid: [0, 4],
    invalid: { 1: 'id is a number', 2: 'id missing', 3: 'the item is null' },
  },
} as const;

export function mixedInvalidCml(list: CmlTrack[], fallback: CmlTrack[]): string {
  const source = list.length >= 6 ? list : fallback;
  const take = (i: number): Record<string, unknown> => structuredClone(source[i % source.length]!) as never;
  const items: unknown[] = [];
  for (let i = 0; i < MIXED_INVALID.cml.length; i++) {
    const item = take(i);
    switch (i) {
      case 1:
        delete item.artist;
        break;
      case 3:
        item.rank_position = i + 1;
        break;
      case 4: {
        const clip = (item.trending_song_clip ?? { song_clip_id: '' }) as Record<string, unknown>;
        item.trending_song_clip = { ...clip, song_clip_id: rawNumber('7349215836019472385') };
        item.full_duration_song_clip = null;
        break;
      }
      case 6:
        delete item.thumbnail_url;
        break;
      case 7:
        items.push(null);
        continue;
      case 8:
        items.push('Golden Static - Nova Carver');
        continue;
      case 10:
        item.duration = String(item.duration ?? 183);
        break;
      case 11:
        item.genres = 'POP';
        break;
      case 12:
        item.trending_history = { date: '2026-02-15', rank_position_daily: '1' };
        break;
    }
    items.push(item);
  }
  return stringifyWithRawNumbers(items);
}

export function mixedInvalidLayers(tracks: LayersTrack[]): string {
  const items: unknown[] = [];
  for (let i = 0; i < MIXED_INVALID.layers.length; i++) {
    const item = structuredClone(tracks[i]!) as unknown as Record<string, unknown>;
    switch (i) {
      case 1:
        item.id = 12345;
        break;
      case 3:
        delete item.title;
        break;
      case 4:
        item.userCount = 'many';
        break;
      case 6:
        item.isCommerceMusic = 'yes';
        break;
      case 7:
        items.push(null);
        continue;
      case 8:
        delete item.previewUrl;
        break;
    }
    items.push(item);
  }
  return JSON.stringify({ tracks: items, total: items.length });
}

export function mixedInvalidTeams(teams: SimTeam[]): string {
  const first = teams[0]!;
  const last = teams[teams.length - 1]!;
  const items: unknown[] = [
    first,
    { ...first, id: 42, name: 'Numeric id team' },
    { ...first, id: undefined, name: 'Team without an id' },
    null,
    last,
  ];
  return JSON.stringify({ items, total: items.length });
}

/** Repeats `items` until the JSON array text reaches `bytes`. */
export function hugeArray(items: unknown[], bytes: number): string {
  const parts = items.length ? items.map((item) => JSON.stringify(item)) : ['{"padding":"x"}'];
  const out: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const part = parts[i % parts.length]!;
    out.push(part);
    size += part.length + 1;
  }
  return `[${out.join(',')}]`;
}

/**
 * A Layers body of about `bytes` in which every track is a different one, with long but valid text
 * and media URLs: unlike `hugeArray`'s repeats, it stays large after de-duplication and per-item
 * limits, the shape of a catalog too large to cache.
 */
export function hugeDistinctLayers(tracks: LayersTrack[], bytes: number): string {
  const longText = (text: string) => `${text} ${'-'.repeat(200)}`.slice(0, 200);
  const out: string[] = [];
  let size = 30;
  for (let i = 0; size < bytes; i++) {
    const base = tracks[i % tracks.length]!;
    const id = `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const padding = `?v=${'0'.repeat(1500)}`;
    const part = JSON.stringify({
      ...base,
      id,
      title: longText(base.title),
      author: longText(base.author),
      album: longText(base.album || base.title),
      previewUrl: `https://media.layers.com/music/${id}/preview.mp3${padding}`,
      coverUrl: `https://media.layers.com/music/${id}/cover.jpg${padding}`,
    });
    out.push(part);
    size += part.length + 1;
  }
  return `{"tracks":[${out.join(',')}],"total":${out.length}}`;
}
