import { describe, expect, it } from 'vitest';
import {
  type FieldMeaning,
  meaningOfName,
  meaningOfOptions,
  type OptionMeaning,
  optionValueOf,
  wordsOf,
} from '@/lib/content/scan/field-patterns';

describe('wordsOf', () => {
  it.each([
    ['musicSoundId', ['music', 'sound', 'id']],
    ['musicSoundID', ['music', 'sound', 'id']],
    ['music_sound_id', ['music', 'sound', 'id']],
    ['music-sound-id', ['music', 'sound', 'id']],
    ['Music sound ID', ['music', 'sound', 'id']],
    ['TIKTOKMusic', ['tiktok', 'music']],
    ['Send to drafts', ['send', 'to', 'draft']],
  ])('%s → %j', (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });
});

describe('meaningOfName', () => {
  const rows: [string, FieldMeaning | null][] = [
    // CML sound id
    ['musicSoundId', 'cml-sound-id'],
    ['music_sound_id', 'cml-sound-id'],
    ['music-sound-id', 'cml-sound-id'],
    ['data.TIKTOK.musicSoundInfo.musicSoundId', 'cml-sound-id'],
    ['data[TIKTOK][musicSoundInfo][musicSoundId]', 'cml-sound-id'],
    ['songClipId', 'cml-sound-id'],
    ['song_clip_id', 'cml-sound-id'],
    ['Music sound ID', 'cml-sound-id'],
    ['Sound ID', 'cml-sound-id'],
    ['TikTok sound id (e.g. 7312345678901234567)', 'cml-sound-id'],
    ['Song clip ID', 'cml-sound-id'],
    ['CML track id', 'cml-sound-id'],
    // Layers track id
    ['trackId', 'layers-track-id'],
    ['track_id', 'layers-track-id'],
    ['tiktokMusic.trackId', 'layers-track-id'],
    ['targets[0].tiktokMusic.trackId', 'layers-track-id'],
    ['Track ID', 'layers-track-id'],
    ['Music track ID', 'layers-track-id'],
    // volumes
    ['musicSoundVolume', 'music-volume'],
    ['music_sound_volume', 'music-volume'],
    ['Music volume', 'music-volume'],
    ['Music volume (0–100)', 'music-volume'],
    ['data.TIKTOK.musicSoundInfo.musicSoundVolume', 'music-volume'],
    ['videoOriginalSoundVolume', 'original-volume'],
    ['video_original_sound_volume', 'original-volume'],
    ['Original sound volume', 'original-volume'],
    ['Video volume', 'original-volume'],
    // trim
    ['musicSoundStart', 'trim-start'],
    ['music_sound_start', 'trim-start'],
    ['Music start (ms)', 'trim-start'],
    ['Trim start', 'trim-start'],
    ['musicSoundEnd', 'trim-end'],
    ['Music end (ms)', 'trim-end'],
    ['Trim end', 'trim-end'],
    // draft
    ['uploadToDraft', 'draft'],
    ['upload_to_draft', 'draft'],
    ['Upload to draft', 'draft'],
    ['Save as draft', 'draft'],
    ['Send to drafts', 'draft'],
    // not composer fields
    ['caption', null],
    ['trackingId', null],
    ['Title', null],
    ['email', null],
    [':r3:', null],
  ];
  it.each(rows)('%s → %s', (name, meaning) => {
    expect(meaningOfName(name)).toBe(meaning);
  });
});

describe('option sets', () => {
  const rows: [string[][], OptionMeaning | null][] = [
    [[['VIDEO'], ['IMAGE']], 'post-type'],
    [
      [
        ['video', 'Video'],
        ['image', 'Photos'],
      ],
      'post-type',
    ],
    [
      [
        ['1', 'Video'],
        ['2', 'Photo'],
      ],
      'post-type',
    ],
    [[['publish'], ['draft'], ['managed']], 'target-mode'],
    [[['Publish directly'], ['Save as draft'], ['Managed (keeps music)']], 'target-mode'],
    [
      [
        ['none', 'No music'],
        ['auto', 'Auto'],
        ['manual', 'Manual'],
      ],
      'music-mode',
    ],
    [[['VIDEO']], null],
    [[['VIDEO'], ['AUDIO']], null],
    [[['yes'], ['no']], null],
  ];
  it.each(rows)('%j → %s', (options, meaning) => {
    expect(meaningOfOptions(options)).toBe(meaning);
  });

  it.each([
    ['post-type', ['IMAGE'], 'IMAGE'],
    ['post-type', ['x', 'Photos'], 'IMAGE'],
    ['music-mode', ['Manual track'], 'manual'],
    ['target-mode', ['Managed'], 'managed'],
  ] as const)('%s option %j is %s', (meaning, texts, value) => {
    expect(optionValueOf(meaning, texts)).toBe(value);
  });
});

describe('long names, labels and option texts cannot freeze a tab', () => {
  const KB20 = 20_000;
  /** The fastest of three runs, so a busy machine does not fail a linear analysis. */
  const fastest = (run: () => unknown) => {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };

  const dotted = 'x.'.repeat(KB20 / 2);
  const cases: [string, string, FieldMeaning | null][] = [
    ['a 20 KB dotted path ending in a volume', `${dotted}musicSoundVolume`, 'music-volume'],
    ['a 20 KB dotted path meaning nothing', dotted, null],
    // A path is read from its end: what lies beyond the cap is never read.
    ['a 20 KB dotted path whose meaning is at its far start', `musicSoundId.${dotted}`, null],
    ['a 20 KB bracketed path', `${'[a]'.repeat(KB20 / 3)}[trackId]`, 'layers-track-id'],
    [
      'a 20 KB label starting with its meaning',
      `Music volume ${'lorem ipsum '.repeat(KB20 / 12)}`,
      'music-volume',
    ],
    ['20 KB of capitals', 'A'.repeat(KB20), null],
    ['20 KB of capitals before a name', `${'A'.repeat(KB20)}.soundId`, 'cml-sound-id'],
  ];
  it.each(cases)(
    '%s: read in under 50 ms, with the meaning its readable part carries',
    (_, text, meaning) => {
      expect(text.length).toBeGreaterThanOrEqual(KB20);
      let result: FieldMeaning | null | undefined;
      const ms = fastest(() => {
        result = meaningOfName(text);
      });
      expect(result).toBe(meaning);
      expect(ms).toBeLessThan(50);
    },
  );

  it('reads a 20 KB option text in under 50 ms', () => {
    const text = `Photos ${'A'.repeat(KB20)}`;
    let result: string | null = null;
    const ms = fastest(() => {
      result = optionValueOf('post-type', [text]);
    });
    expect(result).toBe('IMAGE');
    expect(ms).toBeLessThan(50);
    expect(fastest(() => wordsOf('A'.repeat(KB20)))).toBeLessThan(50);
  });
});
