/**
 * The "Insert chosen track" button and the chip beside one music id field. Filling never overwrites
 * a value the user typed without asking (the chip offers "Replace"), never writes an id of the wrong
 * kind (the chip explains), and "Undo" puts back exactly what was there before.
 */
import { i18n } from '#i18n';
import type { ChosenTrack, IdKind } from '../../shared/track';
import { setFieldValue } from '../field-value';
import type { IdField, TextControl } from '../scan/composer-scan';
import { button, createUiHost, el, trackLabel } from './shadow-host';

/** What Cleartune wrote into a field, kept per field key so a re-rendered field keeps its Undo. */
export interface FillMemory {
  previous: string;
  filled: string;
  chosen: ChosenTrack;
}

export type FillOutcome = 'filled' | 'occupied' | 'mismatch' | 'none-chosen';

export interface FieldUiDeps {
  chosen(): ChosenTrack | null;
  memory: Map<string, FillMemory>;
  /** Something changed that the composer's warnings depend on. */
  changed(): void;
  /** A person's click on Insert or Replace filled the field (for the usage record). */
  filledByPerson?(chosen: ChosenTrack): void;
}

export interface FieldUi {
  readonly field: IdField;
  /** The inserted element, so other UI can sit after it. */
  readonly host: HTMLElement;
  fill(options?: { replace?: boolean }): FillOutcome;
  render(): void;
  dispose(): void;
}

/** Why `chosen` (of the other kind: there are two) does not go into a field of `fieldKind`. */
export function mismatchMessage(fieldKind: IdKind, chosen: ChosenTrack): string {
  return i18n.t(fieldKind === 'cml-song-clip' ? 'content.mismatchCml' : 'content.mismatchLayers', {
    title: chosen.title,
  });
}

export function createFieldUi(field: IdField, key: string, deps: FieldUiDeps): FieldUi {
  const element: TextControl = field.element;
  const doc = element.ownerDocument;
  const { host, shadow } = createUiHost(doc, 'field');
  let pending: 'replace' | 'mismatch' | null = null;

  /** A click that put the chosen id in (not one that found it there already) is a use. */
  const byPerson = (fill: () => FillOutcome) => {
    const before = element.value;
    const outcome = fill();
    const chosen = deps.chosen();
    if (outcome === 'filled' && chosen && before !== chosen.id) deps.filledByPerson?.(chosen);
  };
  const insert = button(doc, i18n.t('content.insert'), () => byPerson(() => ui.fill()));
  const chip = el(doc, 'span', { className: 'chip', attrs: { role: 'status' } });
  shadow.append(el(doc, 'span', { className: 'row' }, insert, chip));
  const place = () => (element.closest('label') ?? element).after(host);
  place();
  /** What the chip shows now: rebuilt only when this changes, so focus and announcements hold. */
  let shown = '';

  const write = (value: string) => {
    setFieldValue(element, value);
    deps.changed();
  };

  const showChip = (text: string, problem: boolean, ...actions: HTMLButtonElement[]) => {
    const signature = `${problem}|${text}|${actions.map((action) => action.textContent).join()}`;
    if (signature === shown) return;
    shown = signature;
    chip.replaceChildren(el(doc, 'span', { text }), ...actions);
    chip.className = problem ? 'chip problem' : 'chip';
    chip.hidden = false;
  };

  const ui: FieldUi = {
    field,
    host,
    fill({ replace = false } = {}) {
      const chosen = deps.chosen();
      pending = null;
      if (!chosen) return 'none-chosen';
      if (chosen.idKind !== field.kind) {
        pending = 'mismatch';
        ui.render();
        return 'mismatch';
      }
      const current = element.value;
      const ours = deps.memory.get(key);
      const typedByUser = current.trim() !== '' && current !== chosen.id && current !== ours?.filled;
      if (typedByUser && !replace) {
        pending = 'replace';
        ui.render();
        return 'occupied';
      }
      // Filling over our own fill keeps the original value, so Undo still returns to what the user had.
      const previous = ours && current === ours.filled ? ours.previous : current;
      deps.memory.set(key, { previous, filled: chosen.id, chosen });
      write(chosen.id);
      ui.render();
      return 'filled';
    },
    render() {
      if (!host.isConnected && element.isConnected) place();
      const chosen = deps.chosen();
      insert.disabled = !chosen;
      insert.title = chosen ? trackLabel(chosen) : i18n.t('content.chooseFirst');
      const memory = deps.memory.get(key);
      if (memory && element.value !== memory.filled) deps.memory.delete(key);
      if (memory && element.value === memory.filled) {
        return showChip(
          trackLabel(memory.chosen),
          false,
          button(doc, i18n.t('content.undo'), () => {
            const latest = deps.memory.get(key);
            if (!latest) return;
            deps.memory.delete(key);
            write(latest.previous);
            ui.render();
          }),
        );
      }
      if (pending === 'replace' && chosen && element.value.trim() !== '') {
        return showChip(
          i18n.t('content.holds', { value: element.value, track: trackLabel(chosen) }),
          true,
          button(doc, i18n.t('content.replace'), () => byPerson(() => ui.fill({ replace: true }))),
        );
      }
      if (pending === 'mismatch' && chosen && chosen.idKind !== field.kind) {
        return showChip(mismatchMessage(field.kind, chosen), true);
      }
      pending = null;
      shown = '';
      chip.replaceChildren();
      chip.hidden = true;
    },
    dispose() {
      host.remove();
    },
  };
  ui.render();
  return ui;
}
