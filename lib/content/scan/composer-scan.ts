/**
 * Finds composers in a document. A composer is the region around a music id field: the largest
 * ancestor that holds no other composer's id field (stopping at its `<form>`), so several composers
 * on one page — a Layers form with two targets, two posts side by side — stay independent.
 */
import type { IdKind } from '../../shared/track';
import { isInput, isSelect, isTextArea } from './dom-kinds';
import { CONTROL_SELECTOR, createLabelIndex, type LabelIndex, meaningOfControl } from './field-names';
import type { FieldMeaning, OptionMeaning } from './field-patterns';
import { findOptionControls, type OptionControl } from './option-controls';

export type TextControl = HTMLInputElement | HTMLTextAreaElement;
export type ValueMeaning = 'music-volume' | 'original-volume' | 'trim-start' | 'trim-end';

export interface IdField {
  element: TextControl;
  /** The kind of id this field takes: a Layers UUID never goes into a CML field, nor the reverse. */
  kind: IdKind;
}

export interface Composer {
  root: Element;
  idFields: IdField[];
  values: Partial<Record<ValueMeaning, TextControl[]>>;
  draft: Element | null;
  options: Partial<Record<OptionMeaning, OptionControl>>;
}

const ID_KIND_OF_MEANING: Partial<Record<FieldMeaning, IdKind>> = {
  'cml-sound-id': 'cml-song-clip',
  'layers-track-id': 'layers-track',
};
const ID_INPUT_TYPES = new Set(['text', 'search', 'number', 'tel', 'textarea']);
const VALUE_INPUT_TYPES = new Set(['text', 'number', 'range']);
const SKIPPED_INPUT_TYPES = new Set(['hidden', 'radio', 'submit', 'button', 'reset', 'file', 'image']);

/** Which meanings a control of this type may carry. */
function acceptsFor(element: Element): ((meaning: FieldMeaning) => boolean) | null {
  if (isSelect(element)) return null;
  const type = isTextArea(element)
    ? 'textarea'
    : isInput(element)
      ? element.type
      : element.getAttribute('role');
  if (!type || SKIPPED_INPUT_TYPES.has(type)) return null;
  return (meaning) => {
    if (meaning === 'draft') return type === 'checkbox' || type === 'switch';
    if (meaning in ID_KIND_OF_MEANING) return ID_INPUT_TYPES.has(type);
    return VALUE_INPUT_TYPES.has(type);
  };
}

interface Classified {
  element: Element;
  meaning: FieldMeaning;
}

const CLASSIFIED_SELECTOR = `${CONTROL_SELECTOR}, [role="switch"], [role="checkbox"]:not(input)`;

function classify(element: Element, labelsOf: LabelIndex): FieldMeaning | null {
  const accepts = acceptsFor(element);
  return accepts && meaningOfControl(element, accepts, labelsOf);
}

function classifyControls(doc: Document, labelsOf: LabelIndex): Classified[] {
  const found: Classified[] = [];
  for (const element of Array.from(doc.querySelectorAll(CLASSIFIED_SELECTOR))) {
    const meaning = classify(element, labelsOf);
    if (meaning) found.push({ element, meaning });
  }
  return found;
}

/**
 * Whether newly added elements hold (or, for a late label, name) a music id field: on a page with
 * no composer this is all the work a DOM change costs.
 */
export function addsIdField(added: readonly Element[]): boolean {
  const labelsOf = createLabelIndex();
  return added.some((root) => {
    const controls = [
      ...(root.matches(CLASSIFIED_SELECTOR) ? [root] : []),
      ...Array.from(root.querySelectorAll(CLASSIFIED_SELECTOR)),
      ...[root, ...Array.from(root.querySelectorAll('label'))].flatMap((label) =>
        label.localName === 'label' && (label as HTMLLabelElement).control
          ? [(label as HTMLLabelElement).control as Element]
          : [],
      ),
    ];
    return controls.some((control) => {
      const meaning = classify(control, labelsOf);
      return meaning !== null && ID_KIND_OF_MEANING[meaning] !== undefined;
    });
  });
}

/** The region of one composer; see the module comment. */
export function composerRootFor(field: Element, idFields: readonly Element[]): Element {
  let node = field;
  const body = field.ownerDocument.body;
  while (node !== body && !node.matches('form')) {
    const parent = node.parentElement;
    if (!parent || idFields.some((other) => other !== field && parent.contains(other))) break;
    node = parent;
  }
  return node;
}

/** Every composer in a document; empty when it has no music id field. */
export function scanComposers(doc: Document, labelsOf: LabelIndex = createLabelIndex()): Composer[] {
  const classified = classifyControls(doc, labelsOf);
  const idControls = classified.filter((entry) => ID_KIND_OF_MEANING[entry.meaning]);
  if (idControls.length === 0) return [];
  const idElements = idControls.map((entry) => entry.element);
  const composers: Composer[] = [];
  for (const entry of idControls) {
    const root = composerRootFor(entry.element, idElements);
    let composer = composers.find((candidate) => candidate.root === root);
    if (!composer) {
      composer = { root, idFields: [], values: {}, draft: null, options: {} };
      composers.push(composer);
    }
    composer.idFields.push({
      element: entry.element as TextControl,
      kind: ID_KIND_OF_MEANING[entry.meaning] as IdKind,
    });
  }
  const composerOf = (element: Element) => composers.find((composer) => composer.root.contains(element));
  for (const { element, meaning } of classified) {
    const composer = composerOf(element);
    if (!composer || ID_KIND_OF_MEANING[meaning]) continue;
    if (meaning === 'draft') composer.draft ??= element;
    else {
      const valueMeaning = meaning as ValueMeaning;
      composer.values[valueMeaning] = [...(composer.values[valueMeaning] ?? []), element as TextControl];
    }
  }
  for (const control of findOptionControls(doc, labelsOf)) {
    const first = control.elements[0];
    const composer = first && composerOf(first);
    if (composer) composer.options[control.meaning] ??= control;
  }
  return composers;
}
