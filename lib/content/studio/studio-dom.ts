/**
 * Reading TikTok Studio's upload page: where the person is (video or photo form, editor, Sounds
 * panel and its tab, photo picker), which sound is attached, and the copyright check. Reads only;
 * nothing here changes the page. Every selector comes from `studio-selectors.ts`.
 */
import { foldText } from '../../shared/text';
import { ROW_ICONS, STUDIO, STUDIO_COMPOSER_SELECTOR, STUDIO_WORDS, saysOneOf } from './studio-selectors';
import type { RowText } from './track-match';

export type PickerKind = 'sounds' | 'photo';
export type PanelTab = 'unlimited' | 'favorites' | 'other';
export type CopyrightState = 'checking' | 'clear' | 'issues';

export interface StudioState {
  form: 'video' | 'photo' | null;
  editorOpen: boolean;
  /** The open sound picker: the editor's Sounds panel or the photo form's picker. */
  picker: { kind: PickerKind; tab: PanelTab | null } | null;
  /** The sound on the post: the form's sound label, or the photo form's sound box. */
  attached: string | null;
  /** A sound added in the open editor and not saved yet (its row shows the replace icon). */
  pendingInEditor: string | null;
  copyright: CopyrightState | null;
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').slice(0, 300).trim();

export function editorOpen(doc: Document): boolean {
  return doc.querySelector(`${STUDIO.editorHeader}, ${STUDIO.editorModal}`) !== null;
}

/** The open picker: the Sounds panel wins when both are somehow present. */
export function openPicker(doc: Document): { kind: PickerKind; root: Element } | null {
  const panel = doc.querySelector(STUDIO.soundsPanel);
  if (panel) return { kind: 'sounds', root: panel };
  const picker = doc.querySelector(STUDIO.photoPicker);
  return picker ? { kind: 'photo', root: picker } : null;
}

/** The picker's search box: the Sounds panel's search bar, or the one text box in the photo picker. */
export function searchBox(root: Element): HTMLInputElement | null {
  return (
    root.querySelector<HTMLInputElement>(STUDIO.soundSearch) ??
    root.querySelector<HTMLInputElement>('input[type="text"], input[type="search"], input:not([type])')
  );
}

export function pickerRows(root: Element): Element[] {
  const rows = root.querySelectorAll(STUDIO.soundRow);
  return Array.from(rows.length > 0 ? rows : root.querySelectorAll(STUDIO.pickerRow));
}

export function rowText(row: Element): RowText {
  return { title: text(row.querySelector(STUDIO.rowTitle)), desc: text(row.querySelector(STUDIO.rowDesc)) };
}

/** The row's add button's state, from its icon's name. */
export function rowIcon(row: Element): 'add' | 'added' | 'loading' | null {
  const icon = row.querySelector(STUDIO.rowAdd)?.querySelector(STUDIO.icon)?.getAttribute('data-icon');
  if (icon === ROW_ICONS.add) return 'add';
  if (icon === ROW_ICONS.added) return 'added';
  if (icon === ROW_ICONS.loading) return 'loading';
  return null;
}

export function selectedTab(root: Element): PanelTab | null {
  const tab = root.querySelector(`${STUDIO.panelTab}[aria-selected="true"]`);
  if (!tab) return null;
  if (tab.matches(STUDIO.favoritesTab) || tab.querySelector(STUDIO.favoritesTab)) return 'favorites';
  return saysOneOf(tab, STUDIO_WORDS.unlimited) ? 'unlimited' : 'other';
}

/** Studio's Commercial Music Library tab ("Unlimited" in English): known only by its text. */
export function unlimitedTab(root: Element): HTMLElement | null {
  const tabs = Array.from(root.querySelectorAll<HTMLElement>(STUDIO.panelTab));
  return tabs.find((tab) => saysOneOf(tab, STUDIO_WORDS.unlimited)) ?? null;
}

/** The photo form's "Add sound" button: text only, in any of the languages known. */
export function addSoundButton(doc: Document): HTMLElement | null {
  const buttons = Array.from(doc.querySelectorAll<HTMLElement>('button'));
  return buttons.find((button) => saysOneOf(button, STUDIO_WORDS.addSound)) ?? null;
}

/** The photo form's sound box: the element around its "Replace" button, read without the button. */
function photoSoundTitle(doc: Document): string | null {
  const buttons = Array.from(doc.querySelectorAll<HTMLElement>('button'));
  const replace = buttons.find(
    (button) => saysOneOf(button, STUDIO_WORDS.replace) && !button.closest(STUDIO.photoPicker),
  );
  const box = replace?.parentElement;
  if (!box || !replace) return null;
  const title = text(box.querySelector(STUDIO.rowTitle));
  if (title) return title;
  const rest = foldText(text(box))
    .replace(foldText(text(replace)), '')
    .trim();
  return rest ? text(box).replace(text(replace), '').trim() : null;
}

export function formKind(doc: Document): 'video' | 'photo' | null {
  if (doc.querySelector(STUDIO.photoFileInput)) return 'photo';
  const selected = doc.querySelector('button[role="tab"][aria-selected="true"]');
  if (selected && saysOneOf(selected, STUDIO_WORDS.photos)) return 'photo';
  if (doc.querySelector(`${STUDIO.fileInput}, ${STUDIO.uploadContainer}, ${STUDIO.postButton}`))
    return 'video';
  return null;
}

/** The form's sound label; the photo form's sound box only on the photo form (a walk over its buttons). */
export function attachedSound(doc: Document, form = formKind(doc)): string | null {
  return text(doc.querySelector(STUDIO.attachedSound)) || (form === 'photo' ? photoSoundTitle(doc) : null);
}

export function copyrightState(doc: Document): CopyrightState | null {
  const box = doc.querySelector(STUDIO.copyright);
  if (!box) return null;
  const shown = (selector: string) =>
    Array.from(box.querySelectorAll(selector)).some((el) => el.getAttribute('data-show') !== 'false');
  if (shown(STUDIO.copyrightChecking)) return 'checking';
  if (shown(STUDIO.copyrightIssues)) return 'issues';
  return box.querySelector('.status-result') ? 'clear' : null;
}

export function readStudioState(doc: Document): StudioState {
  const picker = openPicker(doc);
  const isEditorOpen = editorOpen(doc);
  const added =
    isEditorOpen && picker?.kind === 'sounds'
      ? pickerRows(picker.root).find((row) => rowIcon(row) === 'added')
      : undefined;
  const form = formKind(doc);
  return {
    form,
    editorOpen: isEditorOpen,
    picker: picker && { kind: picker.kind, tab: picker.kind === 'sounds' ? selectedTab(picker.root) : null },
    attached: attachedSound(doc, form),
    pendingInEditor: added ? rowText(added).title : null,
    copyright: copyrightState(doc),
  };
}

/**
 * The parts of the page that hold Studio's composer: each upload form, and for anything of Studio's
 * outside one (the inline editor, the photo picker, a modal, often mounted at the end of `<body>`)
 * the largest subtree around it that holds no form. The rest of the page is not Studio's to watch.
 */
export function studioRegions(doc: Document): Element[] {
  const forms = Array.from(doc.querySelectorAll(STUDIO.uploadContainer));
  const regions = new Set<Element>(forms);
  const top = (node: Element | null) => !node || node === doc.body || node === doc.documentElement;
  for (const found of Array.from(doc.querySelectorAll(STUDIO_COMPOSER_SELECTOR))) {
    if (forms.some((form) => form.contains(found))) continue;
    let region = found;
    while (!top(region.parentElement) && !forms.some((form) => region.parentElement?.contains(form)))
      region = region.parentElement as Element;
    regions.add(region);
  }
  return [...regions];
}
