/**
 * Where the shortcut and the context menu insert: the composer field the person is in (focused,
 * or right-clicked), or a field of the composer around it, the chosen track's kind first.
 */
import type { IdKind } from '../shared/track';
import type { LabelledCandidate } from './watched-document';

/** The focused element, followed into same-origin frames. */
export function focusedElement(doc: Document): Element | null {
  let element = doc.activeElement;
  while (element?.localName === 'iframe') {
    let inner: Document | null = null;
    try {
      inner = (element as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (!inner?.activeElement) break;
    element = inner.activeElement;
  }
  return element;
}

/**
 * The id field `element` is, or one in the composer region holding it (the field of `kind` first);
 * undefined when the element is in no composer.
 */
export function candidateFor(
  candidates: readonly LabelledCandidate[],
  roots: readonly Element[],
  element: Element | null,
  kind: IdKind | null,
): LabelledCandidate | undefined {
  if (!element) return undefined;
  const own = candidates.find((candidate) => candidate.ui.field.element === element);
  if (own) return own;
  const root = roots.find((region) => region.contains(element));
  if (!root) return undefined;
  const inside = candidates.filter((candidate) => root.contains(candidate.ui.field.element));
  return inside.find((candidate) => candidate.ui.field.kind === kind) ?? inside[0];
}
