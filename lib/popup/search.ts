/**
 * Search: case- and accent-insensitive, every word must match somewhere in title, artist or album.
 * The normalized key is computed once per catalog (see catalog-index.ts), so a keystroke costs one
 * `includes` per word per track and nothing else.
 */

import { foldText } from '../shared/text';

/** The words of a query, normalized; empty for a blank query. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** The text a track is searched by. A separator no query word can contain keeps fields apart. */
export function searchKeyOf(fields: { title: string; artist: string; album: string | null }): string {
  return foldText([fields.title, fields.artist, fields.album ?? ''].join('\u0000'));
}

export function matchesWords(searchKey: string, words: readonly string[]): boolean {
  for (const word of words) {
    if (!searchKey.includes(word)) return false;
  }
  return true;
}
