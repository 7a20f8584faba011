/**
 * The popup's end of the typed message contract (lib/messaging.ts), without zod.
 *
 * Why: zod is ~27 KB gzip, a third of the popup's whole budget, and the popup is the one page that
 * must open instantly. The background already parses every message it receives and every value it
 * reads from storage before answering; its replies come from our own code in the same build. The
 * types here are the contract's own (`Input`/`Output`), so a contract change still fails to compile.
 */
import { browser } from 'wxt/browser';
import type { CatalogQuery, Input, MessageType, Output } from '../background/messages';

/** The catalog engine's "every genre of the range" value, checked against the contract's type. */
export const ALL_GENRES: Extract<CatalogQuery['genre'], 'ALL'> = 'ALL';

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : typeof (value as { error?: unknown }).error === 'string';
}

export async function send<T extends MessageType>(
  type: T,
  ...args: Input<T> extends undefined ? [] : [Input<T>]
): Promise<Output<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ type, data: args[0] });
  } catch {
    // Chrome stops a worker that is idle or runs too long; its pending answers are lost with it.
    // The next message starts a new worker, so asking again is the fix, not Chrome's wording.
    throw new Error('Cleartune’s background stopped before it answered: try again.');
  }
  if (!isReply(reply)) throw new Error('Cleartune got no answer from its background: reload the extension.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Output<T>;
}
