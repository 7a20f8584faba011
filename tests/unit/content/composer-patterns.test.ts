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
