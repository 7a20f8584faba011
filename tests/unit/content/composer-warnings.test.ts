import { describe, expect, it } from 'vitest';
import type { ComposerState } from '@/lib/content/scan/composer-state';
import { assessComposer, DRAFT_MESSAGE, NOT_CLEARED_MESSAGE } from '@/lib/content/warning-rules';
import type { ChosenTrack } from '@/lib/shared/track';

const video: ComposerState = {
  idKind: 'cml-song-clip',
  idValue: '7312345678901234567',
  postType: 'VIDEO',
  draft: false,
  targetMode: null,
  musicMode: null,
  values: { 'music-volume': 50, 'original-volume': 50 },
};
const layers: ComposerState = {
  ...video,
  idKind: 'layers-track',
  idValue: '3b9e0f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  postType: null,
  targetMode: 'managed',
  musicMode: 'manual',
  values: {},
};
const notCleared: ChosenTrack = {
  provider: 'layers',
  id: layers.idValue,
  idKind: 'layers-track',
  title: 'Café del Mar',
  artist: 'Beyoncé Fans',
  clip: null,
  durationSec: 28,
  cleared: false,
  chosenAt: 0,
};

const SILENT = 'TikTok treats a missing volume as 0: this video may be silent';
const TRIM = "The end time won't be sent: the track plays from start to the end";
const PUBLISH_MANUAL =
  "On direct publish a manual track is replaced by TikTok's automatic music; use a managed target to keep it.";

describe('assessComposer', () => {
  it.each<[string, ComposerState, ChosenTrack | null, string[]]>([
    ['a complete video', video, null, []],
    ['a draft with a sound id', { ...video, draft: true }, null, [DRAFT_MESSAGE]],
    ['a draft without a sound id', { ...video, draft: true, idValue: '' }, null, []],
    [
      'an empty music volume',
      { ...video, values: { 'music-volume': null, 'original-volume': 50 } },
      null,
      [SILENT],
    ],
    [
      'both volumes empty (one warning)',
      { ...video, values: { 'music-volume': null, 'original-volume': null } },
      null,
      [SILENT],
    ],
    [
      'empty volumes without a sound id',
      { ...video, idValue: '', values: { 'music-volume': null } },
      null,
      [],
    ],
    ['empty volumes on a photo', { ...video, postType: 'IMAGE', values: { 'music-volume': null } }, null, []],
    ['no volume fields at all', { ...video, values: {} }, null, []],
    ['end 0', { ...video, values: { ...video.values, 'trim-end': 0 } }, null, [TRIM]],
    [
      'end before start',
      { ...video, values: { ...video.values, 'trim-start': 5000, 'trim-end': 3000 } },
      null,
      [TRIM],
    ],
    [
      'a valid trim',
      { ...video, values: { ...video.values, 'trim-start': 1000, 'trim-end': 3000 } },
      null,
      [],
    ],
    ['Layers managed + manual', layers, null, []],
    ['Layers publish + manual', { ...layers, targetMode: 'publish' }, null, [PUBLISH_MANUAL]],
    [
      'Layers draft + auto',
      { ...layers, targetMode: 'draft', musicMode: 'auto' },
      null,
      ['Layers rejects music on draft targets (422)'],
    ],
    ['Layers draft + none', { ...layers, targetMode: 'draft', musicMode: 'none' }, null, []],
    [
      'Layers draft, no music control, track set',
      { ...layers, targetMode: 'draft', musicMode: null },
      null,
      ['Layers rejects music on draft targets (422)'],
    ],
    ['a filled Layers track not cleared', layers, notCleared, [NOT_CLEARED_MESSAGE]],
    ['a not-cleared track that is not in the form', { ...layers, idValue: 'other' }, notCleared, []],
  ])('%s', (_, state, chosen, messages) => {
    expect(assessComposer(state, chosen).warnings.map((warning) => warning.message)).toEqual(messages);
  });

  it('offers "Set both to 50" with the silent-video warning', () => {
    const { warnings } = assessComposer(
      { ...video, values: { 'music-volume': null, 'original-volume': 50 } },
      null,
    );
    expect(warnings).toEqual([{ id: 'silent', message: SILENT, action: 'set-volumes' }]);
  });

  it.each<[string, ComposerState['values'], { meaning: string; message: string }[]]>([
    [
      'volume above 100',
      { 'music-volume': 150, 'original-volume': 50 },
      [{ meaning: 'music-volume', message: 'Volume must be between 0 and 100' }],
    ],
    [
      'volume below 0',
      { 'music-volume': 50, 'original-volume': -1 },
      [{ meaning: 'original-volume', message: 'Volume must be between 0 and 100' }],
    ],
    [
      'a negative start',
      { 'music-volume': 50, 'trim-start': -20 },
      [{ meaning: 'trim-start', message: 'Times are milliseconds from 0 up' }],
    ],
    ['values in range', { 'music-volume': 0, 'original-volume': 100, 'trim-start': 0 }, []],
  ])('flags %s with the allowed range', (_, values, flags) => {
    expect(assessComposer({ ...video, values }, null).flags).toEqual(flags);
  });
});
