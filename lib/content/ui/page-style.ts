/**
 * The only styles Cleartune puts into the page itself: hiding keyed on an attribute (instant and
 * reversible: removing the attribute restores the control), and outlines for flagged fields and the
 * matched Studio sound. Everything else lives in shadow roots.
 */
import { UI_ATTRIBUTE } from '../scan/field-names';

export const PHOTO_HIDDEN_ATTRIBUTE = 'data-cleartune-photo-hidden';
export const INVALID_ATTRIBUTE = 'data-cleartune-invalid';
export const MATCH_ATTRIBUTE = 'data-cleartune-match';

const PAGE_CSS = `[${PHOTO_HIDDEN_ATTRIBUTE}]{display:none!important}
[${INVALID_ATTRIBUTE}]{outline:2px solid #b91c1c!important;outline-offset:1px}
[${MATCH_ATTRIBUTE}]{outline:3px solid #7c3aed!important;outline-offset:2px}`;

/** Adds the page style once per document; returns its removal. */
export function injectPageStyle(doc: Document): () => void {
  const style = doc.createElement('style');
  style.setAttribute(UI_ATTRIBUTE, 'style');
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return () => {
    style.remove();
    for (const attribute of [PHOTO_HIDDEN_ATTRIBUTE, INVALID_ATTRIBUTE, MATCH_ATTRIBUTE]) {
      for (const element of Array.from(doc.querySelectorAll(`[${attribute}]`))) {
        element.removeAttribute(attribute);
      }
    }
  };
}
