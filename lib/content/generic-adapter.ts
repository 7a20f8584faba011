/**
 * The adapter for any composer recognised by its fields (bundle.social-style forms, Layers targets,
 * plain forms): keeps one `ComposerUi` per composer in a document as composers appear, are
 * re-rendered and go away.
 */
import type { ChosenTrack } from '../shared/track';
import { type Composer, scanComposers } from './scan/composer-scan';
import { createLabelIndex, type LabelIndex, namesOf } from './scan/field-names';
import { meaningOfName } from './scan/field-patterns';
import type { Scope } from './scope';
import { type ComposerUi, createComposerUi } from './ui/composer-overlay';
import type { FieldUi, FillMemory } from './ui/insert-button';

export interface FieldCandidate {
  ui: FieldUi;
  /** When the user last worked in this field's composer (0 never): the popup's "Use" fills the latest. */
  focusedAt: number;
}

export interface GenericAdapter {
  rescan(): void;
  evaluate(): void;
  tracked(): Element[];
  /** The composers' regions: only DOM changes inside one (or new id fields) call for a rescan. */
  roots(): Element[];
  hasComposer(): boolean;
  candidates(): FieldCandidate[];
  dispose(): void;
}

export const GENERIC_WATCH_SELECTOR =
  'input, select, textarea, label, [role="tablist"], [role="radiogroup"], [role="switch"], [role="checkbox"]';

/** A key per id field that survives React replacing the node: kind, name, and position among equals. */
function fieldKeys(composers: readonly Composer[], labelsOf: LabelIndex): Map<Element, string> {
  const keys = new Map<Element, string>();
  const seen = new Map<string, number>();
  for (const composer of composers) {
    for (const field of composer.idFields) {
      // The name that gave the field its meaning: generated ids (React's `:r3:`) change on remount.
      const name =
        namesOf(field.element, labelsOf).find((candidate) => meaningOfName(candidate) !== null) ?? '';
      const base = `${field.kind}|${name}`;
      const index = seen.get(base) ?? 0;
      seen.set(base, index + 1);
      keys.set(field.element, `${base}#${index}`);
    }
  }
  return keys;
}

export function createGenericAdapter(
  doc: Document,
  scope: Scope,
  chosen: () => ChosenTrack | null,
  filledByPerson?: (chosen: ChosenTrack) => void,
): GenericAdapter {
  const memory = new Map<string, FillMemory>();
  const uis = new Map<Element, ComposerUi>();
  const focusedAt = new WeakMap<Element, number>();
  let keys = new Map<Element, string>();

  const evaluate = () => {
    for (const ui of uis.values()) ui.evaluate();
  };
  const deps = {
    chosen,
    memory,
    keyOf: (field: Element) => keys.get(field) ?? '',
    // A fill or "Set both to 50" changed values: re-read every composer right away.
    changed: () => evaluate(),
    filledByPerson,
  };

  scope.listen(
    doc,
    'focusin',
    (event) => {
      const target = event.target as Node | null;
      for (const root of uis.keys()) if (target && root.contains(target)) focusedAt.set(root, Date.now());
    },
    true,
  );

  const adapter: GenericAdapter = {
    rescan() {
      const labelsOf = createLabelIndex();
      const composers = scanComposers(doc, labelsOf);
      keys = fieldKeys(composers, labelsOf);
      const roots = new Set(composers.map((composer) => composer.root));
      for (const [root, ui] of uis) {
        if (roots.has(root)) continue;
        ui.dispose();
        uis.delete(root);
      }
      for (const composer of composers) {
        const existing = uis.get(composer.root);
        if (existing) existing.update(composer);
        else uis.set(composer.root, createComposerUi(composer, deps));
      }
      evaluate();
    },
    evaluate,
    tracked() {
      const elements: Element[] = [];
      for (const [root, ui] of uis)
        elements.push(root, ...ui.fieldUis.map((fieldUi) => fieldUi.field.element));
      return elements;
    },
    roots: () => [...uis.keys()],
    hasComposer: () => uis.size > 0,
    candidates() {
      return [...uis].flatMap(([root, ui]) =>
        ui.fieldUis.map((fieldUi) => ({ ui: fieldUi, focusedAt: focusedAt.get(root) ?? 0 })),
      );
    },
    dispose() {
      for (const ui of uis.values()) ui.dispose();
      uis.clear();
    },
  };
  scope.onDispose(() => adapter.dispose());
  return adapter;
}
