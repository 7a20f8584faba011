/**
 * TikTok Studio takes no sound id, so Cleartune helps the user find the chosen track in Studio's own
 * sound picker: a small panel shows the choice with "Find in Sounds", which opens the sounds panel,
 * searches for the title and highlights the matching card, or says Studio does not offer it. When
 * Studio's markup is not what `studio-selectors.ts` expects it does nothing and logs one line.
 */
import type { ChosenTrack } from '../../shared/track';
import { setFieldValue } from '../field-value';
import type { Scope } from '../scope';
import { MATCH_ATTRIBUTE } from '../ui/page-style';
import { button, createUiHost, el, trackLabel } from '../ui/shadow-host';
import { waitFor } from '../wait-for';
import {
  findSoundCards,
  findSoundSearch,
  matchingCard,
  STUDIO,
  STUDIO_COMPOSER_SELECTOR,
} from './studio-selectors';

export const STUDIO_LABEL = 'TikTok Studio';
const PANEL_OPEN_MS = 3000;
const RESULTS_MS = 2500;

export interface StudioAdapter {
  rescan(): void;
  /** The Studio element seen and the panel: either leaving the page calls for a rescan. */
  tracked(): Element[];
  hasComposer(): boolean;
  /** Shows the chosen track in the panel; false when this document has no Studio composer. */
  present(): boolean;
  dispose(): void;
}

function logOnce(logged: Set<string>, line: string): void {
  if (logged.has(line)) return;
  logged.add(line);
  console.info(`[Cleartune] TikTok Studio: ${line}`);
}

export function createStudioAdapter(
  doc: Document,
  scope: Scope,
  chosen: () => ChosenTrack | null,
): StudioAdapter {
  const logged = new Set<string>();
  let panel: { host: HTMLElement; track: HTMLElement; status: HTMLElement } | null = null;
  let hiddenFor: ChosenTrack | null = null;
  let busy = false;
  let marker: Element | null = null;

  const say = (text: string) => {
    if (panel) panel.status.textContent = text;
  };

  const find = async (track: ChosenTrack) => {
    say(`Looking for ${trackLabel(track)} in Studio's sounds…`);
    const soundsOpen = () => (findSoundCards(doc).length > 0 || findSoundSearch(doc) ? true : null);
    if (!soundsOpen()) {
      const entry = doc.querySelector<HTMLElement>(STUDIO.soundsEntry);
      if (!entry) {
        logOnce(logged, 'no sounds panel and no sounds button on this page');
        return say('Open “Edit video” in Studio, then press Find in Sounds.');
      }
      entry.click();
      if (!(await waitFor(scope, soundsOpen, PANEL_OPEN_MS))) {
        logOnce(logged, 'the sounds panel did not appear after its button was pressed');
        return say("Studio's sounds panel did not open: open it, then press Find in Sounds again.");
      }
    }
    const search = findSoundSearch(doc);
    if (search) setFieldValue(search, track.title);
    for (const old of Array.from(doc.querySelectorAll(`[${MATCH_ATTRIBUTE}]`)))
      old.removeAttribute(MATCH_ATTRIBUTE);
    const card = await waitFor(scope, () => matchingCard(findSoundCards(doc), track), RESULTS_MS);
    if (!card) return say(`TikTok Studio does not offer ${trackLabel(track)} here.`);
    card.setAttribute(MATCH_ATTRIBUTE, '');
    card.scrollIntoView?.({ block: 'center' });
    say(`Found ${trackLabel(track)}: press “Use” on the highlighted sound.`);
  };

  const onFind = () => {
    const track = chosen();
    if (!track || busy) return;
    busy = true;
    find(track)
      .catch((error: unknown) => logOnce(logged, `finding the sound failed (${String(error)})`))
      .finally(() => {
        busy = false;
      });
  };

  const removePanel = () => {
    panel?.host.remove();
    panel = null;
  };

  const showPanel = (track: ChosenTrack) => {
    if (!panel) {
      const { host, shadow } = createUiHost(doc, 'studio-panel', 'block');
      const trackLine = el(doc, 'p');
      const status = el(doc, 'p', { attrs: { role: 'status' } });
      shadow.append(
        el(
          doc,
          'section',
          { className: 'panel', attrs: { 'aria-label': 'Cleartune' } },
          el(doc, 'h2', { text: 'Cleartune: chosen track' }),
          trackLine,
          button(doc, 'Find in Sounds', onFind),
          button(doc, 'Hide', () => {
            hiddenFor = chosen();
            removePanel();
          }),
          status,
        ),
      );
      (doc.body ?? doc.documentElement).append(host);
      panel = { host, track: trackLine, status };
    }
    if (panel.track.textContent !== trackLabel(track)) {
      panel.track.textContent = trackLabel(track);
      panel.status.textContent = '';
    }
  };

  const adapter: StudioAdapter = {
    rescan() {
      marker = doc.querySelector(STUDIO_COMPOSER_SELECTOR);
      const present = marker !== null;
      const expected = /\/upload/.test(doc.location?.pathname ?? '');
      if (!present && expected && !doc.querySelector(`${STUDIO.uploadIframe}, ${STUDIO.fileInput}`)) {
        logOnce(logged, 'no composer markup found on the upload page; nothing to do');
      }
      const track = chosen();
      if (present && track && track !== hiddenFor) showPanel(track);
      else removePanel();
      if (panel && !panel.host.isConnected) (doc.body ?? doc.documentElement).append(panel.host);
    },
    tracked: () => [...(marker ? [marker] : []), ...(panel ? [panel.host] : [])],
    hasComposer: () => marker !== null,
    present() {
      hiddenFor = null;
      adapter.rescan();
      return marker !== null;
    },
    dispose: removePanel,
  };
  scope.onDispose(removePanel);
  return adapter;
}
