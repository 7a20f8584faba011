import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createMessageListener } from '@/lib/background/messages';

const OWN_ID = 'own-id';
const OWN_URL = 'chrome-extension://own-id/';
const popup = { id: OWN_ID, url: `${OWN_URL}popup.html` };
const contentScript = {
  id: OWN_ID,
  url: 'https://composer.test/post',
  tab: { id: 7, url: 'https://composer.test/post' },
};
const foreign = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

function ask(listener: ReturnType<typeof createMessageListener>, message: unknown, sender: object) {
  return new Promise((resolve) => {
    const kept = listener(message, sender as never, resolve);
    if (kept !== true) resolve('no answer');
  });
}

describe('the message contract', () => {
  const chosen = vi.fn(async () => null);
  const settings = vi.fn(async () => {
    throw new Error('must not run');
  });
  const listener = createMessageListener({ getChosen: chosen, getSettings: settings }, OWN_ID, OWN_URL);

  it('answers a valid message from an extension page', async () => {
    expect(await ask(listener, { type: 'getChosen' }, popup)).toEqual({ ok: true, value: null });
  });

  it('lets a content script ask for the chosen track', async () => {
    expect(await ask(listener, { type: 'getChosen' }, contentScript)).toEqual({ ok: true, value: null });
  });

  it.each([
    [
      'a content script asking for settings',
      { type: 'getSettings' },
      contentScript,
      'not allowed from this sender',
    ],
    ['another extension', { type: 'getChosen' }, foreign, 'not allowed from this sender'],
    ['a bad payload', { type: 'getChosen', data: { x: 1 } }, popup, 'invalid payload'],
    ['an unknown type', { type: '__proto__' }, popup, 'Unknown message'],
  ])('refuses %s without running a handler', async (_, message, sender, reason) => {
    const reply = (await ask(listener, message, sender)) as { ok: boolean; error: string };
    expect(reply.ok).toBe(false);
    expect(reply.error).toContain(reason);
    expect(settings).not.toHaveBeenCalled();
  });

  it('ignores things that are not messages at all', async () => {
    expect(await ask(listener, 'hello', popup)).toBe('no answer');
    expect(await ask(listener, { data: 1 }, popup)).toBe('no answer');
  });
});

describe('errors a handler throws', () => {
  it('never answers with raw validation text', async () => {
    const broken = createMessageListener(
      { getChosen: async () => z.object({ title: z.string() }).parse({ title: 42 }) as never },
      OWN_ID,
      OWN_URL,
    );
    const reply = (await ask(broken, { type: 'getChosen' }, popup)) as { ok: boolean; error: string };
    expect(reply.ok).toBe(false);
    expect(reply.error).not.toMatch(/expected|invalid_type|\[|\{/i);
    expect(reply.error).toMatch(/^Cleartune /);
  });
});
