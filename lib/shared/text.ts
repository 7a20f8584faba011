const MARKS = /\p{M}+/gu;

/**
 * Text folded for matching: NFD, accents dropped, lower case, runs of white space as one space,
 * trimmed. "Beyoncé  ÉTÉ" and "beyonce ete" fold alike. The popup's search and the content script's
 * match of a Studio sound card both compare folded text.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
