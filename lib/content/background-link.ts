/**
 * The content script's link to the background: what it asks (through the one message client, which
 * lets it send only the messages a content script may send) and the background's messages it
 * answers. Both directions are checked by hand, not with zod, so the bundle stays light.
 */
import { browser } from 'wxt/browser';
import { createMessageClient } from '../shared/messages';
import type { FillResult, Input, Reply } from '../shared/protocol';
import type { ChosenTrack } from '../shared/track';
import { parseChosen } from './chosen-check';

const send = createMessageClient('content');

export type Presence = Input<'composerPresence'>;

export async function fetchChosen(): Promise<ChosenTrack | null> {
  return parseChosen(await send('getChosen'));
}

export async function reportPresence(presence: Presence): Promise<void> {
  await send('composerPresence', { ...presence, label: presence.label.slice(0, 100) });
}

export interface TabMessageHandlers {
  /** Fill the chosen track; undefined when this frame has no composer, so another frame answers. */
  fillChosen(chosen: ChosenTrack): FillResult | undefined;
  chosenChanged(chosen: ChosenTrack | null): void;
}

/** Answers `fillChosen` and `chosenChanged` from our own background only; returns the removal. */
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
    if (type !== 'fillChosen') return undefined;
    const chosen = parseChosen(data);
    if (!chosen) {
      respond({ ok: false, error: 'invalid payload' });
      return undefined;
    }
    const reply = handlers.fillChosen(chosen);
    if (reply) respond({ ok: true, value: reply });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
