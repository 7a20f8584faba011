/**
 * Photo posts take only the sound id, so volume and trim controls are hidden together with their
 * labels and containers, and disabled so a form does not submit them. Hiding is an attribute the
 * page style keys on, so switching back to video is instant and every value is still there.
 */
import type { Composer, TextControl } from '../scan/composer-scan';
import { isElement } from '../scan/dom-kinds';
import { CONTROL_SELECTOR, labelElementsOf, nearbyLabelOf, UI_ATTRIBUTE } from '../scan/field-names';
import { PHOTO_HIDDEN_ATTRIBUTE } from './page-style';

export interface PhotoMode {
  /** Hides (or restores) this composer's video-only controls; safe to call on every change. */
  apply(composer: Composer, isPhoto: boolean): void;
  release(): void;
}

function videoOnlyFields(composer: Composer): TextControl[] {
  return Object.values(composer.values).flat();
}

/** The largest wrapper of a field, inside the composer, that holds no control photos still need. */
export function containerOf(field: Element, root: Element, hidable: ReadonlySet<Element>): Element {
  let node = field;
  while (node.parentElement && node.parentElement !== root) {
    const controls = Array.from(node.parentElement.querySelectorAll(CONTROL_SELECTOR));
    if (!controls.every((control) => hidable.has(control))) break;
    node = node.parentElement;
  }
  return node;
}

function onlyLabels(element: Element, hidable: ReadonlySet<Element>): boolean {
  return Array.from(element.querySelectorAll(CONTROL_SELECTOR)).every((control) => hidable.has(control));
}

export function createPhotoMode(): PhotoMode {
  const hidden = new Set<Element>();
  const disabled = new Set<TextControl>();

  const hide = (element: Element) => {
    if (hidden.has(element)) return;
    element.setAttribute(PHOTO_HIDDEN_ATTRIBUTE, '');
    hidden.add(element);
  };

  const release = () => {
    for (const element of hidden) element.removeAttribute(PHOTO_HIDDEN_ATTRIBUTE);
    for (const field of disabled) field.disabled = false;
    hidden.clear();
    disabled.clear();
  };

  return {
    apply(composer, isPhoto) {
      if (!isPhoto) return release();
      const fields = videoOnlyFields(composer);
      const hidable = new Set<Element>(fields);
      for (const field of fields) {
        const container = containerOf(field, composer.root, hidable);
        hide(container);
        const nearby = container === field ? nearbyLabelOf(field) : null;
        const labels = [...labelElementsOf(field), ...(isElement(nearby) ? [nearby] : [])];
        for (const label of labels) {
          if (!container.contains(label) && !label.hasAttribute(UI_ATTRIBUTE) && onlyLabels(label, hidable))
            hide(label);
        }
        if (!field.disabled) {
          field.disabled = true;
          disabled.add(field);
        }
      }
    },
    release,
  };
}
