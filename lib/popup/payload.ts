/**
 * "Copy payload": the provider's JSON fragment for a track and the user's choices, with the posting
 * rules of lib/shared/post-rules applied (the same rules the composer content script uses).
 */

import { idFor } from '../shared/clips';
import {
  bundleSocialPayload,
  DEFAULT_VOLUME,
  musicSoundNotes,
  type PostType,
} from '../shared/post-rules/bundle-social';
import { layersPayload, type TargetMode } from '../shared/post-rules/layers';
import type { ClipChoice, Track } from '../shared/track';

export interface PayloadChoices {
  postType: PostType;
  musicVolume: number | null;
  originalVolume: number | null;
  startMs: number | null;
  endMs: number | null;
  targetMode: TargetMode;
}

export const DEFAULT_PAYLOAD_CHOICES: PayloadChoices = {
  postType: 'VIDEO',
  musicVolume: DEFAULT_VOLUME,
  originalVolume: DEFAULT_VOLUME,
  startMs: null,
  endMs: null,
  targetMode: 'managed',
};

export interface BuiltPayload {
  json: string;
  /** What the rules changed, dropped or warn about, in words. */
  notes: string[];
}

export function buildPayload(track: Track, clip: ClipChoice | null, choices: PayloadChoices): BuiltPayload {
  if (track.provider === 'layers') {
    const { payload, note } = layersPayload(track.id, choices.targetMode);
    return { json: JSON.stringify(payload, null, 2), notes: note ? [note] : [] };
  }
  const settings =
    choices.postType === 'IMAGE'
      ? { musicSoundId: idFor(track, clip) }
      : {
          musicSoundId: idFor(track, clip),
          musicSoundVolume: choices.musicVolume,
          videoOriginalSoundVolume: choices.originalVolume,
          musicSoundStart: choices.startMs,
          musicSoundEnd: choices.endMs,
        };
  const payload = bundleSocialPayload(choices.postType, settings);
  const notes = [...new Set(musicSoundNotes(choices.postType, settings).map((note) => note.message))];
  return { json: JSON.stringify(payload, null, 2), notes };
}

/** An input's text as a number, or null when blank or not a number. */
export function numberOrNull(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
