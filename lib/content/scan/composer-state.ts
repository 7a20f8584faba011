/** What a composer's controls currently say, read into plain data the warning rules work on. */

import type { PostType } from '../../shared/post-rules/bundle-social';
import type { MusicMode, TargetMode } from '../../shared/post-rules/layers';
import type { IdKind } from '../../shared/track';
import { numberIn } from '../field-value';
import type { Composer, ValueMeaning } from './composer-scan';
import { isInput } from './dom-kinds';

export interface ComposerState {
  idKind: IdKind;
  /** The id in the composer's music id field, trimmed; empty when none is set. */
  idValue: string;
  postType: PostType | null;
  draft: boolean;
  targetMode: TargetMode | null;
  musicMode: MusicMode | null;
  /** Per value field: its number, null when empty; absent when the composer has no such field. */
  values: Partial<Record<ValueMeaning, number | null>>;
}

function isChecked(element: Element | null): boolean {
  if (!element) return false;
  return isInput(element) ? element.checked : element.getAttribute('aria-checked') === 'true';
}

export function readComposerState(composer: Composer): ComposerState {
  const filled = composer.idFields.find((field) => field.element.value.trim() !== '');
  const primary = filled ?? composer.idFields[0];
  const values: ComposerState['values'] = {};
  for (const [meaning, fields] of Object.entries(composer.values) as [ValueMeaning, HTMLInputElement[]][]) {
    values[meaning] = numberIn(fields[0]);
  }
  return {
    idKind: primary?.kind ?? 'cml-song-clip',
    idValue: primary?.element.value.trim() ?? '',
    postType: (composer.options['post-type']?.read() as PostType | null | undefined) ?? null,
    draft: isChecked(composer.draft),
    targetMode: (composer.options['target-mode']?.read() as TargetMode | null | undefined) ?? null,
    musicMode: (composer.options['music-mode']?.read() as MusicMode | null | undefined) ?? null,
    values,
  };
}
