/**
 * What a composer's controls mean, recognised from the words pages use to name them. The matching is
 * data: a table of word runs, read top to bottom, so a new naming is one row, not a new regex.
 */

/** Meanings recognised from a single control's name or label. */
export type FieldMeaning =
  | 'cml-sound-id'
  | 'layers-track-id'
  | 'music-volume'
  | 'original-volume'
  | 'trim-start'
  | 'trim-end'
  | 'draft';

/** Meanings recognised from a control's set of options (radio group, select, tab list). */
export type OptionMeaning = 'post-type' | 'target-mode' | 'music-mode';

interface PatternRow {
  meaning: FieldMeaning;
  /** Consecutive words that must appear, in this order, in the normalised name. */
  words: readonly string[];
}

/**
 * Specific rows first: "original sound volume" must be read as the video's volume before the
 * broader "sound volume" row can claim it for the music.
 */
export const FIELD_PATTERNS: readonly PatternRow[] = [
  { meaning: 'original-volume', words: ['original', 'sound', 'volume'] },
  { meaning: 'original-volume', words: ['original', 'audio', 'volume'] },
  { meaning: 'original-volume', words: ['original', 'volume'] },
  { meaning: 'original-volume', words: ['video', 'sound', 'volume'] },
  { meaning: 'original-volume', words: ['video', 'volume'] },
  { meaning: 'music-volume', words: ['music', 'sound', 'volume'] },
  { meaning: 'music-volume', words: ['music', 'volume'] },
  { meaning: 'music-volume', words: ['song', 'volume'] },
  { meaning: 'music-volume', words: ['sound', 'volume'] },
  { meaning: 'trim-start', words: ['music', 'sound', 'start'] },
  { meaning: 'trim-start', words: ['music', 'start'] },
  { meaning: 'trim-start', words: ['sound', 'start'] },
  { meaning: 'trim-start', words: ['trim', 'start'] },
  { meaning: 'trim-start', words: ['start', 'trim'] },
  { meaning: 'trim-end', words: ['music', 'sound', 'end'] },
  { meaning: 'trim-end', words: ['music', 'end'] },
  { meaning: 'trim-end', words: ['sound', 'end'] },
  { meaning: 'trim-end', words: ['trim', 'end'] },
  { meaning: 'trim-end', words: ['end', 'trim'] },
  { meaning: 'cml-sound-id', words: ['music', 'sound', 'id'] },
  { meaning: 'cml-sound-id', words: ['song', 'clip', 'id'] },
  { meaning: 'cml-sound-id', words: ['sound', 'clip', 'id'] },
  { meaning: 'cml-sound-id', words: ['cml', 'track', 'id'] },
  { meaning: 'cml-sound-id', words: ['cml', 'id'] },
  { meaning: 'cml-sound-id', words: ['sound', 'id'] },
  { meaning: 'layers-track-id', words: ['track', 'id'] },
  { meaning: 'draft', words: ['upload', 'to', 'draft'] },
  { meaning: 'draft', words: ['upload', 'as', 'draft'] },
  { meaning: 'draft', words: ['save', 'as', 'draft'] },
  { meaning: 'draft', words: ['send', 'to', 'draft'] },
  { meaning: 'draft', words: ['draft'] },
];

/** Option words, by the meaning of the control that offers them, to the value they stand for. */
export const OPTION_WORDS: Readonly<Record<OptionMeaning, Readonly<Record<string, string>>>> = {
  'post-type': { video: 'VIDEO', image: 'IMAGE', photo: 'IMAGE', carousel: 'IMAGE' },
  'target-mode': { publish: 'publish', draft: 'draft', managed: 'managed' },
  'music-mode': { none: 'none', no: 'none', off: 'none', auto: 'auto', automatic: 'auto', manual: 'manual' },
};

/** Plurals and long forms folded into the words the tables use. */
const WORD_FORMS: Readonly<Record<string, string>> = {
  drafts: 'draft',
  photos: 'photo',
  images: 'image',
  videos: 'video',
  identifier: 'id',
  milliseconds: 'ms',
};

/**
 * How much of a name, label or option text is read. Real ones are a few words; a page can write
 * megabytes into any of them, and every analysis here must stay a matter of microseconds.
 */
export const TEXT_MAX = 256;

/**
 * "data.TIKTOK.musicSoundId", "music_sound_id", "Music sound ID" → music, sound, id. Linear: the
 * acronym split looks ahead one capital and one small letter instead of backtracking over a run of
 * capitals (`([A-Z]+)([A-Z][a-z])` took 150 ms on 20 KB of them).
 */
export function wordsOf(text: string): string[] {
  return text
    .slice(0, TEXT_MAX)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => WORD_FORMS[word] ?? word);
}

const LONGEST_RUN = Math.max(...FIELD_PATTERNS.map((row) => row.words.length));

/** Whether `run` occurs in `words` starting at one of the first `starts` positions. */
function startsRunWithin(words: readonly string[], run: readonly string[], starts: number): boolean {
  for (let start = 0; start < starts && start + run.length <= words.length; start++) {
    if (run.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

/**
 * The part of a text that is read: the start of a label ("Music volume — how loud…"), the end of a
 * path (`….musicSoundInfo.musicSoundVolume`), cut at a segment boundary so no half word is read.
 */
function readablePart(text: string): string {
  if (text.length <= TEXT_MAX) return text;
  if (/\s/.test(text.slice(0, TEXT_MAX))) return text.slice(0, TEXT_MAX);
  const tail = text.slice(-TEXT_MAX);
  return tail.slice(tail.search(/[.[\]/]/) + 1);
}

/**
 * The meaning of a name or label, or null. A dotted or bracketed path is read from its last segment
 * outwards, so `tiktokMusic.trackId` is a track id and `musicSoundInfo.musicSoundVolume` a volume:
 * the first row found in the shortest tail of segments that holds one. Each segment's words are read
 * once: a row not found in a tail can only be found in a longer one by a run starting in the segment
 * just added, so only those starts are tried (rereading every tail was quadratic: 20 s on 20 KB).
 */
export function meaningOfName(text: string): FieldMeaning | null {
  const segments = readablePart(text).split(/[.[\]/]+/);
  let words: string[] = [];
  for (let index = segments.length - 1; index >= 0; index--) {
    const added = wordsOf(segments[index] ?? '');
    if (added.length === 0) continue;
    words = [...added, ...words.slice(0, LONGEST_RUN - 1)];
    const row = FIELD_PATTERNS.find((candidate) => startsRunWithin(words, candidate.words, added.length));
    if (row) return row.meaning;
  }
  return null;
}

/** The value one option stands for under a meaning: the first of its texts with a known word. */
export function optionValueOf(meaning: OptionMeaning, texts: readonly string[]): string | null {
  const table = OPTION_WORDS[meaning];
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      const value = table[word];
      if (value) return value;
    }
  }
  return null;
}

/**
 * The meaning of a set of options (each given as its texts: value, label), or null. Every option
 * must map to a known value and at least two distinct values must be offered.
 */
export function meaningOfOptions(options: readonly (readonly string[])[]): OptionMeaning | null {
  for (const meaning of Object.keys(OPTION_WORDS) as OptionMeaning[]) {
    const values = options.map((texts) => optionValueOf(meaning, texts));
    if (values.every((value) => value !== null) && new Set(values).size >= 2) return meaning;
  }
  return null;
}
