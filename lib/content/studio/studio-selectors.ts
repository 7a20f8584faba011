/**
 * Every TikTok Studio selector, one named constant each, from the handles public upload-automation
 * code relies on (`docs/reference/tiktok-studio-dom.md`). Class names there are generated
 * and change often; these lean on `data-e2e`, `data-button-name`, `role` and `aria-*`. When Studio's
 * markup changes, the fix is one line here, and the fixture tests say which line.
 */
import { foldText } from '../../shared/text';

/**
 * Each selector names the row of `docs/reference/tiktok-studio-dom.md` it comes from. Readable
 * component classes (`MusicPanelMusicItem__…`) and `data-*` handles only; hashed classes never.
 */
export const STUDIO = {
  /** Video form, "Older wrapper": the composer inside a same-origin iframe. */
  uploadIframe: 'iframe[data-tt="Upload_index_iframe"]',
  /** Video form, "Older wrapper": newer pages. */
  uploadContainer: 'div.upload-container',
  /** Video form, "File input"; photo form, "Mode tabs" (photo upload switches `accept` to images). */
  fileInput: 'input[type="file"][accept*="video"]',
  photoFileInput: 'input[type="file"][accept*="image"]',
  /** Video form, "Caption". */
  caption: '[data-e2e="caption_container"] [contenteditable="true"], div.public-DraftEditor-content',
  /** Video form, "Sound attached to the post" (the marquee renders the label twice). */
  attachedSound: '.sound-container .sound .marquee p',
  /** Video form, "Copyright check", and its state classes. */
  copyright: '[data-e2e="copyright_container"]',
  copyrightChecking: '.status-result.status-checking',
  copyrightIssues: '.status-warn, .status-error',
  /** Video form, "Post". */
  postButton: 'button[data-e2e="post_video_button"]',
  /** Editor, "Editor open": the inline editor's header, and its Save. */
  editorHeader: '.clip-forge-editor-header-right',
  editorSave: '.clip-forge-editor-header-right .Button__root--type-primary',
  /** Editor, "Editor open": the legacy modal editor and its Save. */
  editorModal: '.TUXModal.common-modal[role="dialog"]',
  editorModalSave: 'button[data-e2e="editor_save_button"]',
  /** Editor, "Sounds entry": the button that opens the Sounds panel (not a sign a sound is attached). */
  soundsEntry: 'button[data-button-name="sounds"]',
  /** Editor, "Sounds entry": the panel root. */
  soundsPanel: 'div[data-name="MusicPanel"], .MusicPanelContainer__root',
  /** Editor, "Panel tabs": the favorites tab carries an id; the others only text. */
  panelTab: '[role="tab"]',
  favoritesTab: '[aria-controls="panel-favorites"], #favourite',
  /** Editor, "Search box" (any language). */
  soundSearch: '.MusicPanelSearchBar__wrap input[type="text"]',
  /** Editor, "Result rows"; photo form, "Add sound" (the picker's rows are list items). */
  soundRow: '.MusicPanelMusicItem__wrap',
  pickerRow: '[role="listitem"]',
  rowTitle: '.MusicPanelMusicItem__infoBasicTitle',
  rowDesc: '.MusicPanelMusicItem__infoBasicDesc',
  /** Editor, "Add a row's sound": the button and the icon whose name tells its state. */
  rowAdd: '.MusicPanelMusicItem__operation button',
  icon: '[data-icon]',
  /** Editor, "Added sound's volume": a clip on the timeline means a sound was added in the editor. */
  audioClip: '.AudioClip__root',
  /** Photo form, "Add sound": the picker. */
  photoPicker: '.MusicPickerView__root',
} as const;

/** What a row's add icon says (`data-icon`): add, replace (this row's sound is in), or busy. */
export const ROW_ICONS = { add: 'PlusBold', added: 'ArrowLeftRight', loading: 'Loading' } as const;

/**
 * Words that only appear as text in Studio's UI, in English, Spanish, Portuguese, German, French,
 * Indonesian and Vietnamese. Anything with an attribute is matched by the attribute instead.
 */
export const STUDIO_WORDS = {
  addSound: [
    'add sound',
    'añadir sonido',
    'agregar sonido',
    'adicionar som',
    'sound hinzufügen',
    'ajouter un son',
    'tambahkan suara',
    'thêm âm thanh',
  ],
  use: ['use', 'usar', 'verwenden', 'utiliser', 'gunakan', 'sử dụng', 'dùng'],
  replace: ['replace', 'reemplazar', 'substituir', 'ersetzen', 'remplacer', 'ganti', 'thay thế'],
  unlimited: [
    'unlimited',
    'ilimitado',
    'ilimitados',
    'unbegrenzt',
    'illimité',
    'tanpa batas',
    'không giới hạn',
  ],
  photos: ['photos', 'photo', 'fotos', 'foto', 'ảnh', 'hình ảnh'],
  save: ['save', 'guardar', 'salvar', 'speichern', 'enregistrer', 'simpan', 'lưu'],
} as const;

/** Whether an element's own text is one of `words` (folded: case and accents aside). */
export function saysOneOf(element: Element, words: readonly string[]): boolean {
  const text = foldText((element.textContent ?? '').slice(0, 60));
  return words.some((word) => foldText(word) === text);
}

/** Any of these means the document holds Studio's composer (or its editor). */
export const STUDIO_COMPOSER_SELECTOR = [
  STUDIO.uploadContainer,
  STUDIO.caption,
  STUDIO.postButton,
  STUDIO.editorModal,
  STUDIO.editorHeader,
  STUDIO.soundsEntry,
  STUDIO.soundsPanel,
  STUDIO.photoPicker,
  STUDIO.photoFileInput,
  STUDIO.attachedSound,
].join(', ');

export function isStudioDocument(doc: Document): boolean {
  return /(^|\.)tiktok\.com$/.test(doc.location?.hostname ?? '');
}
