/**
 * bundle.social's `data.TIKTOK.musicSoundInfo` rules, as pure functions shared by the popup's
 * "Copy payload" and the composer warnings.
 *
 * - IMAGE takes only `musicSoundId`: TikTok rejects volume and trim on photos.
 * - VIDEO takes volume and trim; `musicSoundEnd` is not sent when it is 0 or ≤ start.
 * - Both volumes are always sent for video: TikTok's publish API treats a missing volume as 0, so a
 *   video with a sound id and no volumes comes out silent.
 */
import { i18n } from '#i18n';

export type PostType = 'VIDEO' | 'IMAGE';

export const DEFAULT_VOLUME = 50;
export const VOLUME_MIN = 0;
export const VOLUME_MAX = 100;

export interface MusicSettings {
  musicSoundId: string;
  musicSoundVolume?: number | null;
  videoOriginalSoundVolume?: number | null;
  musicSoundStart?: number | null;
  musicSoundEnd?: number | null;
}

export interface MusicSoundInfo {
  musicSoundId: string;
  musicSoundVolume?: number;
  videoOriginalSoundVolume?: number;
  musicSoundStart?: number;
  musicSoundEnd?: number;
}

export interface RuleNote {
  field: keyof MusicSettings;
  message: string;
}

const clampVolume = (value: number | null | undefined): number =>
  value === null || value === undefined || !Number.isFinite(value)
    ? DEFAULT_VOLUME
    : Math.min(VOLUME_MAX, Math.max(VOLUME_MIN, Math.round(value)));

const validMs = (value: number | null | undefined): number | null =>
  value === null || value === undefined || !Number.isFinite(value) || value < 0 ? null : Math.round(value);

/** The `musicSoundInfo` to send for a post of this type, with every rule applied. */
export function musicSoundInfo(type: PostType, settings: MusicSettings): MusicSoundInfo {
  const info: MusicSoundInfo = { musicSoundId: settings.musicSoundId };
  if (type === 'IMAGE') return info;
  info.musicSoundVolume = clampVolume(settings.musicSoundVolume);
  info.videoOriginalSoundVolume = clampVolume(settings.videoOriginalSoundVolume);
  const start = validMs(settings.musicSoundStart);
  const end = validMs(settings.musicSoundEnd);
  if (start !== null && start > 0) info.musicSoundStart = start;
  if (end !== null && end > 0 && end > (start ?? 0)) {
    info.musicSoundStart = start ?? 0;
    info.musicSoundEnd = end;
  }
  return info;
}

/** Shown beside a photo post's music: what TikTok takes there and what it rejects. */
export const PHOTO_NOTE = i18n.t('content.rules.photo');

/** What the rules would change or drop, in words a user acts on. */
export function musicSoundNotes(type: PostType, settings: MusicSettings): RuleNote[] {
  const notes: RuleNote[] = [];
  if (type === 'IMAGE') {
    for (const field of [
      'musicSoundVolume',
      'videoOriginalSoundVolume',
      'musicSoundStart',
      'musicSoundEnd',
    ] as const) {
      if (settings[field] !== null && settings[field] !== undefined) {
        notes.push({ field, message: PHOTO_NOTE });
      }
    }
    return notes;
  }
  for (const field of ['musicSoundVolume', 'videoOriginalSoundVolume'] as const) {
    const value = settings[field];
    if (value === null || value === undefined || Number.isNaN(value)) {
      notes.push({ field, message: i18n.t('content.rules.silent') });
    } else if (value < VOLUME_MIN || value > VOLUME_MAX) {
      notes.push({
        field,
        message: i18n.t('content.rules.volumeRange', { min: VOLUME_MIN, max: VOLUME_MAX }),
      });
    }
  }
  for (const field of ['musicSoundStart', 'musicSoundEnd'] as const) {
    const value = settings[field];
    if (value !== null && value !== undefined && value < 0) {
      notes.push({ field, message: i18n.t('content.rules.times') });
    }
  }
  const start = validMs(settings.musicSoundStart) ?? 0;
  const end = settings.musicSoundEnd;
  if (end !== null && end !== undefined && end >= 0 && (end === 0 || end <= start)) {
    notes.push({
      field: 'musicSoundEnd',
      message: i18n.t('content.rules.endDropped'),
    });
  }
  return notes;
}

/** The ready-to-paste `data.TIKTOK` fragment of a bundle.social post. */
export function bundleSocialPayload(type: PostType, settings: MusicSettings): { data: { TIKTOK: object } } {
  return { data: { TIKTOK: { type, musicSoundInfo: musicSoundInfo(type, settings) } } };
}
