// @vitest-environment jsdom
/**
 * Presence reports: a page that adds and removes a music field every 25 ms must not make the
 * background write each time. At most one report a second reaches it, the first at once and the
 * last state within a second, and a state already reported is not sent again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { setupComposer } from '@/lib/content/setup-composer';

type Presence = { hasComposer: boolean; focused: boolean; visible: boolean; label: string };

let ctx: ContentScriptContext;
let sendMessage: ReturnType<typeof vi.fn>;

const presences = () =>
  sendMessage.mock.calls
    .map(([message]) => message as { type: string; data: Presence })
    .filter((message) => message.type === 'composerPresence')
    .map((message) => message.data);

const FIELD = '<form id="composer"><input name="musicSoundId"></form>';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  sendMessage = vi.fn(async () => ({ ok: true, value: null }));
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(sendMessage as never);
  document.body.innerHTML = '';
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function flap(ms: number, every = 25): Promise<void> {
  for (let elapsed = 0; elapsed < ms; elapsed += every) {
    const form = document.getElementById('composer');
    if (form) form.remove();
    else document.body.insertAdjacentHTML('beforeend', FIELD);
    await vi.advanceTimersByTimeAsync(every);
  }
}

describe('presence reports', () => {
  it('reach the background at most once a second while a page flaps a music field every 25 ms', async () => {
    ctx = new ContentScriptContext('composer');
    setupComposer(ctx);
    await vi.advanceTimersByTimeAsync(0);
    await flap(5000);
    const during = presences().length;
    // One at once, then one a second at most: 5 s of flapping is 6 reports, not 100.
    expect(during).toBeGreaterThanOrEqual(2);
    expect(during).toBeLessThanOrEqual(6);

    // The flapping stops with the field there: that state is reported within a second.
    if (!document.getElementById('composer')) document.body.insertAdjacentHTML('beforeend', FIELD);
    await vi.advanceTimersByTimeAsync(1100);
    expect(presences().at(-1)?.hasComposer).toBe(true);
  });

  it('do not repeat the state last reported when a flurry of changes ends where it began', async () => {
    document.body.innerHTML = FIELD;
    ctx = new ContentScriptContext('composer');
    setupComposer(ctx);
    await vi.advanceTimersByTimeAsync(0);
    expect(presences().map((presence) => presence.hasComposer)).toEqual([true]);
    // The page re-renders its form a few times in a moment, as frameworks do: the composer is gone
    // for 30 ms each time, and in the end it is there, as the background was last told.
    for (let round = 0; round < 5; round++) {
      document.getElementById('composer')?.remove();
      await vi.advanceTimersByTimeAsync(30);
      document.body.insertAdjacentHTML('beforeend', FIELD);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(3000);
    expect(presences().map((presence) => presence.hasComposer)).toEqual([true]);
  });
});
