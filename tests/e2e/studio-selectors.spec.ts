/**
 * Every selector in `studio-selectors.ts` finds its element on a Studio fixture page, in the state
 * where Studio shows it. The list is read from the module itself: a selector added there without a
 * fixture state that shows it fails here, and when Studio's markup changes the failing line names
 * the selector. The counts per state are attached to the report as a table.
 */
import type { Frame, Page } from '@playwright/test';
import { ROW_ICONS, STUDIO } from '../../lib/content/studio/studio-selectors';
import { expect, serveFixturePage, test } from './fixtures';

const STUDIO_URL = 'https://www.tiktok.com/tiktokstudio/upload?from=creator_center&lang=en';
type Key = keyof typeof STUDIO;
type Counts = Record<Key, number>;

/** How many elements each selector finds in a document (and the icons shown on result rows). */
const countIn = (target: Page | Frame) =>
  target.evaluate(
    ({ selectors, iconSelector }) => ({
      counts: Object.fromEntries(
        Object.entries(selectors).map(([key, selector]) => [key, document.querySelectorAll(selector).length]),
      ),
      icons: Array.from(document.querySelectorAll(iconSelector), (icon) => icon.getAttribute('data-icon')),
    }),
    { selectors: STUDIO, iconSelector: `${STUDIO.rowAdd} ${STUDIO.icon}` },
  ) as Promise<{ counts: Counts; icons: string[] }>;

async function searchSounds(page: Page, query: string): Promise<void> {
  const box = page.locator(STUDIO.soundSearch);
  await box.fill(query);
  await box.press('Enter');
}

test('each Studio selector finds its element on the fixtures, in the state Studio shows it', async ({
  context,
  openPage,
}, testInfo) => {
  await serveFixturePage(context, /tiktokstudio\/frame\/upload/, 'studio-video.html');
  const seen = new Map<string, { counts: Counts; icons: string[] }>();
  const record = async (state: string, target: Page | Frame) => seen.set(state, await countIn(target));

  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-video.html');
  const video = await openPage(STUDIO_URL);
  await record('video form, before the upload', video);

  await video.goto(`${STUDIO_URL}&state=uploaded`);
  await video.locator(STUDIO.soundsEntry).click();
  await searchSounds(video, 'Glasshouse Parade');
  await expect(video.locator(STUDIO.rowTitle).first()).toHaveText('Glasshouse Parade');
  await record('editor, Sounds panel, search results', video);
  await video.locator(STUDIO.rowAdd).first().click();
  await expect(video.locator(`${STUDIO.rowAdd} ${STUDIO.icon}`).first()).toHaveAttribute(
    'data-icon',
    'Loading',
  );
  await record('editor, Sounds panel, a sound loading', video);
  await expect(video.locator(`${STUDIO.rowAdd} ${STUDIO.icon}`).first()).toHaveAttribute(
    'data-icon',
    'ArrowLeftRight',
  );
  await record('editor, Sounds panel, a sound added', video);

  await video.goto(`${STUDIO_URL}&state=saved&sound=${encodeURIComponent('Night Drive')}`);
  await expect(video.locator(STUDIO.copyrightChecking)).toHaveCount(1);
  await record('sound saved, copyright check running', video);
  await expect(video.locator(STUDIO.copyrightIssues)).toHaveCount(1);
  await record('sound saved, copyright issues', video);

  await video.goto(`${STUDIO_URL}&state=uploaded&editor=modal`);
  await expect(video.locator(STUDIO.editorModal)).toHaveCount(1);
  await record('legacy modal editor', video);

  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-photo.html');
  const photo = await openPage(STUDIO_URL);
  await record('photo form, before the upload', photo);
  await photo.getByRole('button', { name: 'Select file' }).click();
  await photo.getByRole('button', { name: 'Add sound', exact: true }).click();
  await expect(photo.locator(STUDIO.pickerRow).first()).toBeVisible();
  await record('photo form, Add sound picker', photo);

  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-frame.html');
  const framed = await openPage(STUDIO_URL);
  await expect(framed.locator(STUDIO.uploadIframe)).toHaveCount(1);
  await record('older wrapper, the page', framed);
  const inner = framed.frames().find((frame) => frame !== framed.mainFrame());
  if (!inner) throw new Error('the older wrapper should hold the composer frame');
  await expect(inner.locator(STUDIO.caption)).toHaveCount(1);
  await record('older wrapper, inside the frame', inner);

  const states = [...seen.keys()];
  const table = [
    `| selector | ${states.join(' | ')} |`,
    `| --- | ${states.map(() => '---').join(' | ')} |`,
    ...(Object.keys(STUDIO) as Key[]).map(
      (key) => `| ${key} | ${states.map((state) => seen.get(state)?.counts[key] ?? 0).join(' | ')} |`,
    ),
  ].join('\n');
  await testInfo.attach('studio-selector-counts.md', { body: table, contentType: 'text/markdown' });

  const unseen = (Object.keys(STUDIO) as Key[]).filter((key) =>
    states.every((state) => (seen.get(state)?.counts[key] ?? 0) === 0),
  );
  expect(unseen, `selectors no fixture state shows:\n${table}`).toEqual([]);
  const icons = new Set([...seen.values()].flatMap((state) => state.icons));
  expect([...Object.values(ROW_ICONS)].filter((icon) => !icons.has(icon))).toEqual([]);
  // Where Studio shows none of them, none is found: the selectors do not match just anything.
  expect(seen.get('video form, before the upload')?.counts).toMatchObject({
    soundsPanel: 0,
    soundRow: 0,
    attachedSound: 0,
    editorHeader: 0,
    editorModal: 0,
    photoPicker: 0,
  });
});
