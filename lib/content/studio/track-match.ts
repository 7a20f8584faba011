/**
 * Whether a row of Studio's sound picker is the chosen track. Studio's rows and the providers'
 * catalogs spell the same sound differently: case and accents ("Café" / "CAFE"), version suffixes
 * ("(Sped Up)", "- Remix", "[Official Audio]"), "feat." credits, and an artist line that also holds
 * the duration ("Gloveity · 00:38"). Both sides are folded and stripped of those before comparing,
 * and a title must be equal, not merely contained: "Drive" is not "Night Drive".
 */
import { foldText } from '../../shared/text';

/** A trailing version note: "(Remix)", "[Sped Up]", "- Slowed + Reverb", "— Live". */
const SUFFIX = /\s*(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|（[^（）]*）|\s[-–—]\s.*)$/u;
const FEATURING = /\s+(?:feat\.?|ft\.?|featuring)\s.*$/u;
/** A duration at the end of Studio's artist line, after an optional separator: "· 00:38", "0:30". */
const DURATION = /\s*[·•|,-]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*$/u;

/** Page text is read up to this length: no row a page writes can make matching slow. */
const MAX_TEXT = 300;
const fold = (text: string) => foldText(text.slice(0, MAX_TEXT));

/** The title without its version notes; a title that is nothing but notes stays as it is. */
export function coreTitle(title: string): string {
  let text = fold(title).replace(FEATURING, '');
  for (let i = 0; i < 4; i++) {
    const shorter = text.replace(SUFFIX, '').trim();
    if (shorter === text || shorter === '') break;
    text = shorter;
  }
  return text;
}

/** The artist line without the duration Studio appends. */
export function coreArtist(desc: string): string {
  return fold(desc).replace(DURATION, '').replace(FEATURING, '').trim();
}

export interface RowText {
  title: string;
  /** Studio's artist line, duration included. */
  desc: string;
}

export interface TrackNames {
  title: string;
  artist: string;
}

/**
 * How well a row fits: 2 the same title and artist, 1 the same once version notes are set aside,
 * 0 another sound. The artist counts when both sides name one (one side may credit several).
 */
export function matchRow(row: RowText, track: TrackNames): 0 | 1 | 2 {
  const rowArtist = coreArtist(row.desc);
  const artist = coreArtist(track.artist);
  if (rowArtist && artist && !rowArtist.includes(artist) && !artist.includes(rowArtist)) return 0;
  if (fold(row.title) === fold(track.title)) return 2;
  return coreTitle(row.title) === coreTitle(track.title) ? 1 : 0;
}

/** The best-fitting row's index, the first of equals; -1 when none is the track. */
export function bestRow(rows: readonly RowText[], track: TrackNames): number {
  let best = -1;
  let bestScore = 0;
  rows.forEach((row, index) => {
    const score = matchRow(row, track);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
