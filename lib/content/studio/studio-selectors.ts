/**
 * Every TikTok Studio selector, one named constant each, from the handles public upload-automation
 * code relies on (`docs/reference/tiktok-studio-dom.md`). Class names there are generated
 * and change often; these lean on `data-e2e`, `data-button-name`, `role` and `aria-*`. When Studio's
 * markup changes, the fix is one line here, and the fixture tests say which line.
 */
import { foldText } from '../../shared/text';

export const STUDIO = {
  /** The older upload page wraps the composer in a same-origin iframe. */
  uploadIframe: 'iframe[data-tt="Upload_index_iframe"]',
  uploadContainer: 'div.upload-container',
  fileInput: 'input[type="file"][accept*="video"]',
  caption: '[data-e2e="caption_container"] [contenteditable="true"], div.public-DraftEditor-content',
  postButton: 'button[data-e2e="post_video_button"]',
  editorModal: '.TUXModal.common-modal[role="dialog"]',
  /** The "Sounds" entry inside the video editor. */
  soundsEntry: '[data-button-name="sounds"]',
  soundCard: '.music-card-container',
  /** Not confirmed by any public source: only used inside the editor or next to sound cards. */
  soundSearch: 'input[placeholder*="search" i]',
} as const;

/** Any of these means the document holds Studio's composer (or its editor). */
export const STUDIO_COMPOSER_SELECTOR = [
  STUDIO.uploadContainer,
  STUDIO.caption,
  STUDIO.postButton,
  STUDIO.editorModal,
  STUDIO.soundsEntry,
  STUDIO.soundCard,
].join(', ');

export function isStudioDocument(doc: Document): boolean {
  return /(^|\.)tiktok\.com$/.test(doc.location?.hostname ?? '');
}

export function hasStudioComposer(doc: Document): boolean {
  return doc.querySelector(STUDIO_COMPOSER_SELECTOR) !== null;
}

/** The sound search box: inside the editor, or near the sound cards; null rather than a guess. */
export function findSoundSearch(doc: Document): HTMLInputElement | null {
  const inEditor = doc.querySelector<HTMLInputElement>(`${STUDIO.editorModal} ${STUDIO.soundSearch}`);
  if (inEditor) return inEditor;
  let node = doc.querySelector(STUDIO.soundCard)?.parentElement ?? null;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    const input = node.querySelector<HTMLInputElement>(STUDIO.soundSearch);
    if (input) return input;
  }
  return null;
}

export function findSoundCards(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(STUDIO.soundCard));
}

/** The first card whose text holds the track's title and artist, accent-insensitively. */
export function matchingCard(
  cards: readonly Element[],
  track: { title: string; artist: string },
): Element | null {
  const title = foldText(track.title);
  const artist = foldText(track.artist);
  return (
    cards.find((card) => {
      const text = foldText(card.textContent ?? '');
      return text.includes(title) && text.includes(artist);
    }) ?? null
  );
}
