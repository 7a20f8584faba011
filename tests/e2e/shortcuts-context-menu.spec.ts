/// <reference types="chrome" />
/**
 * The insert shortcut and the context menu, dispatched as the browser would: the service worker's
 * own `chrome.commands.onCommand` and `chrome.contextMenus.onClicked` events are fired with the
 * arguments the browser passes (Chrome exposes `dispatch` on extension events; keys and menus
 * cannot be driven headless). The listeners are the production ones.
 */
import type { Page, Worker } from '@playwright/test';
import { serveHtml, useTrack } from '../fixtures/composers/serve';
import { CML_TRENDING_CLIP_ID, cmlTrack, LAYERS_CLEARED_ID, layersClearedTrack } from '../fixtures/tracks';
import { expect, serveFixturePage, test } from './fixtures';
import { ask, serveMedia } from './popup-support';

const PAGE = 'https://composer.test/shortcuts';
const STUDIO = 'https://www.tiktok.com/tiktokstudio/upload?from=creator_center&state=uploaded';
const HTML = `<!doctype html><html><head><title>Two composers</title></head><body>
  <form id="first"><h2>First post</h2><label for="a">Music sound ID</label><input id="a" name="music_sound_id" />
    <label for="a-caption">Caption</label><textarea id="a-caption" name="caption"></textarea></form>
  <form id="second"><h2>Second post</h2><label for="b">Music sound ID</label><input id="b" name="music_sound_id" />
    <label for="b-caption">Caption</label><textarea id="b-caption" name="caption"></textarea></form>
  <form id="layers"><h2>Layers post</h2><label for="t">Track ID</label><input id="t" name="tiktokMusic.trackId" /></form>
</body></html>`;

/** Fires one of the worker's events for the tab showing `url`, as the browser does. */
function dispatch(background: Worker, event: 'command' | 'menu', url: string, info: object = {}) {
  return background.evaluate(
    async ({ event, url, info }) => {
      const [tab] = await chrome.tabs.query({ url: `${url.split('?')[0]}*` });
      if (!tab) throw new Error(`no tab at ${url}`);
      if (event === 'command') {
        (chrome.commands.onCommand as unknown as { dispatch(c: string, t: chrome.tabs.Tab): void }).dispatch(
          'insert-chosen',
          tab,
        );
      } else {
        (
          chrome.contextMenus.onClicked as unknown as {
            dispatch(i: object, t: chrome.tabs.Tab): void;
          }
        ).dispatch({ editable: true, pageUrl: tab.url, frameId: 0, ...info }, tab);
      }
    },
    { event, url, info },
  );
}

/** The browser's id of the frame of the tab at `url` whose address contains `framePath`. */
function frameIdOf(background: Worker, url: string, framePath: string): Promise<number> {
  return background.evaluate(
    async ({ url, framePath }) => {
      const [tab] = await chrome.tabs.query({ url: `${url.split('?')[0]}*` });
      const frames = await chrome.scripting.executeScript({
        target: { tabId: tab?.id ?? -1, allFrames: true },
        func: () => location.href,
      });
      const frame = frames.find((each) => String(each.result).includes(framePath));
      if (!frame) throw new Error(`no frame at ${framePath}`);
      return frame.frameId;
    },
    { url, framePath },
  );
}

/**
 * Records every update of the menu items that the browser accepted (an update of an item that was
 * never created fails); returns their reader.
 */
async function watchMenuUpdates(background: Worker): Promise<() => Promise<unknown[]>> {
  await background.evaluate(() => {
    const updates: unknown[] = [];
    (globalThis as { menuUpdates?: unknown[] }).menuUpdates = updates;
    const update = chrome.contextMenus.update.bind(chrome.contextMenus);
    chrome.contextMenus.update = ((id: string, properties: object, done?: () => void) =>
      update(id, properties, () => {
        if (!chrome.runtime.lastError) updates.push(properties);
        done?.();
      })) as typeof chrome.contextMenus.update;
  });
  return () => background.evaluate(() => (globalThis as { menuUpdates?: unknown[] }).menuUpdates ?? []);
}

async function openComposer(page: Page): Promise<void> {
  await page.goto(PAGE);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(3);
}

test.beforeEach(async ({ context }) => {
  await serveHtml(context, PAGE, HTML);
});

test('the insert shortcut fills the field the person is in, not the other composer', async ({
  openPage,
  openPopup,
  background,
}) => {
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage('about:blank');
  await openComposer(page);
  // In the second composer's caption: its own music field is the one filled.
  await page.locator('#b-caption').focus();
  await dispatch(background, 'command', PAGE);
  await expect(page.locator('#b')).toHaveValue(CML_TRENDING_CLIP_ID);
  await expect(page.locator('#a')).toHaveValue('');
});

test('the insert shortcut in a framed composer fills that frame only, not the page around it', async ({
  context,
  openPage,
  openPopup,
  background,
}) => {
  const outer = 'https://composer.test/framed';
  await serveHtml(
    context,
    outer,
    `<!doctype html><html lang="en"><body><form><h2>Page post</h2><label for="p">Music sound ID</label>
      <input id="p" name="music_sound_id" /></form>
      <iframe title="Framed editor" src="https://composer.test/framed-editor"></iframe></body></html>`,
  );
  await serveHtml(
    context,
    'https://composer.test/framed-editor',
    `<!doctype html><html lang="en"><body><form><h2>Framed post</h2><label for="f">Music sound ID</label>
      <input id="f" name="music_sound_id" /><label for="c">Caption</label><textarea id="c"></textarea></form></body></html>`,
  );
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage(outer);
  const frame = page.frameLocator('iframe');
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(1);
  await expect(frame.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(1);
  await frame.locator('#c').focus();
  await dispatch(background, 'command', outer);
  await expect(frame.locator('#f')).toHaveValue(CML_TRENDING_CLIP_ID);
  // The page's script, whose document holds the frame, must not answer for it too.
  await page.waitForTimeout(300);
  await expect(page.locator('#p')).toHaveValue('');
});

test('the insert shortcut with nothing chosen fills nothing and says why on that tab’s toolbar button', async ({
  openPage,
  background,
}) => {
  const page = await openPage('about:blank');
  await openComposer(page);
  await page.locator('#a').focus();
  await dispatch(background, 'command', PAGE);
  const button = () =>
    background.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url: `${url}*` });
      return {
        badge: await chrome.action.getBadgeText({ tabId: tab?.id }),
        title: await chrome.action.getTitle({ tabId: tab?.id }),
        elsewhere: await chrome.action.getBadgeText({}),
      };
    }, PAGE);
  await expect.poll(button).toEqual({
    badge: '!',
    title: 'Cleartune — Choose a track in Cleartune first (Use), then insert it.',
    elsewhere: '',
  });
  await expect(page.locator('#a')).toHaveValue('');
  // A few seconds later the tab's button is the same as every other tab's again.
  await expect.poll(button, { timeout: 8000 }).toEqual({ badge: '', title: 'Cleartune', elsewhere: '' });
});

test('the insert shortcut outside any composer fills nothing, and says so', async ({
  openPage,
  openPopup,
  background,
}) => {
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage('about:blank');
  await openComposer(page);
  await page.locator('#a').click();
  await page.locator('h2').first().click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await dispatch(background, 'command', PAGE);
  await expect
    .poll(() =>
      background.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url: `${url}*` });
        return chrome.action.getTitle({ tabId: tab?.id });
      }, PAGE),
    )
    .toMatch(/Nothing inserted: you are not in a composer’s music field/);
  await expect(page.locator('#a')).toHaveValue('');
  await expect(page.locator('#b')).toHaveValue('');
});

test('a composer page that navigates in place (pushState) stays known to the finder', async ({
  openPage,
  openPopup,
  background,
}) => {
  const page = await openPage('about:blank');
  await openComposer(page);
  const popup = await openPopup();
  const tabId = await background.evaluate(
    async (url) => (await chrome.tabs.query({ url: `${url}*` }))[0]?.id,
    PAGE,
  );
  const composers = async () =>
    (await ask<{ composers: number } | null>(popup, 'getTabStatus', { tabId }))?.composers ?? 0;
  await expect.poll(composers).toBe(3);
  await page.evaluate(() => history.pushState({}, '', '/shortcuts/step-2'));
  // Chrome reports the in-page navigation as the tab loading, which forgets its report.
  await page.waitForTimeout(1500);
  await expect.poll(composers).toBe(3);
});

test('the insert shortcut on TikTok Studio starts Find in Sounds', async ({
  context,
  openPage,
  openPopup,
  background,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-video.html');
  await serveMedia(context);
  await useTrack(await openPopup(), { ...cmlTrack, title: 'Glasshouse Parade', artist: 'The Lanterns' });
  const page = await openPage(STUDIO);
  const panel = page.getByRole('region', { name: 'Cleartune' });
  await expect(panel).toBeVisible();
  await page.locator('[data-e2e="caption_container"] [contenteditable="true"]').focus();
  await dispatch(background, 'command', STUDIO);
  await expect(panel.getByRole('status')).toHaveText(
    'Press “Sounds” in the editor (highlighted): Cleartune searches as soon as it opens.',
  );
});

test('the context menu in the older Studio uploader, a frame of the page, starts Find in Sounds', async ({
  context,
  openPage,
  openPopup,
  background,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-frame.html');
  await serveFixturePage(context, /tiktokstudio\/frame\/upload/, 'studio-video.html');
  await serveMedia(context);
  await useTrack(await openPopup(), { ...cmlTrack, title: 'Glasshouse Parade', artist: 'The Lanterns' });
  const page = await openPage(`${STUDIO.split('?')[0]}?state=saved&sound=Night%20Drive`);
  const frame = page.frameLocator('iframe[data-tt="Upload_index_iframe"]');
  const panel = frame.getByRole('region', { name: 'Cleartune' });
  await expect(panel.getByRole('status')).toHaveText('');
  await frame.locator('[data-e2e="caption_container"] [contenteditable="true"]').click({ button: 'right' });
  await page.keyboard.press('Escape');
  const frameId = await frameIdOf(background, STUDIO, '/tiktokstudio/frame/upload');
  await dispatch(background, 'menu', STUDIO, { menuItemId: 'cleartune-insert', frameId });
  // The editor is closed (another sound saved): Find in Sounds starts by asking for it.
  await expect(panel.getByRole('status')).toHaveText(
    "Upload your video and open Studio's editor, then its Sounds: Cleartune searches as soon as they open.",
  );
});

test('the context menu inserts into a framed field that the page’s own script handles', async ({
  context,
  openPage,
  openPopup,
  background,
}) => {
  // The srcdoc frame has no script of its own: the page's handles its document (as it does a framed
  // page it reaches before that page's own script starts). The browser names the frame clicked.
  const url = 'https://composer.test/frames';
  await serveFixturePage(context, url, 'iframe-composer.html');
  await serveFixturePage(context, 'https://composer.test/frame-inner', 'frame-inner.html');
  const updates = await watchMenuUpdates(background);
  const popup = await openPopup();
  await useTrack(popup, layersClearedTrack);
  const page = await openPage(url);
  const srcdoc = page.frameLocator('#srcdoc-frame');
  await expect(srcdoc.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(1);
  await srcdoc.getByLabel('Sound ID').click({ button: 'right' });
  await expect
    .poll(async () => (await updates()).at(-1))
    .toEqual({
      title: 'Insert chosen track — this field takes a CML sound id (bundle.social), not a Layers track id',
      enabled: false,
    });
  await page.keyboard.press('Escape');

  await useTrack(popup, cmlTrack);
  await srcdoc.getByLabel('Sound ID').click({ button: 'right' });
  await expect.poll(async () => (await updates()).at(-1)).toMatchObject({ enabled: true });
  await page.keyboard.press('Escape');
  const frameId = await frameIdOf(background, url, 'about:srcdoc');
  await dispatch(background, 'menu', url, { menuItemId: 'cleartune-insert', frameId });
  await expect(srcdoc.getByLabel('Sound ID')).toHaveValue(CML_TRENDING_CLIP_ID);
});

test('the context menu inserts into the field right-clicked, and is disabled with the reason over a field of the other kind', async ({
  openPage,
  openPopup,
  background,
}) => {
  const updates = await watchMenuUpdates(background);
  await useTrack(await openPopup(), cmlTrack);
  // The item names the track as soon as it is chosen.
  await expect
    .poll(updates)
    .toContainEqual({ title: `Insert chosen track — ${cmlTrack.title} · ${cmlTrack.artist}`, enabled: true });
  const page = await openPage('about:blank');
  await openComposer(page);

  await page.locator('#t').click({ button: 'right' });
  await expect.poll(updates).toContainEqual({
    title: 'Insert chosen track — this field takes a Layers track id, not a CML sound id (bundle.social)',
    enabled: false,
  });
  await page.keyboard.press('Escape');

  await page.locator('#a').click({ button: 'right' });
  await expect.poll(async () => (await updates()).at(-1)).toMatchObject({ enabled: true });
  await page.keyboard.press('Escape');
  await dispatch(background, 'menu', PAGE, { menuItemId: 'cleartune-insert' });
  await expect(page.locator('#a')).toHaveValue(CML_TRENDING_CLIP_ID);
  await expect(page.locator('#b')).toHaveValue('');

  // With a Layers track chosen, the Layers field takes it from the menu.
  await useTrack(await openPopup(), layersClearedTrack);
  await page.locator('#t').click({ button: 'right' });
  await page.keyboard.press('Escape');
  await dispatch(background, 'menu', PAGE, { menuItemId: 'cleartune-insert' });
  await expect(page.locator('#t')).toHaveValue(LAYERS_CLEARED_ID);
});

test('"Find … in Cleartune" on selected text hands the search to the finder', async ({
  openPage,
  background,
}) => {
  const page = await openPage('about:blank');
  await openComposer(page);
  await dispatch(background, 'menu', PAGE, {
    menuItemId: 'cleartune-find',
    selectionText: '  Glasshouse Parade  ',
    editable: false,
  });
  await expect
    .poll(() => background.evaluate(() => chrome.storage.session.get('finderSearch')))
    .toMatchObject({ finderSearch: { text: 'Glasshouse Parade' } });
});
