/// <reference types="chrome" />
/**
 * A composer page cannot drive the extension. Its scripts cannot reach the extension's messaging,
 * the content script has no `message` listener on the page's window, messages posted in every shape
 * the extension uses change nothing, and a page script clicking Cleartune's own buttons (their
 * shadow roots are open in the e2e build; production closes them) fills nothing: only a person's
 * click does. Nor can a page switch the script off by writing Cleartune's attributes itself.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { serveHtml, useTrack } from '../fixtures/composers/serve';
import { cmlTrack } from '../fixtures/tracks';
import { snapshot, watchWorker, workerErrors } from '../support/fault-harness';
import { expect, serveFixturePage, test, watchErrors } from './fixtures';

test.describe.configure({ mode: 'parallel' });

const URL = 'https://composer.test/plain';

async function openComposer(context: BrowserContext, collected: { errors: string[] }): Promise<Page> {
  await serveFixturePage(context, URL, 'plain-composer.html');
  const page = await context.newPage();
  watchErrors(page, collected);
  await page.goto(URL);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  return page;
}

/**
 * Event listeners the content script registered on the page's window and document, as `target:type`
 * (DevTools lists them per JavaScript world, so they are read in the content script's own).
 */
async function extensionListeners(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const scripts = new Map<string, string>();
  const worlds: { id: number; name: string }[] = [];
  cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => scripts.set(scriptId, url));
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => worlds.push(created));
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  const world = worlds.find((candidate) => candidate.name === 'Cleartune');
  if (!world) throw new Error('no content script world');
  const found: string[] = [];
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target, contextId: world.id });
    if (!result.objectId) throw new Error(`no ${target}`);
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    for (const listener of listeners) {
      if ((scripts.get(listener.scriptId) ?? '').startsWith('chrome-extension://'))
        found.push(`${target}:${listener.type}`);
    }
  }
  await cdp.detach();
  return found;
}

test('the page has no way to message the extension, and nothing of it listens for window messages', async ({
  context,
  background,
  extensionId,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  await useTrack(await openPopup(), cmlTrack);
  const page = await openComposer(context, collected);
  const field = page.getByLabel('Music sound ID');

  // The extension's messaging does not exist for page scripts (no externally_connectable).
  expect(
    await page.evaluate(() => typeof (globalThis as { chrome?: typeof chrome }).chrome?.runtime?.sendMessage),
  ).toBe('undefined');
  // The content script listens on the page's window and document, but never for `message`.
  const listeners = await extensionListeners(context, page);
  expect(listeners.length).toBeGreaterThan(0);
  expect(listeners.filter((listener) => listener.endsWith(':message'))).toEqual([]);

  const before = await snapshot(background);
  await page.evaluate(
    ({ id, track }) => {
      const chosen = { ...track, clip: 'trending', chosenAt: Date.now() };
      const shapes: unknown[] = [
        { type: 'fillChosen', data: chosen },
        { type: 'chosenChanged', data: chosen },
        { type: 'useTrack', data: { track, clip: 'trending' } },
        { type: 'saveSettings', data: { bundleSocialKey: 'pk_live_page_attack_123456' } },
        { type: 'addComposerSite', data: { origin: 'https://evil.test' } },
        {
          type: `${id}:composer:wxt:content-script-started`,
          contentScriptName: 'composer',
          messageId: 'page',
        },
      ];
      for (const shape of shapes) {
        window.postMessage(shape, '*');
        window.postMessage(JSON.stringify(shape), '*');
      }
    },
    { id: extensionId, track: { ...cmlTrack, id: '7000000000000000001' } },
  );
  await page.waitForTimeout(500);
  await expect(field).toHaveValue('');
  const posted = await snapshot(background);
  for (const key of ['settings', 'chosen', 'favorites']) expect(posted[key], key).toEqual(before[key]);
  // The content script is still there and still answers the person at the keyboard.
  await expect(page.locator('html')).toHaveAttribute('data-cleartune', 'ready');
  await page.getByRole('button', { name: 'Insert chosen track' }).click();
  await expect(field).toHaveValue(cmlTrack.clips?.trending?.id ?? '');

  // WXT's own signal between two copies of a content script is a DOM event, which a page can forge
  // (the extension id is public). At most it makes Cleartune step aside on that page, as removing
  // its buttons would: it fills nothing and changes nothing stored.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(field).toHaveValue('');
  await page.evaluate((id) => {
    document.dispatchEvent(
      new CustomEvent(`${id}:composer:wxt:content-script-started`, {
        detail: { contentScriptName: 'composer', messageId: 'page' },
      }),
    );
  }, extensionId);
  await page.waitForTimeout(500);
  await expect(field).toHaveValue('');
  const after = await snapshot(background);
  for (const key of ['settings', 'chosen', 'favorites']) expect(after[key], key).toEqual(before[key]);
  expect(await workerErrors(background)).toEqual([]);
});

test('the content script says nothing to the page’s scripts when it starts', async ({
  context,
  extensionId,
  collected,
}) => {
  await serveFixturePage(context, URL, 'plain-composer.html');
  const page = await context.newPage();
  watchErrors(page, collected);
  // Before any of the page's own code: every window message the page could hear.
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
  });
  await page.goto(URL);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await page.evaluate(() => window.postMessage('page marker', '*'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard))
    .toEqual(['"page marker"']);
  expect(await page.content()).not.toContain(extensionId);
});

test('a page script clicking Cleartune’s buttons fills nothing; a person’s click does', async ({
  context,
  openPopup,
  collected,
}) => {
  await useTrack(await openPopup(), cmlTrack);
  const page = await openComposer(context, collected);
  const field = page.getByLabel('Music sound ID');

  const pressed = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll('[data-cleartune-ui]')].flatMap((host) => [
      ...(host.shadowRoot?.querySelectorAll('button') ?? []),
    ]);
    for (const button of buttons) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    }
    return buttons.map((button) => button.textContent);
  });
  expect(pressed).toContain('Insert chosen track');
  await page.waitForTimeout(300);
  await expect(field).toHaveValue('');
  await expect(page.getByText(/^♪ /)).toHaveCount(0);

  await page.getByRole('button', { name: 'Insert chosen track' }).click();
  await expect(field).toHaveValue(cmlTrack.clips?.trending?.id ?? '');
  await expect(page.getByText('♪ Lo-Fi analog beat — Gloveity')).toBeVisible();

  // Undo is a button too: a page script cannot press it either.
  await page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-cleartune-ui]'))
      for (const button of host.shadowRoot?.querySelectorAll('button') ?? []) button.click();
  });
  await page.waitForTimeout(300);
  await expect(field).toHaveValue(cmlTrack.clips?.trending?.id ?? '');
});

test('a page that puts Cleartune’s own attributes on <html> before it runs still gets its buttons and fills', async ({
  context,
  openPopup,
  collected,
}) => {
  await useTrack(await openPopup(), cmlTrack);
  // Every data-cleartune* attribute the content script uses, as a page could write it in its markup
  // (all but data-cleartune-photo-hidden, which would hide the page through Cleartune's style, as the
  // page could hide itself). The srcdoc frame has no script of its own: the page's instance handles it.
  const forged =
    'data-cleartune-owner="page" data-cleartune="ready" data-cleartune-ui="page" data-cleartune-invalid="" data-cleartune-match=""';
  const frame = `<!doctype html><html lang="en" ${forged}><body><form><label for="s">Sound ID</label><input id="s" name="musicSoundId"></form></body></html>`;
  const url = 'https://composer.test/forged';
  await serveHtml(
    context,
    url,
    `<!doctype html><html lang="en" ${forged}><head><meta charset="utf-8"><title>Forged</title></head><body>
    <form><label for="m">Music sound ID</label><input id="m" name="music_sound_id"></form>
    <iframe id="inner" title="Post editor" srcdoc="${frame.replaceAll('"', '&quot;')}"></iframe>
    </body></html>`,
  );
  const page = await context.newPage();
  watchErrors(page, collected);
  await page.goto(url);
  const insert = { name: 'Insert chosen track' };
  const inner = page.frameLocator('#inner');
  await expect(page.getByRole('button', insert)).toHaveCount(1);
  await expect(inner.getByRole('button', insert)).toHaveCount(1);

  const id = cmlTrack.clips?.trending?.id ?? '';
  await page.getByRole('button', insert).click();
  await expect(page.getByLabel('Music sound ID')).toHaveValue(id);
  await inner.getByRole('button', insert).click();
  await expect(inner.getByLabel('Sound ID')).toHaveValue(id);
  // The page's own attribute is left as the page wrote it: ownership is kept where the page cannot see it.
  await expect(page.locator('html')).toHaveAttribute('data-cleartune-owner', 'page');
  await expect(inner.locator('html')).toHaveAttribute('data-cleartune-owner', 'page');
});

test('the content script writes no ownership mark a page could read', async ({ context, collected }) => {
  const page = await openComposer(context, collected);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-cleartune-owner'))).toBeNull();
});

test('a page adding and removing a music field every 25 ms causes at most one background write a second', async ({
  context,
  background,
  collected,
}) => {
  const url = 'https://composer.test/flapping';
  await serveHtml(
    context,
    url,
    `<!doctype html><html lang="en"><head><title>Flapping composer</title></head><body>
    <h1>Flapping composer</h1><main id="main"></main>
    <script>
      const main = document.getElementById('main');
      window.flapping = setInterval(() => {
        if (main.firstChild) main.replaceChildren();
        else main.innerHTML = '<form><label>Music sound ID <input name="musicSoundId"></label></form>';
      }, 25);
    </script></body></html>`,
  );
  await background.evaluate(() => {
    const counter = globalThis as unknown as { presenceWrites: number };
    counter.presenceWrites = 0;
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'lastComposer' in changes) counter.presenceWrites += 1;
    });
  });
  const writes = () =>
    background.evaluate(() => (globalThis as unknown as { presenceWrites: number }).presenceWrites);
  const page = await context.newPage();
  watchErrors(page, collected);
  await page.goto(url);
  await page.waitForTimeout(5000);
  const during = await writes();
  expect(during, 'writes of lastComposer in 5 s').toBeGreaterThanOrEqual(1);
  expect(during, 'writes of lastComposer in 5 s').toBeLessThanOrEqual(6);

  // The flapping stops with no composer, then one comes back for good: the background hears of it
  // within a second or so.
  await page.evaluate(() => {
    clearInterval((window as unknown as { flapping: number }).flapping);
    document.getElementById('main')?.replaceChildren();
  });
  await page.waitForTimeout(1500);
  const settled = await writes();
  await page.evaluate(() => {
    const main = document.getElementById('main');
    if (main) main.innerHTML = '<form><label>Track ID <input name="trackId"></label></form>';
  });
  await expect.poll(writes, { timeout: 1500 }).toBeGreaterThan(settled);
});
