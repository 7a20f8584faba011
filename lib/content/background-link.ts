/**
 * The content script's link to the background: what it asks (through the one message client, which
 * lets it send only the messages a content script may send) and the background's messages it
 * answers. Both directions are checked by hand, not with zod, so the bundle stays light.
 */
import { browser } from 'wxt/browser';
import { createMessageClient } from '../shared/messages';
import type { FillResult, Input, Reply } from '../shared/protocol';
import type { ChosenTrack, IdKind } from '../shared/track';
import { parseChosen } from './chosen-check';
import type { Scope } from './scope';

const send = createMessageClient('content');

export type Presence = Input<'composerPresence'>;

export async function fetchChosen(): Promise<ChosenTrack | null> {
  return parseChosen(await send('getChosen'));
}

export async function reportPresence(presence: Presence): Promise<void> {
  await send('composerPresence', { ...presence, label: presence.label.slice(0, 100) });
}

/** At most one presence report per this interval reaches the background (which may write each). */
export const PRESENCE_INTERVAL_MS = 1000;

/**
 * Presence reports, throttled: a page that adds and removes a music field every few milliseconds
 * must not make the background write storage each time. The first report goes at once, later ones
 * wait for the end of the second, when the presence is read afresh (a late report never tells of
 * a focus that has moved on since). A presence already reported is not sent again unless a person
 * came to the tab or frame (`person`), which may make it the one "Use" fills; a page that never had
 * a composer is never reported.
 */
export function createPresenceReporter(
  scope: Pick<Scope, 'timeout'>,
  read: () => Presence,
  sendPresence: (presence: Presence) => Promise<void> = reportPresence,
): (person?: boolean) => void {
  let pending: { person: boolean } | null = null;
  let waiting = false;
  let sent = '';
  let hadComposer = false;
  const flush = () => {
    if (!pending) return;
    const { person } = pending;
    pending = null;
    const presence = read();
    const signature = JSON.stringify(presence);
    if (!presence.hasComposer && !hadComposer) return;
    if (signature === sent && !person) return;
    sent = signature;
    hadComposer = presence.hasComposer;
    sendPresence(presence).catch(() => {});
    waiting = true;
    scope.timeout(() => {
      waiting = false;
      flush();
    }, PRESENCE_INTERVAL_MS);
  };
  return (person = false) => {
    pending = { person: person || Boolean(pending?.person) };
    if (!waiting) flush();
  };
}

export type InsertTarget = 'focused' | 'context';

/** Tells the background a person's Insert click filled a field on `site`, for the usage record. */
export async function reportFill(site: string): Promise<void> {
  await send('recordFill', { site: site.slice(0, 100) });
}

/** Tells the background which kind of id the right-clicked field takes, for its menu item. */
export async function reportContextTarget(kind: IdKind | null): Promise<void> {
  await send('contextTarget', { kind });
}

export interface TabMessageHandlers {
  /** Fill the chosen track; undefined when this frame has no composer, so another frame answers. */
  fillChosen(chosen: ChosenTrack): FillResult | undefined;
  /** Fill the focused or right-clicked field; undefined when that field is not in this frame. */
  insertChosen(chosen: ChosenTrack, target: InsertTarget): FillResult | undefined;
  chosenChanged(chosen: ChosenTrack | null): void;
}

/** Answers `fillChosen`, `insertChosen` and `chosenChanged` from our own background only; returns the removal. */
export function handleBackgroundMessages(handlers: TabMessageHandlers): () => void {
  const listener = (
    message: unknown,
    sender: { id?: string; tab?: unknown },
    respond: (reply: Reply) => void,
  ) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (type === 'chosenChanged') {
      handlers.chosenChanged(parseChosen(data));
      respond({ ok: true, value: null });
      return undefined;
    }
    if (type !== 'fillChosen' && type !== 'insertChosen') return undefined;
    const { chosen: rawChosen, target } =
      type === 'insertChosen' && typeof data === 'object' && data !== null
        ? (data as { chosen?: unknown; target?: unknown })
        : { chosen: data, target: null };
    const chosen = parseChosen(rawChosen);
    if (!chosen || (type === 'insertChosen' && target !== 'focused' && target !== 'context')) {
      respond({ ok: false, error: 'invalid payload' });
      return undefined;
    }
    const reply =
      type === 'fillChosen'
        ? handlers.fillChosen(chosen)
        : handlers.insertChosen(chosen, target as InsertTarget);
    if (reply) respond({ ok: true, value: reply });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
