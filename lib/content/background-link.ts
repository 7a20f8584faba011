/**
 * The content script's end of the message contract in `lib/messaging.ts`: the same envelopes
 * (`{ type, data }` out, `{ ok, value | error }` back) and the same sender rule, with small
 * hand-written checks instead of zod so the bundle stays light. Only the messages a content script
 * may use are here.
 */
import { browser } from 'wxt/browser';
import type { ChosenTrack } from '../background/schemas/track';
import { parseChosen } from './chosen-check';

export interface Presence {
  hasComposer: boolean;
  focused: boolean;
  visible: boolean;
  label: string;
}

export interface FillReply {
  filledInto: string | null;
  message: string;
}

async function ask(type: 'getChosen' | 'composerPresence', data?: unknown): Promise<unknown> {
  const reply: unknown = await browser.runtime.sendMessage({ type, data });
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error('Cleartune got no answer from its background.');
  }
  if (reply.ok !== true) throw new Error(String((reply as { error?: unknown }).error));
  return (reply as { value?: unknown }).value;
}

export async function fetchChosen(): Promise<ChosenTrack | null> {
  return parseChosen(await ask('getChosen'));
}

export async function reportPresence(presence: Presence): Promise<void> {
  await ask('composerPresence', { ...presence, label: presence.label.slice(0, 100) });
}

export interface TabMessageHandlers {
  /** Fill the chosen track; undefined when this frame has no composer, so another frame answers. */
  fillChosen(chosen: ChosenTrack): FillReply | undefined;
  chosenChanged(chosen: ChosenTrack | null): void;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

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
