import { describe, expect, it } from 'vitest';
import { musicSoundInfo, musicSoundNotes } from '@/lib/shared/post-rules/bundle-social';
import { layersMusicNote, layersPayload } from '@/lib/shared/post-rules/layers';

const id = '7349118392019228673';

describe('musicSoundInfo', () => {
  it.each([
    [
      'image keeps only the id',
      'IMAGE',
      { musicSoundVolume: 80, musicSoundStart: 100, musicSoundEnd: 3000 },
      { musicSoundId: id },
    ],
    [
      'video with nothing set gets both volumes so it is not silent',
      'VIDEO',
      {},
      { musicSoundId: id, musicSoundVolume: 50, videoOriginalSoundVolume: 50 },
    ],
    [
      'video keeps a valid trim',
      'VIDEO',
      { musicSoundVolume: 70, videoOriginalSoundVolume: 20, musicSoundStart: 100, musicSoundEnd: 30000 },
      {
        musicSoundId: id,
        musicSoundVolume: 70,
        videoOriginalSoundVolume: 20,
        musicSoundStart: 100,
        musicSoundEnd: 30000,
      },
    ],
    [
      'end 0 is not sent',
      'VIDEO',
      { musicSoundStart: 100, musicSoundEnd: 0 },
      { musicSoundId: id, musicSoundVolume: 50, videoOriginalSoundVolume: 50, musicSoundStart: 100 },
    ],
    [
      'end equal to start is not sent',
      'VIDEO',
      { musicSoundStart: 5000, musicSoundEnd: 5000 },
      { musicSoundId: id, musicSoundVolume: 50, videoOriginalSoundVolume: 50, musicSoundStart: 5000 },
    ],
    [
      'end before start is not sent',
      'VIDEO',
      { musicSoundStart: 5000, musicSoundEnd: 10 },
      { musicSoundId: id, musicSoundVolume: 50, videoOriginalSoundVolume: 50, musicSoundStart: 5000 },
    ],
    [
      'start 0 with an end sends both',
      'VIDEO',
      { musicSoundStart: 0, musicSoundEnd: 9000 },
      {
        musicSoundId: id,
        musicSoundVolume: 50,
        videoOriginalSoundVolume: 50,
        musicSoundStart: 0,
        musicSoundEnd: 9000,
      },
    ],
    [
      'volumes are clamped to 0–100',
      'VIDEO',
      { musicSoundVolume: 140, videoOriginalSoundVolume: -3 },
      { musicSoundId: id, musicSoundVolume: 100, videoOriginalSoundVolume: 0 },
    ],
    [
      'negative times are dropped',
      'VIDEO',
      { musicSoundStart: -1, musicSoundEnd: -5 },
      { musicSoundId: id, musicSoundVolume: 50, videoOriginalSoundVolume: 50 },
    ],
  ] as const)('%s', (_, type, settings, expected) => {
    expect(musicSoundInfo(type, { musicSoundId: id, ...settings })).toEqual(expected);
  });

  it('keeps a 19-digit id byte for byte', () => {
    expect(musicSoundInfo('IMAGE', { musicSoundId: '9223372036854775807' }).musicSoundId).toBe(
      '9223372036854775807',
    );
  });
});

describe('musicSoundNotes', () => {
  it.each([
    ['silent video', 'VIDEO', { musicSoundVolume: null }, 'this video may be silent'],
    [
      'volume out of range',
      'VIDEO',
      { musicSoundVolume: 120, videoOriginalSoundVolume: 50 },
      'between 0 and 100',
    ],
    [
      'negative start',
      'VIDEO',
      { musicSoundVolume: 50, videoOriginalSoundVolume: 50, musicSoundStart: -4 },
      'milliseconds',
    ],
    [
      'end dropped',
      'VIDEO',
      { musicSoundVolume: 50, videoOriginalSoundVolume: 50, musicSoundStart: 10, musicSoundEnd: 5 },
      "end time won't be sent",
    ],
    ['photo with volume', 'IMAGE', { musicSoundVolume: 50 }, 'Photos take only the sound id'],
  ] as const)('%s', (_, type, settings, message) => {
    expect(
      musicSoundNotes(type, { musicSoundId: id, ...settings })
        .map((n) => n.message)
        .join('|'),
    ).toContain(message);
  });

  it('says nothing about a video with both volumes and no trim', () => {
    expect(
      musicSoundNotes('VIDEO', { musicSoundId: id, musicSoundVolume: 50, videoOriginalSoundVolume: 50 }),
    ).toEqual([]);
  });
});

describe('Layers tiktokMusic', () => {
  it.each([
    ['managed', 'manual', null],
    ['publish', 'manual', 'replaced by TikTok'],
    ['draft', 'manual', '422'],
    ['draft', 'auto', '422'],
    ['draft', 'none', null],
    ['publish', 'auto', null],
  ] as const)('%s target with %s music', (target, music, expected) => {
    const note = layersMusicNote(target, music);
    if (expected === null) expect(note).toBeNull();
    else expect(note).toContain(expected);
  });

  it('builds a manual payload with the track id', () => {
    expect(layersPayload('8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999', 'managed')).toEqual({
      payload: { tiktokMusic: { mode: 'manual', trackId: '8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999' } },
      note: null,
    });
  });
});
