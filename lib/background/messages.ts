/**
 * The background's end of the message contract: one listener that validates every message before a
 * handler runs, and the sender of messages to content scripts in tabs.
 *
 * Written here rather than on @webext-core/messaging: every message needs its payload parsed with
 * zod and its sender classified (extension page vs content script) before a handler runs, which
 * that library leaves to the caller; the transport itself is a dozen lines.
 */

import { type Browser, browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import {
  MESSAGE_SENDERS,
  type MessageType,
  type Output,
  type Reply,
  type TabInput,
  type TabMessageType,
  type TabOutput,
} from '../shared/protocol';
import { protocol, tabProtocol } from './schemas/protocol';

const envelopeSchema = z.object({ type: z.string().check(z.maxLength(64)), data: z.optional(z.unknown()) });
const replySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type SenderClass = 'extension' | 'content' | 'foreign';

/** Extension pages (popup, options) vs our own content scripts vs anything else. */
export function classifySender(
  sender: Browser.runtime.MessageSender,
  ownId: string,
  ownUrl: string,
): SenderClass {
  if (sender.id !== ownId) return 'foreign';
  if (sender.url?.startsWith(ownUrl) && !sender.tab?.url?.startsWith('http')) return 'extension';
  if (sender.tab) return 'content';
  return sender.url?.startsWith(ownUrl) ? 'extension' : 'foreign';
}

/** Sends a message to the content script in a tab (one frame of it, when given) and parses the answer. */
export async function sendTabMessage<T extends TabMessageType>(
  tabId: number,
  type: T,
  data: TabInput<T>,
  frameId?: number,
): Promise<TabOutput<T>> {
  const reply: unknown =
    frameId === undefined
      ? await browser.tabs.sendMessage(tabId, { type, data })
      : await browser.tabs.sendMessage(tabId, { type, data }, { frameId });
  const parsed = replySchema.safeParse(reply);
  if (!parsed.success) throw new Error(i18n.t('background.noAnswer'));
  if (!parsed.data.ok) throw new Error(parsed.data.error);
  return tabProtocol[type].output.parse(parsed.data.value) as TabOutput<T>;
}

export type MessageHandlers = {
  [T in MessageType]?: (
    data: z.output<(typeof protocol)[T]['input']>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<Output<T>> | Output<T>;
};
type Listener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (reply: Reply) => void,
) => true | undefined;

/**
 * What a failed handler says. Our own errors are sentences meant for people; a validation error's
 * text is a dump of schema issues that means nothing to them (and may quote stored data).
 */
function replyText(error: unknown): string {
  if (error instanceof z.core.$ZodError) {
    return i18n.t('background.unreadableData');
  }
  return error instanceof Error ? error.message : String(error);
}

function respond(run: () => unknown, sendResponse: (reply: Reply) => void): true {
  // Chrome ignores a Promise returned from onMessage listeners: answer through sendResponse.
  Promise.resolve()
    .then(run)
    .then(
      (value) => sendResponse({ ok: true, value: value ?? null }),
      (error: unknown) => sendResponse({ ok: false, error: replyText(error) }),
    );
  return true;
}

/**
 * The background's listener: unknown types, bad payloads and senders that may not send a type are
 * refused with an error reply, and the handler never runs.
 */
export function createMessageListener(handlers: MessageHandlers, ownId: string, ownUrl: string): Listener {
  return (message, sender, sendResponse) => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    const type = envelope.data.type;
    if (!Object.hasOwn(protocol, type)) {
      return respond(() => Promise.reject(new Error(`Unknown message "${type}".`)), sendResponse);
    }
    const allowed: string = MESSAGE_SENDERS[type as MessageType];
    const handler = handlers[type as MessageType] as
      | ((data: unknown, sender: Browser.runtime.MessageSender) => unknown)
      | undefined;
    const from = classifySender(sender, ownId, ownUrl);
    const refusal =
      from === 'foreign' || (allowed !== 'any' && allowed !== from)
        ? `Message "${type}" is not allowed from this sender.`
        : !handler
          ? `Message "${type}" has no handler.`
          : null;
    if (refusal) return respond(() => Promise.reject(new Error(refusal)), sendResponse);
    const input = protocol[type as MessageType].input.safeParse(envelope.data.data);
    if (!input.success) {
      return respond(
        () => Promise.reject(new Error(`Message "${type}" had an invalid payload.`)),
        sendResponse,
      );
    }
    return respond(() => handler?.(input.data, sender), sendResponse);
  };
}

export function handleMessages(handlers: MessageHandlers): () => void {
  const listener = createMessageListener(handlers, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
