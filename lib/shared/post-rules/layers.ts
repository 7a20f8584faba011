/**
 * Layers' `tiktokMusic` rules: only `managed` targets honour a manual track; `publish` silently
 * degrades manual to auto; any `tiktokMusic` on a `draft` target is rejected with a 422.
 */
import { i18n } from '#i18n';

export type TargetMode = 'publish' | 'draft' | 'managed';
export type MusicMode = 'none' | 'auto' | 'manual';

export interface LayersMusic {
  mode: MusicMode;
  trackId?: string;
}

export function layersMusicNote(targetMode: TargetMode, music: MusicMode): string | null {
  if (music === 'none') return null;
  if (targetMode === 'draft') return i18n.t('content.rules.layersDraft');
  if (targetMode === 'publish' && music === 'manual') {
    return i18n.t('content.rules.layersPublish');
  }
  return null;
}

/** The `tiktokMusic` object for a chosen track, and a note when the target would not honour it. */
export function layersPayload(
  trackId: string,
  targetMode: TargetMode = 'managed',
): { payload: { tiktokMusic: LayersMusic }; note: string | null } {
  return {
    payload: { tiktokMusic: { mode: 'manual', trackId } },
    note: layersMusicNote(targetMode, 'manual'),
  };
}
