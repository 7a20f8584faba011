/**
 * Element checks that work across frames. `instanceof HTMLInputElement` is false for an input of a
 * same-origin iframe (another realm has other constructors), so checks go by tag name.
 */
export const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === 1;
export const isInput = (node: Node | null | undefined): node is HTMLInputElement =>
  isElement(node) && node.localName === 'input';
export const isTextArea = (node: Node | null | undefined): node is HTMLTextAreaElement =>
  isElement(node) && node.localName === 'textarea';
export const isSelect = (node: Node | null | undefined): node is HTMLSelectElement =>
  isElement(node) && node.localName === 'select';
