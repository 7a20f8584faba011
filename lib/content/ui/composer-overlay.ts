/**
 * Everything Cleartune shows for one composer: the fill UI beside each music id field, the warnings
 * right after the composer (`role="alert"`, dismissible, never blocking, never moving the form),
 * range flags on fields, and photo mode. `evaluate()` re-reads the controls and updates only what changed.
 */

import { i18n } from '#i18n';
import { PHOTO_NOTE } from '../../shared/post-rules/bundle-social';
import type { ChosenTrack } from '../../shared/track';
import { setFieldValue } from '../field-value';
import type { Composer, TextControl, ValueMeaning } from '../scan/composer-scan';
import { readComposerState } from '../scan/composer-state';
import { type Assessment, assessComposer, type WarningId } from '../warning-rules';
import { createFieldUi, type FieldUi, type FillMemory } from './insert-button';
import { INVALID_ATTRIBUTE } from './page-style';
import { createPhotoMode } from './photo-mode';
import { button, createUiHost, el } from './shadow-host';

export interface ComposerUiDeps {
  chosen(): ChosenTrack | null;
  memory: Map<string, FillMemory>;
  keyOf(field: Element): string;
  changed(): void;
  filledByPerson?(chosen: ChosenTrack): void;
}

export interface ComposerUi {
  readonly fieldUis: readonly FieldUi[];
  update(composer: Composer): void;
  evaluate(): void;
  dispose(): void;
}

export function createComposerUi(initial: Composer, deps: ComposerUiDeps): ComposerUi {
  let composer = initial;
  const doc = composer.root.ownerDocument;
  const fieldUis = new Map<Element, FieldUi>();
  const photo = createPhotoMode();
  const dismissed = new Set<WarningId>();
  const flags = new Map<TextControl, { host: HTMLElement; message: string }>();
  const { host, shadow } = createUiHost(doc, 'warnings', 'block');
  // Sticky to the bottom of the window, so a composer taller than the window still shows them.
  host.style.setProperty('position', 'sticky', 'important');
  host.style.setProperty('bottom', '0', 'important');
  host.style.setProperty('z-index', '2147483646', 'important');
  const stack = el(doc, 'div', { className: 'stack' });
  shadow.append(stack);
  let shownWarnings = '';

  /**
   * After the composer, never above or inside it: a warning coming or going (ticking "Upload to
   * draft", clearing a volume) then moves nothing the person is using. Above the form it pushed the
   * draft checkbox 42 px down the moment its own warning appeared.
   */
  const place = () => {
    const root = composer.root;
    if (root !== doc.body && root !== doc.documentElement) root.after(host);
    else (doc.body ?? doc.documentElement).append(host);
  };

  const setVolumes = () => {
    for (const meaning of ['music-volume', 'original-volume'] as const) {
      for (const field of composer.values[meaning] ?? []) setFieldValue(field, '50');
    }
    deps.changed();
  };

  const renderWarnings = ({ warnings }: Assessment, isPhoto: boolean) => {
    for (const id of dismissed) if (!warnings.some((warning) => warning.id === id)) dismissed.delete(id);
    const visible = warnings.filter((warning) => !dismissed.has(warning.id));
    const photoNote = isPhoto && Object.keys(composer.values).length > 0;
    const signature = `${photoNote}|${visible.map((warning) => warning.message).join('|')}`;
    if (signature === shownWarnings) return;
    shownWarnings = signature;
    const alerts = visible.map((warning) =>
      el(
        doc,
        'div',
        { className: 'alert', attrs: { role: 'alert' } },
        el(doc, 'span', { className: 'text', text: warning.message }),
        warning.action === 'set-volumes' ? button(doc, i18n.t('content.setVolumes'), setVolumes) : null,
        button(doc, i18n.t('content.dismiss'), () => {
          dismissed.add(warning.id);
          ui.evaluate();
        }),
      ),
    );
    const note = photoNote
      ? el(doc, 'p', { className: 'note', attrs: { role: 'note' }, text: PHOTO_NOTE })
      : null;
    stack.replaceChildren(...(note ? [note] : []), ...alerts);
  };

  const renderFlags = ({ flags: wanted }: Assessment) => {
    const next = new Map<TextControl, string>();
    for (const flag of wanted) {
      const field = composer.values[flag.meaning as ValueMeaning]?.[0];
      if (field) next.set(field, flag.message);
    }
    for (const [field, shown] of flags) {
      if (next.get(field) === shown.message) continue;
      shown.host.remove();
      field.removeAttribute(INVALID_ATTRIBUTE);
      flags.delete(field);
    }
    for (const [field, message] of next) {
      if (flags.has(field)) continue;
      const flag = createUiHost(doc, 'flag');
      flag.shadow.append(el(doc, 'span', { className: 'flag', text: message }));
      field.setAttribute(INVALID_ATTRIBUTE, '');
      field.after(flag.host);
      flags.set(field, { host: flag.host, message });
    }
  };

  const ui: ComposerUi = {
    get fieldUis() {
      return [...fieldUis.values()];
    },
    update(next) {
      composer = next;
      const elements = new Set(next.idFields.map((field) => field.element));
      for (const [element, fieldUi] of fieldUis) {
        if (elements.has(element as TextControl)) continue;
        fieldUi.dispose();
        fieldUis.delete(element);
      }
      for (const field of next.idFields) {
        if (!fieldUis.has(field.element))
          fieldUis.set(field.element, createFieldUi(field, deps.keyOf(field.element), deps));
      }
      if (!host.isConnected) place();
    },
    evaluate() {
      const state = readComposerState(composer);
      const isPhoto = state.postType === 'IMAGE';
      photo.apply(composer, isPhoto);
      const assessment = assessComposer(state, deps.chosen());
      renderWarnings(assessment, isPhoto);
      renderFlags(assessment);
      for (const fieldUi of fieldUis.values()) fieldUi.render();
      if (!host.isConnected) place();
    },
    dispose() {
      for (const fieldUi of fieldUis.values()) fieldUi.dispose();
      fieldUis.clear();
      for (const [field, shown] of flags) {
        shown.host.remove();
        field.removeAttribute(INVALID_ATTRIBUTE);
      }
      flags.clear();
      photo.release();
      host.remove();
    },
  };
  ui.update(composer);
  return ui;
}
