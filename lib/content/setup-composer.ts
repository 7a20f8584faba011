/**
 * The composer content script: finds composers on the page (and in its same-origin frames), puts the
 * chosen track within reach, warns about the rules TikTok and Layers enforce, and reports to the
 * background when the user is on a page with a composer. Everything it adds hangs off one scope that
 * the content script's invalidation disposes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FillResult } from '../shared/protocol';
import type { ChosenTrack } from '../shared/track';
import {
  createPresenceReporter,
  fetchChosen,
  handleBackgroundMessages,
  reportContextTarget,
  reportFill,
} from './background-link';
import { fillBestField, fillCandidate, NOT_IN_COMPOSER } from './fill-best-field';
import { candidateFor, focusedElement } from './insert-target';
import { createScope } from './scope';
import { STUDIO_FIND_STARTED, STUDIO_LABEL } from './studio/studio-adapter';
import { claimDocument, type WatchedDocument, watchDocument } from './watched-document';

/** How often a lost extension context is looked for: WXT only notices it when asked. */
const VALIDITY_CHECK_MS = 1000;

export function setupComposer(ctx: ContentScriptContext): void {
  // A marker for tests and the benchmark, which the page can see and forge: the script never reads
  // it, nor any other attribute it writes. Which instance acts is decided by `claimDocument`.
  document.documentElement.dataset.cleartune = 'ready';
  const scope = createScope(ctx.signal, () => ctx.isValid);
  scope.onDispose(() => {
    delete document.documentElement.dataset.cleartune;
  });
  ctx.setInterval(() => {}, VALIDITY_CHECK_MS);

  const owner = Math.random().toString(36).slice(2);
  if (!claimDocument(document, owner, scope)) return;

  let chosen: ChosenTrack | null = null;
  let watched: WatchedDocument | null = null;

  // The field right-clicked last (here or in a frame this instance watches), for the context menu's
  // "Insert chosen track": the background is told which kind of id it takes, so the item can say
  // when it cannot insert there, and sends the click to this frame, whose script noted the field.
  let contextElement: Element | null = null;
  function rightClicked(element: Element | null): void {
    contextElement = element;
    const target = watched
      ? candidateFor(watched.candidates(), watched.composerRoots(), element, chosen?.idKind ?? null)
      : undefined;
    reportContextTarget(target?.ui.field.kind ?? null).catch(() => {});
  }

  /** `report(true)`: the user came to this tab or frame, which the background hears even if nothing changed. */
  const report = createPresenceReporter(scope, () => {
    const hasComposer = watched?.hasComposer() ?? false;
    const studio = watched?.studios().find((adapter) => adapter.hasComposer());
    const label = studio ? STUDIO_LABEL : (watched?.candidates()[0]?.label ?? location.hostname);
    const studioReport = studio?.report();
    return {
      hasComposer,
      composers: Math.min(watched?.composerCount() ?? 0, 100),
      focused: watched?.hasFocus() ?? false,
      visible: document.visibilityState === 'visible',
      label,
      ...(studioReport ? { studio: studioReport } : {}),
    };
  });
  const reportFocus = () => report(true);

  watched = watchDocument(document, scope, {
    owner,
    chosen: () => chosen,
    composersChanged: () => report(),
    focused: reportFocus,
    filledByPerson: (label) => void reportFill(label).catch(() => {}),
    rightClicked,
  });
  report();

  scope.listen(window, 'focus', reportFocus);
  scope.listen(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') report(true);
  });
  // An in-page navigation (pushState) may be reported to the background as the tab loading, which
  // forgets the tab's composers: they are reported again, even if nothing changed here, and once
  // more a second later, since the browser's "loading" can reach the background after the first.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    watched?.rescan();
    report(true);
    ctx.setTimeout(() => report(true), 1000);
  });

  /**
   * Studio takes no id: there every insert starts Find in Sounds, which guides the person to the
   * row. Elsewhere: the shortcut and the menu fill the field the person is in (or one of its
   * composer's) and nothing else; "Use" (no element) fills the best field on the page.
   */
  const insert = (track: ChosenTrack, element: Element | null): FillResult | undefined => {
    if (!watched) return undefined;
    chosen = track;
    watched.refresh();
    const [studio] = watched.studios().filter((adapter) => adapter.present());
    if (studio) {
      studio.find();
      return { filledInto: STUDIO_LABEL, message: STUDIO_FIND_STARTED };
    }
    const candidates = watched.candidates();
    if (!element) return fillBestField(candidates, track);
    const target = candidateFor(candidates, watched.composerRoots(), element, track.idKind);
    if (target) return fillCandidate(target, track);
    // Another frame may hold the field; in this one, nothing is filled behind the person's back.
    return candidates.length > 0 ? { filledInto: null, message: NOT_IN_COMPOSER } : undefined;
  };

  const removeHandlers = handleBackgroundMessages({
    insertChosen(track, target) {
      // The shortcut acts in the frame that has the focus; the menu in the frame whose script noted
      // the right-click, which the background addresses by its frame id.
      // (`hasFocus` here is false while the focus is in a child frame with its own script.)
      if (target === 'focused' && !watched?.hasFocus()) return undefined;
      return insert(track, target === 'focused' ? focusedElement(document) : contextElement);
    },
    // "Use" from the popup or the side panel: the composer worked in most recently.
    fillChosen: (track) => insert(track, null),
    chosenChanged(track) {
      chosen = track;
      watched?.refresh();
    },
  });
  scope.onDispose(removeHandlers);

  fetchChosen()
    .then((track) => {
      if (!scope.active) return;
      chosen = track;
      watched?.refresh();
    })
    .catch(() => {});
}
