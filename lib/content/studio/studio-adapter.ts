/**
 * TikTok Studio takes no sound id: a track gets into a Studio post only through Studio's own sound
 * picker. With a chosen track, a small panel offers "Find in Sounds": it types the title and artist
 * into the open picker's search as a person would, highlights the matching row and says what to
 * press, or points to the Studio button that opens the picker and goes on once it is open. It never
 * presses Studio's add, use, save or post buttons: Studio ignores synthetic clicks on some, and the
 * choice stays the person's. It then checks what got attached, reminds to Save the editor, and
 * speaks up when Studio flags copyright on a sound that is not the cleared choice.
 *
 * When Studio's markup is not what `studio-selectors.ts` expects it does nothing on the page, logs
 * one line, and says so in its panel.
 */
import { i18n } from '#i18n';
import type { StudioReport } from '../../shared/protocol';
import { STUDIO_LABEL } from '../../shared/studio-label';
import type { ChosenTrack } from '../../shared/track';
import { setFieldValue } from '../field-value';
import type { Scope } from '../scope';
import { MATCH_ATTRIBUTE } from '../ui/page-style';
import { button, createUiHost, el, trackLabel } from '../ui/shadow-host';
import { waitFor } from '../wait-for';
import {
  addSoundButton,
  editorOpen,
  formKind,
  openPicker,
  type PickerKind,
  pickerRows,
  readStudioState,
  rowText,
  type StudioState,
  searchBox,
  unlimitedTab,
} from './studio-dom';
import { STUDIO, STUDIO_COMPOSER_SELECTOR } from './studio-selectors';
import { bestRow, matchRow } from './track-match';

export { STUDIO_LABEL };
export const STUDIO_FIND_STARTED = i18n.t('content.studio.started');
export const CANNOT_SEE_PICKER = i18n.t('content.studio.noPicker');
const RESULTS_MS = 4000;
/** Changes inside Studio's panels are read at most this often. */
const SETTLE_MS = 60;
const PENDING_RECHECK_MS = 400;

export interface StudioAdapter {
  rescan(): void;
  /** The Studio element seen and the panel: either leaving the page calls for a rescan. */
  tracked(): Element[];
  hasComposer(): boolean;
  /** Shows the chosen track in the panel; false when this document has no Studio composer. */
  present(): boolean;
  /** What Studio shows now, for the popup's line about the tab; null without a Studio composer. */
  report(): StudioReport | null;
  /** Starts Find in Sounds for the chosen track, as its button does (Use, a shortcut, the menu). */
  find(): void;
  dispose(): void;
}

function logOnce(logged: Set<string>, line: string): void {
  if (logged.has(line)) return;
  logged.add(line);
  console.info(`[Cleartune] TikTok Studio: ${line}`);
}

/** Whether Studio's label for an attached sound ("Title", "Title - Artist") names `track`. */
export function labelNames(label: string, track: { title: string; artist: string }): boolean {
  return matchRow({ title: label, desc: '' }, track) > 0;
}

const clipLength = (seconds: number | null) =>
  seconds === null
    ? ''
    : ` · ${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

interface Panel {
  host: HTMLElement;
  box: HTMLElement;
  cover: HTMLImageElement;
  track: HTMLElement;
  status: HTMLElement;
  verdict: HTMLElement;
  note: HTMLElement;
  copy: HTMLElement;
}

export function createStudioAdapter(
  doc: Document,
  scope: Scope,
  chosen: () => ChosenTrack | null,
  /** What `report()` answers has changed. */
  changed: () => void = () => {},
): StudioAdapter {
  const logged = new Set<string>();
  let panel: Panel | null = null;
  let hiddenFor: ChosenTrack | null = null;
  let busy = false;
  let marker: Element | null = null;
  /** A find waiting for the person to open the picker, or to switch to the Unlimited tab. */
  let waiting: 'picker' | 'unlimited' | null = null;
  let highlighted: Element | null = null;
  let lastState: StudioState | null = null;
  /** The sentence shown when Studio's markup was not what Cleartune knows, until it is again. */
  let problem: string | null = null;
  let reported = '';
  let recheck = false;

  const say = (text: string) => {
    if (panel) panel.status.textContent = text;
  };

  const highlight = (element: Element | null) => {
    if (highlighted && highlighted !== element) highlighted.removeAttribute(MATCH_ATTRIBUTE);
    highlighted = element;
    if (!element) return;
    element.setAttribute(MATCH_ATTRIBUTE, '');
    element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  };

  const showCopy = (shown: boolean) => {
    if (panel) panel.copy.hidden = !shown;
  };

  /** Types into Studio's search as a person would, then presses Enter, which submits it. */
  const search = (box: HTMLInputElement, query: string) => {
    setFieldValue(box, query);
    for (const type of ['keydown', 'keypress', 'keyup']) {
      box.dispatchEvent(
        new KeyboardEvent(type, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true }),
      );
    }
  };

  /** Points at the Studio button that opens a picker; the find goes on when one opens. */
  const guideToPicker = () => {
    const entry = editorOpen(doc) ? doc.querySelector<HTMLElement>(STUDIO.soundsEntry) : null;
    const addSound = entry ? null : formKind(doc) === 'photo' ? addSoundButton(doc) : null;
    waiting = 'picker';
    if (entry) {
      highlight(entry);
      return say(i18n.t('content.studio.pressSounds'));
    }
    if (addSound) {
      highlight(addSound);
      return say(i18n.t('content.studio.pressAddSound'));
    }
    // The editor open without a Sounds button Cleartune knows is markup it cannot follow.
    if (formKind(doc) === 'video' && !editorOpen(doc)) {
      return say(i18n.t('content.studio.uploadFirst'));
    }
    waiting = null;
    logOnce(logged, 'no sounds panel, photo picker or button to open one on this page');
    problem = CANNOT_SEE_PICKER;
    say(CANNOT_SEE_PICKER);
    changed();
  };

  const press = (kind: PickerKind) =>
    i18n.t(kind === 'sounds' ? 'content.studio.foundVideo' : 'content.studio.foundPhoto');

  /** The picker is open but not as Cleartune knows it: say so, and offer the title to copy. */
  const searchByHand = (line: string) => {
    logOnce(logged, line);
    problem = CANNOT_SEE_PICKER;
    changed();
    showCopy(true);
    say(`${CANNOT_SEE_PICKER} ${i18n.t('content.studio.byHand')}`);
  };

  const find = async (track: ChosenTrack) => {
    showCopy(false);
    const picker = openPicker(doc);
    if (!picker) return guideToPicker();
    problem = null;
    waiting = null;
    highlight(null);
    const box = searchBox(picker.root);
    if (!box) return searchByHand('the sound picker has no search box Cleartune knows');
    say(i18n.t('content.studio.searching', { track: trackLabel(track) }));
    search(box, [track.title, track.artist].filter(Boolean).join(' '));
    const row = await waitFor(
      scope,
      () => {
        const rows = pickerRows(picker.root);
        return rows[bestRow(rows.map(rowText), track)] ?? null;
      },
      RESULTS_MS,
    );
    if (!picker.root.isConnected) return guideToPicker();
    if (row) {
      highlight(row);
      return say(press(picker.kind));
    }
    const rows = pickerRows(picker.root);
    if (rows.length > 0 && rows.every((candidate) => !rowText(candidate).title))
      return searchByHand("the sound picker's rows have no title Cleartune knows");
    const unlimited = picker.kind === 'sounds' ? unlimitedTab(picker.root) : null;
    if (
      unlimited &&
      track.provider === 'bundle-social' &&
      unlimited.getAttribute('aria-selected') !== 'true'
    ) {
      waiting = 'unlimited';
      highlight(unlimited);
      return say(
        i18n.t('content.studio.otherTab', {
          tab: unlimited.textContent?.trim() || i18n.t('content.studio.unlimited'),
        }),
      );
    }
    showCopy(true);
    say(i18n.t('content.studio.noMatch', { track: trackLabel(track) }));
  };

  const onFind = () => {
    const track = chosen();
    if (!track || busy) return;
    busy = true;
    find(track)
      .catch((error: unknown) => logOnce(logged, `finding the sound failed (${String(error)})`))
      .finally(() => {
        busy = false;
        // Studio may have opened the picker or the tab while this find was still busy.
        if (waiting) evaluate();
      });
  };

  const copy = (what: 'title' | 'artist') => {
    const track = chosen();
    if (!track) return;
    navigator.clipboard
      .writeText(track[what])
      .then(() =>
        say(i18n.t(what === 'title' ? 'content.studio.copiedTitle' : 'content.studio.copiedArtist')),
      )
      .catch(() =>
        say(i18n.t(what === 'title' ? 'content.studio.copyFailedTitle' : 'content.studio.copyFailedArtist')),
      );
  };

  /** A sound added in the open editor that the form does not show yet: only Save keeps it. */
  const pendingSave = (state: StudioState) => {
    const pending = state.pendingInEditor;
    return Boolean(
      state.editorOpen &&
        pending &&
        !(state.attached && labelNames(state.attached, { title: pending, artist: '' })),
    );
  };

  /** The verdict on what is attached, and the notes Studio's state calls for. */
  const report = (state: StudioState, track: ChosenTrack) => {
    if (!panel) return;
    const attached = state.attached;
    panel.verdict.textContent = !attached
      ? ''
      : labelNames(attached, track)
        ? i18n.t('content.studio.attached', { title: track.title })
        : i18n.t('content.studio.otherAttached', { attached, title: track.title });
    const notes: string[] = [];
    if (pendingSave(state)) notes.push(i18n.t('content.studio.save'));
    if (state.copyright === 'issues' && track.cleared && !(attached && labelNames(attached, track))) {
      notes.push(i18n.t('content.studio.copyright', { title: track.title }));
    }
    panel.note.textContent = notes.join(' ');
    panel.note.hidden = notes.length === 0;
  };

  const reportOf = (state: StudioState): StudioReport => {
    const track = chosen();
    const attached = state.attached?.slice(0, 200) ?? null;
    return {
      form: state.form,
      editorOpen: state.editorOpen,
      picker: state.picker?.kind ?? null,
      tab: state.picker?.tab ?? null,
      attached,
      verdict: attached && track ? (labelNames(attached, track) ? 'chosen' : 'other') : null,
      pendingSave: pendingSave(state),
      copyright: state.copyright,
      problem,
    };
  };

  /** Re-reads Studio after a change: goes on with a waiting find, updates the verdict and notes. */
  const evaluate = () => {
    if (highlighted && !highlighted.isConnected) highlighted = null;
    const state = readStudioState(doc);
    lastState = state;
    const signature = JSON.stringify(reportOf(state));
    if (signature !== reported) {
      reported = signature;
      changed();
    }
    // The editor closing (Save or Cancel) removes what is watched: look again while a Save is due.
    if (pendingSave(state) && !recheck) {
      recheck = true;
      scope.timeout(() => {
        recheck = false;
        evaluate();
      }, PENDING_RECHECK_MS);
    }
    const track = chosen();
    if (!track) return;
    report(state, track);
    const goOn =
      (waiting === 'picker' && state.picker !== null) ||
      (waiting === 'unlimited' && state.picker?.tab === 'unlimited');
    if (goOn && !busy) onFind();
  };

  // Studio's panels change in place (an icon's name, a selected tab, the sound label), which the
  // document observer does not follow: the panels found are watched themselves, not the document.
  let settling = false;
  const panelsObserver = new MutationObserver(() => {
    if (settling) return;
    settling = true;
    scope.timeout(() => {
      settling = false;
      evaluate();
    }, SETTLE_MS);
  });
  scope.onDispose(() => panelsObserver.disconnect());
  let watchedPanels: Element[] = [];
  const watchPanels = () => {
    const panels = Array.from(
      doc.querySelectorAll(
        [
          STUDIO.soundsPanel,
          STUDIO.photoPicker,
          STUDIO.copyright,
          '.sound-container',
          STUDIO.editorHeader,
        ].join(', '),
      ),
    );
    // The photo form's sound box is found by its button's text: only looked for on that form.
    const addSound = formKind(doc) === 'photo' ? addSoundButton(doc)?.parentElement : null;
    if (addSound) panels.push(addSound);
    if (panels.length === watchedPanels.length && panels.every((p, i) => p === watchedPanels[i])) return;
    watchedPanels = panels;
    panelsObserver.disconnect();
    for (const target of panels) {
      panelsObserver.observe(target, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-icon', 'aria-selected', 'class', 'data-show'],
      });
    }
  };

  const removePanel = () => {
    panel?.host.remove();
    panel = null;
    highlight(null);
    waiting = null;
  };

  /** Docked in a corner that covers none of Studio's controls, bottom left unless that one does. */
  const dock = () => {
    if (!panel) return;
    const view = doc.defaultView;
    if (!view) return;
    const controls = Array.from(
      doc.querySelectorAll(
        [
          STUDIO.postButton,
          STUDIO.editorHeader,
          STUDIO.editorModal,
          STUDIO.soundsPanel,
          STUDIO.photoPicker,
          STUDIO.soundsEntry,
          STUDIO.caption,
        ].join(', '),
      ),
    ).map((element) => element.getBoundingClientRect());
    const { width, height } = panel.box.getBoundingClientRect();
    const corners = ['bottom-left', 'bottom-right', 'top-right', 'top-left'] as const;
    const rectOf = (corner: (typeof corners)[number]) => {
      const left = corner.endsWith('left') ? 16 : view.innerWidth - 16 - width;
      const top = corner.startsWith('top') ? 16 : view.innerHeight - 16 - height;
      return { left, top, right: left + width, bottom: top + height };
    };
    const covers = (r: ReturnType<typeof rectOf>) =>
      controls.some(
        (c) => c.width > 0 && c.left < r.right && c.right > r.left && c.top < r.bottom && c.bottom > r.top,
      );
    const corner = corners.find((candidate) => !covers(rectOf(candidate))) ?? 'bottom-left';
    panel.box.dataset.dock = corner;
  };

  const showPanel = (track: ChosenTrack) => {
    if (!panel) {
      const { host, shadow } = createUiHost(doc, 'studio-panel', 'block');
      const trackLine = el(doc, 'p');
      // The cover is decorative (the title is the text beside it); a cover that fails to load hides.
      const cover = el(doc, 'img', {
        className: 'cover',
        attrs: { alt: '', width: '40', height: '40', referrerpolicy: 'no-referrer', decoding: 'async' },
      }) as HTMLImageElement;
      cover.addEventListener('error', () => {
        cover.hidden = true;
      });
      const status = el(doc, 'p', { attrs: { role: 'status' } });
      const verdict = el(doc, 'p', { className: 'verdict' });
      const note = el(doc, 'p', { className: 'alert', attrs: { role: 'alert' } });
      note.hidden = true;
      const copyRow = el(
        doc,
        'p',
        {},
        button(doc, i18n.t('content.studio.copyTitle'), () => copy('title')),
        button(doc, i18n.t('content.studio.copyArtist'), () => copy('artist')),
      );
      copyRow.hidden = true;
      const box = el(
        doc,
        'section',
        { className: 'panel', attrs: { 'aria-label': 'Cleartune' } },
        el(doc, 'h2', { text: i18n.t('content.studio.heading') }),
        el(doc, 'div', { className: 'track' }, cover, trackLine),
        button(doc, i18n.t('content.studio.find'), onFind),
        button(doc, i18n.t('content.studio.hide'), () => {
          hiddenFor = chosen();
          removePanel();
        }),
        status,
        copyRow,
        verdict,
        note,
      );
      shadow.append(box);
      (doc.body ?? doc.documentElement).append(host);
      panel = { host, box, cover, track: trackLine, status, verdict, note, copy: copyRow };
    }
    const line = `${trackLabel(track)}${clipLength(track.durationSec)}`;
    if (panel.track.textContent !== line) {
      panel.track.textContent = line;
      panel.cover.hidden = !track.coverUrl;
      if (track.coverUrl) panel.cover.src = track.coverUrl;
      else panel.cover.removeAttribute('src');
      panel.status.textContent = '';
      showCopy(false);
      highlight(null);
      waiting = null;
    }
    dock();
  };

  const adapter: StudioAdapter = {
    rescan() {
      marker = doc.querySelector(STUDIO_COMPOSER_SELECTOR);
      const present = marker !== null;
      const expected = /\/upload/.test(doc.location?.pathname ?? '');
      if (
        !present &&
        expected &&
        !doc.querySelector(`${STUDIO.uploadIframe}, ${STUDIO.fileInput}, ${STUDIO.photoFileInput}`)
      ) {
        logOnce(logged, 'no composer markup found on the upload page; nothing to do');
      }
      const track = chosen();
      if (present && track && track !== hiddenFor) showPanel(track);
      else removePanel();
      if (panel && !panel.host.isConnected) (doc.body ?? doc.documentElement).append(panel.host);
      watchPanels();
      evaluate();
    },
    tracked: () => [...(marker ? [marker] : []), ...(panel ? [panel.host] : [])],
    hasComposer: () => marker !== null,
    present() {
      hiddenFor = null;
      adapter.rescan();
      return marker !== null;
    },
    report: () => (marker && lastState ? reportOf(lastState) : null),
    find() {
      if (!adapter.present()) return;
      onFind();
    },
    dispose: removePanel,
  };
  scope.onDispose(removePanel);
  return adapter;
}
