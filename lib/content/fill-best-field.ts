/**
 * Where the popup's "Use" goes on a page: the composer the user worked in most recently, among those
 * whose id field takes the chosen track's kind. The answer is what the popup tells the user.
 */
import { i18n } from '#i18n';
import type { FillResult } from '../shared/protocol';
import type { ChosenTrack } from '../shared/track';
import { mismatchMessage } from './ui/insert-button';
import type { LabelledCandidate } from './watched-document';

/** The shortcut or the menu, used outside any composer: nothing is filled elsewhere on the page. */
export const NOT_IN_COMPOSER = i18n.t('content.notInComposer');

function latest(candidates: readonly LabelledCandidate[]): LabelledCandidate | undefined {
  return candidates.reduce<LabelledCandidate | undefined>(
    (best, candidate) => (!best || candidate.focusedAt > best.focusedAt ? candidate : best),
    undefined,
  );
}

/** Fills the best field; undefined when the page has no field at all (another frame may have one). */
export function fillBestField(
  candidates: readonly LabelledCandidate[],
  chosen: ChosenTrack,
): FillResult | undefined {
  const target =
    latest(candidates.filter((candidate) => candidate.ui.field.kind === chosen.idKind)) ?? latest(candidates);
  return target && fillCandidate(target, chosen);
}

/** Fills this field, or says why not (the other kind of id, a value already there). */
export function fillCandidate(target: LabelledCandidate, chosen: ChosenTrack): FillResult {
  if (target.ui.field.kind !== chosen.idKind) {
    // The field's own UI shows the refusal too.
    target.ui.fill();
    return { filledInto: null, message: mismatchMessage(target.ui.field.kind, chosen) };
  }
  const before = target.ui.field.element.value;
  const outcome = target.ui.fill();
  if (outcome === 'filled') {
    const result: FillResult = {
      filledInto: target.label,
      message: i18n.t('content.filled', { site: target.label }),
    };
    // The id was there already: nothing new went into the post, so the usage record skips it.
    return before === chosen.id ? { ...result, unchanged: true } : result;
  }
  return {
    filledInto: null,
    message: i18n.t('content.occupied', { site: target.label }),
  };
}
