/**
 * The one message client: the popup, the options page and the content script send through it.
 * `createMessageClient('content')` only compiles for the messages a content script may send
 * (`MESSAGE_SENDERS`); the background refuses the rest at run time all the same.
 *
 * Without zod, on purpose: zod is ~27 KB gzip, a third of the popup's budget and more than the
 * content script's whole. The background parses every message it receives and every value it reads
 * from storage before answering; its replies come from our own code in the same build. Where a
 * reply is acted on inside a page we do not control, the content script checks it by hand.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Input, MessageFrom, MessageType, Output, Reply, SenderKind } from './protocol';

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : typeof (value as { error?: unknown }).error === 'string';
}

export type Send<T extends MessageType> = <K extends T>(
  type: K,
  ...args: Input<K> extends undefined ? [] : [Input<K>]
) => Promise<Output<K>>;

async function send(type: string, data?: unknown): Promise<unknown> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ type, data });
  } catch {
    // Chrome stops a worker that is idle or runs too long; its pending answers are lost with it.
    // The next message starts a new worker, so asking again is the fix, not Chrome's wording.
    throw new Error(i18n.t('errors.stopped'));
  }
  if (!isReply(reply)) throw new Error(i18n.t('errors.noAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The client for one kind of sender. */
export function createMessageClient<S extends SenderKind>(_from: S): Send<MessageFrom<S>> {
  return send as Send<MessageFrom<S>>;
}

/** What extension pages (popup, options, side panel) send with. */
export const sendFromPage = createMessageClient('extension');

/** An error as the words a person is shown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
