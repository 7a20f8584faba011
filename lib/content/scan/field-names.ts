/**
 * The texts a page uses to name a control, most specific first: its `name`, `id`, `data-*` field
 * names, `aria-label`, `aria-labelledby`, associated `<label>`s, `placeholder`, then the text just
 * before it. Pages name composer fields in any of these ways, and often in only one of them.
 *
 * Associated labels are found without `element.labels`: Blink recomputes that list by walking the
 * whole document after any DOM change, which made one scan of a busy 5,000-node page cost ~6 ms
 * (`npm run bench`, heavy page). A `LabelIndex` reads the wrapping `<label>` with `closest` and the
 * `label[for]`s from a map built once per scan.
 */
import { isElement } from './dom-kinds';
import { type FieldMeaning, meaningOfName, TEXT_MAX } from './field-patterns';

/** Marks every element Cleartune inserts, so scanning and nearby-text reading skip them. */
export const UI_ATTRIBUTE = 'data-cleartune-ui';

export const CONTROL_SELECTOR = 'input, select, textarea';
const NEARBY_TEXT_MAX = 80;
const IDENTIFIER = /^[\w.\-[\]:]{1,100}$/;

/** Raw text read from one label: names are read only up to `TEXT_MAX`, white space aside. */
const LABEL_TEXT_MAX = 4 * TEXT_MAX;
/** Ids read from `aria-labelledby`: a real one lists a few, a page can list thousands. */
const LABELLED_BY_MAX = 8;

/** A label's or option's text, white space folded, read only as far as any analysis looks. */
export function cleanText(text: string | null | undefined): string {
  return text?.slice(0, LABEL_TEXT_MAX).replace(/\s+/g, ' ').trim() ?? '';
}

function textOf(element: Element | null): string {
  return cleanText(element?.textContent);
}

function labelledByIds(element: Element): string[] {
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  return [...new Set(ids)].slice(0, LABELLED_BY_MAX);
}

function labelledByText(element: Element): string {
  return labelledByIds(element)
    .map((id) => textOf(element.ownerDocument.getElementById(id)))
    .join(' ');
}

function isOurs(node: Node): boolean {
  return isElement(node) && node.hasAttribute(UI_ATTRIBUTE);
}

/**
 * The node holding the short text right before a control: a text node or element just before it (or
 * before the wrapper it alone fills), e.g. `<div><span>Music volume</span><input></div>`.
 */
export function nearbyLabelOf(element: Element): Node | null {
  let node: Element | null = element;
  for (let depth = 0; depth < 3 && node; depth++) {
    let sibling: Node | null = node.previousSibling;
    while (sibling && (isOurs(sibling) || (sibling.nodeType === 3 && !sibling.textContent?.trim()))) {
      sibling = sibling.previousSibling;
    }
    if (sibling) {
      if (
        isElement(sibling) &&
        (sibling.matches(CONTROL_SELECTOR) || sibling.querySelector(CONTROL_SELECTOR))
      ) {
        return null;
      }
      const text = sibling.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return text.length <= NEARBY_TEXT_MAX ? sibling : null;
    }
    node = node.parentElement;
    if (node?.matches('form, body, fieldset')) return null;
  }
  return null;
}

export function nearbyTextOf(element: Element): string {
  return nearbyLabelOf(element)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The `<label>`s of a control, as `element.labels` lists them (tree order), without its cost. */
export type LabelIndex = (element: Element) => Element[];

const controlOf = (label: Element) => (label as HTMLLabelElement).control as Element | null;

/**
 * A label lookup for one pass over a document: the `label[for]` map of each document or shadow root
 * is built on first need (a control with an id) and reused, so the DOM must not change while it is
 * in use. Make a new one per scan.
 */
export function createLabelIndex(): LabelIndex {
  const byRoot = new Map<Node, Map<string, Element[]>>();
  const forLabels = (root: Node, id: string): Element[] => {
    let index = byRoot.get(root);
    if (!index) {
      index = new Map();
      const found = 'querySelectorAll' in root ? (root as ParentNode).querySelectorAll('label[for]') : [];
      for (const label of Array.from(found)) {
        const target = label.getAttribute('for') ?? '';
        index.set(target, [...(index.get(target) ?? []), label]);
      }
      byRoot.set(root, index);
    }
    return index.get(id) ?? [];
  };
  return (element) => {
    const labels: Element[] = [];
    const wrapping = element.parentElement?.closest('label');
    if (wrapping && controlOf(wrapping) === element) labels.push(wrapping);
    if (element.id) {
      for (const label of forLabels(element.getRootNode(), element.id)) {
        if (label !== wrapping && controlOf(label) === element) labels.push(label);
      }
    }
    if (labels.length > 1) {
      labels.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    }
    return labels;
  };
}

/** The label elements that name a control, so photo mode can hide them with it. */
export function labelElementsOf(element: Element, labelsOf: LabelIndex = createLabelIndex()): Element[] {
  const labels: Element[] = [...labelsOf(element)];
  for (const id of labelledByIds(element)) {
    const label = element.ownerDocument.getElementById(id);
    if (label) labels.push(label);
  }
  return labels;
}

export function namesOf(element: Element, labelsOf: LabelIndex = createLabelIndex()): string[] {
  const names: string[] = [];
  const add = (text: string | null | undefined) => {
    const trimmed = text?.trim();
    if (trimmed) names.push(trimmed);
  };
  add(element.getAttribute('name'));
  add(element.id);
  for (const attribute of Array.from(element.attributes)) {
    if (!attribute.name.startsWith('data-') || attribute.name.startsWith('data-cleartune')) continue;
    if (IDENTIFIER.test(attribute.value)) add(attribute.value);
  }
  add(element.getAttribute('aria-label'));
  add(labelledByText(element));
  for (const label of labelsOf(element)) add(textOf(label));
  add(element.getAttribute('placeholder'));
  add(element.getAttribute('title'));
  add(nearbyTextOf(element));
  return names;
}

/**
 * The first meaning, among those this kind of control can have, that any of its names carries: a
 * text box whose id happens to say "draft" is not the draft checkbox, so the search goes on.
 */
export function meaningOfControl(
  element: Element,
  accepts: (meaning: FieldMeaning) => boolean,
  labelsOf: LabelIndex = createLabelIndex(),
): FieldMeaning | null {
  for (const name of namesOf(element, labelsOf)) {
    const meaning = meaningOfName(name);
    if (meaning && accepts(meaning)) return meaning;
  }
  return null;
}
