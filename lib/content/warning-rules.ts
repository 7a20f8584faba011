/**
 * The in-page warnings, as a pure function of a composer's state and the chosen track. The wording of
 * the music rules comes from `post-rules`, shared with the popup's payload notes.
 */

import { i18n } from '#i18n';
import { type MusicSettings, musicSoundNotes } from '../shared/post-rules/bundle-social';
import { layersMusicNote, type MusicMode } from '../shared/post-rules/layers';
import type { ChosenTrack } from '../shared/track';
import type { ValueMeaning } from './scan/composer-scan';
import type { ComposerState } from './scan/composer-state';

export type WarningId = 'draft' | 'layers-target' | 'silent' | 'trim' | 'not-cleared';

export interface ComposerWarning {
  id: WarningId;
  message: string;
  /** A one-click fix the warning offers. */
  action?: 'set-volumes';
}

export interface FieldFlag {
  meaning: ValueMeaning;
  message: string;
}

export const DRAFT_MESSAGE = i18n.t('content.draft');
export const NOT_CLEARED_MESSAGE = i18n.t('content.notCleared');

const SETTING_OF: Record<ValueMeaning, keyof MusicSettings> = {
  'music-volume': 'musicSoundVolume',
  'original-volume': 'videoOriginalSoundVolume',
  'trim-start': 'musicSoundStart',
  'trim-end': 'musicSoundEnd',
};
const MEANING_OF = Object.fromEntries(
  Object.entries(SETTING_OF).map(([meaning, setting]) => [setting, meaning]),
) as Record<keyof MusicSettings, ValueMeaning | undefined>;

export interface Assessment {
  warnings: ComposerWarning[];
  flags: FieldFlag[];
}

/** Volume, trim and range rules of a video's `musicSoundInfo`, for the fields this composer has. */
function videoRules(state: ComposerState, assessment: Assessment): void {
  const settings: MusicSettings = { musicSoundId: state.idValue };
  for (const [meaning, value] of Object.entries(state.values) as [ValueMeaning, number | null][]) {
    settings[SETTING_OF[meaning] as Exclude<keyof MusicSettings, 'musicSoundId'>] = value;
  }
  for (const note of musicSoundNotes('VIDEO', settings)) {
    const meaning = MEANING_OF[note.field];
    if (!meaning || !(meaning in state.values)) continue;
    const value = state.values[meaning];
    const missing = value === null || value === undefined || Number.isNaN(value);
    if (meaning === 'music-volume' || meaning === 'original-volume') {
      if (!missing) assessment.flags.push({ meaning, message: note.message });
      else if (state.idValue && !assessment.warnings.some((warning) => warning.id === 'silent')) {
        assessment.warnings.push({ id: 'silent', message: note.message, action: 'set-volumes' });
      }
    } else if (value !== null && value !== undefined && value < 0) {
      assessment.flags.push({ meaning, message: note.message });
    } else if (state.idValue) {
      assessment.warnings.push({ id: 'trim', message: note.message });
    }
  }
}

export function assessComposer(state: ComposerState, chosen: ChosenTrack | null): Assessment {
  const assessment: Assessment = { warnings: [], flags: [] };
  if (state.draft && state.idValue) assessment.warnings.push({ id: 'draft', message: DRAFT_MESSAGE });
  if (state.targetMode) {
    const music: MusicMode = state.musicMode ?? (state.idValue ? 'manual' : 'none');
    const note = layersMusicNote(state.targetMode, music);
    if (note) assessment.warnings.push({ id: 'layers-target', message: note });
  }
  if (state.postType !== 'IMAGE') videoRules(state, assessment);
  if (chosen && !chosen.cleared && state.idValue === chosen.id) {
    assessment.warnings.push({ id: 'not-cleared', message: NOT_CLEARED_MESSAGE });
  }
  return assessment;
}
