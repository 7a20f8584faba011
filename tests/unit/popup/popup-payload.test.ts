import { describe, expect, it } from 'vitest';
import {
  buildPayload,
  DEFAULT_PAYLOAD_CHOICES,
  numberOrNull,
  type PayloadChoices,
} from '../../../lib/popup/payload';
import {
  defaultClip,
  durationFor,
  hasClipChoice,
  idFor,
  previewExpired,
  previewUrlFor,
} from '../../../lib/shared/clips';
import { cmlTrack, layersTrack } from './popup-fixtures';

const TRENDING = '7234567890123456789';
const FULL = '6817312022837872642';
const track = cmlTrack({
  id: TRENDING,
  clips: {
    trending: { id: TRENDING, durationSec: 30, previewUrl: 'https://cdn.example/t.mp3' },
    full: { id: FULL, durationSec: 183, previewUrl: 'https://cdn.example/f.mp3' },
  },
});
const choices = (patch: Partial<PayloadChoices> = {}) => ({ ...DEFAULT_PAYLOAD_CHOICES, ...patch });
const parse = (json: string) => JSON.parse(json) as { data: { TIKTOK: Record<string, unknown> } };

describe('clips', () => {
  it('defaults to the trending clip and falls back to the full one', () => {
    expect(defaultClip(track)).toBe('trending');
    expect(defaultClip(cmlTrack({ clips: { trending: null, full: track.clips!.full } }))).toBe('full');
    expect(defaultClip(layersTrack())).toBeNull();
  });

  it('gives each clip its own id, duration and preview', () => {
    expect(idFor(track, 'trending')).toBe(TRENDING);
    expect(idFor(track, 'full')).toBe(FULL);
    expect(durationFor(track, 'full')).toBe(183);
    expect(previewUrlFor(track, 'full')).toBe('https://cdn.example/f.mp3');
    expect(hasClipChoice(track)).toBe(true);
  });

  it('copies the Layers UUID as it is', () => {
    const layers = layersTrack();
    expect(idFor(layers, null)).toBe(layers.id);
  });

  it('knows a CML preview is dead after its expiry and a Layers preview never is', () => {
    expect(previewExpired(cmlTrack({ previewExpiresAt: 1000 }), 1001)).toBe(true);
    expect(previewExpired(cmlTrack({ previewExpiresAt: 1000 }), 999)).toBe(false);
    expect(previewExpired(layersTrack(), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('the payload the popup builds from a track and the user choices', () => {
  it('video by default: the chosen clip id, both volumes at 50, no trim', () => {
    const built = buildPayload(track, 'trending', choices());
    expect(parse(built.json)).toEqual({
      data: {
        TIKTOK: {
          type: 'VIDEO',
          musicSoundInfo: { musicSoundId: TRENDING, musicSoundVolume: 50, videoOriginalSoundVolume: 50 },
        },
      },
    });
    expect(built.notes).toEqual([]);
  });

  it('keeps the 19-digit id a string, digit for digit', () => {
    expect(buildPayload(track, 'full', choices()).json).toContain(`"musicSoundId": "${FULL}"`);
  });

  it('photo: the id only, whatever was typed for volume and trim', () => {
    const built = buildPayload(track, 'full', choices({ postType: 'IMAGE', musicVolume: 90, startMs: 100 }));
    expect(parse(built.json).data.TIKTOK).toEqual({ type: 'IMAGE', musicSoundInfo: { musicSoundId: FULL } });
    expect(built.notes).toEqual([]);
  });

  it.each([
    [{ startMs: 100, endMs: 30000 }, { musicSoundStart: 100, musicSoundEnd: 30000 }, null],
    [{ startMs: 0, endMs: 0 }, {}, "The end time won't be sent: the track plays from start to the end"],
    [
      { startMs: 5000, endMs: 4000 },
      { musicSoundStart: 5000 },
      "The end time won't be sent: the track plays from start to the end",
    ],
    [{ startMs: null, endMs: 8000 }, { musicSoundStart: 0, musicSoundEnd: 8000 }, null],
  ])('trim %j → %j', (trim, expected, note) => {
    const built = buildPayload(track, 'trending', choices(trim));
    const info = parse(built.json).data.TIKTOK.musicSoundInfo as Record<string, unknown>;
    expect({ start: info.musicSoundStart, end: info.musicSoundEnd }).toEqual({
      start: (expected as Record<string, unknown>).musicSoundStart,
      end: (expected as Record<string, unknown>).musicSoundEnd,
    });
    expect(built.notes).toEqual(note ? [note] : []);
  });

  it.each([
    [150, 100, 'Volume must be between 0 and 100'],
    [-5, 0, 'Volume must be between 0 and 100'],
    [null, 50, 'TikTok treats a missing volume as 0: this video may be silent'],
  ])('music volume %s is sent as %s and explained', (typed, sent, note) => {
    const built = buildPayload(track, 'trending', choices({ musicVolume: typed }));
    const info = parse(built.json).data.TIKTOK.musicSoundInfo as Record<string, unknown>;
    expect(info.musicSoundVolume).toBe(sent);
    expect(info.videoOriginalSoundVolume).toBe(50);
    expect(built.notes).toContain(note);
  });

  it.each([
    ['managed', null],
    [
      'publish',
      "On direct publish a manual track is replaced by TikTok's automatic music; use a managed target to keep it.",
    ],
    ['draft', 'Layers rejects music on draft targets (422)'],
  ] as const)('Layers on a %s target', (targetMode, note) => {
    const layers = layersTrack();
    const built = buildPayload(layers, null, choices({ targetMode }));
    expect(JSON.parse(built.json)).toEqual({ tiktokMusic: { mode: 'manual', trackId: layers.id } });
    expect(built.notes).toEqual(note ? [note] : []);
  });

  it('reads number inputs, blank as nothing', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull(' 42 ')).toBe(42);
    expect(numberOrNull('abc')).toBeNull();
  });
});
