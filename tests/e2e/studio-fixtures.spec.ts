/**
 * The Studio fixture pages behave like Studio (docs: tiktok-studio-dom reference): search answers only
 * a typed query submitted with Enter, each tab searches its own library, "+" loads then swaps, only the
 * editor's Save commits a sound, the copyright check follows the saved sound, German text with ?lang=de,
 * the photo picker's Use and Replace, and the older iframe wrapper. Only the fixtures' own markup is
 * asserted: the extension's content script may add its own UI to these pages.
 */
import type { BrowserContext, FrameLocator, Locator, Page } from '@playwright/test';
import { expect, serveFixturePage, test } from './fixtures';

const STUDIO = 'https://www.tiktok.com/tiktokstudio/upload?from=creator_center';

type Scope = Page | FrameLocator;

async function openStudio(
  context: BrowserContext,
  openPage: (url: string) => Promise<Page>,
  file: string,
  query = '',
): Promise<Page> {
  await serveFixturePage(context, /tiktokstudio\/upload/, file);
  return openPage(`${STUDIO}${query}`);
}

const row = (scope: Scope, title: string): Locator =>
  scope
    .locator('.MusicPanelMusicItem__wrap')
    .filter({ has: scope.locator('.MusicPanelMusicItem__infoBasicTitle', { hasText: title }) });
const rowIcon = (scope: Scope, title: string): Locator =>
  row(scope, title).locator('.MusicPanelMusicItem__operation button [data-icon]');
const searchBox = (scope: Scope): Locator => scope.locator('.MusicPanelSearchBar__wrap input[type="text"]');

async function openSounds(scope: Scope): Promise<Locator> {
  await scope.locator('button[data-button-name="sounds"][data-default-left-menu="MusicPanel"]').click();
  const panel = scope.locator(
    '.SideModuleRenderBox__root div[data-name="MusicPanel"].MusicPanelContainer__root',
  );
  await expect(panel).toBeVisible();
  return panel;
}

async function search(scope: Scope, query: string): Promise<void> {
  await searchBox(scope).fill(query);
  await searchBox(scope).press('Enter');
}

test('Select file uploads: the status shows the check icon, the caption editor appears and the inline editor opens', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-video.html', '&lang=en');
  const post = page.locator('button[data-e2e="post_video_button"]');
  await expect(post).toHaveAttribute('data-disabled', 'true');
  await expect(page.locator('div.upload-container input[type="file"][accept="video/*"]')).toHaveCount(1);
  await expect(page.locator('.clip-forge-editor-header-right')).toHaveCount(0);

  await page.locator('button[aria-label="Select file"]').click();
  await expect(
    page.locator('[data-e2e="upload_status_container"] [data-icon="CheckCircleFill"]'),
  ).toHaveCount(1);
  await expect(
    page.locator('[data-e2e="caption_container"] [contenteditable="true"].public-DraftEditor-content'),
  ).toHaveCount(1);
  await expect(page.locator('.clip-forge-editor-header-right .Button__root--type-primary')).toHaveText(
    'Save',
  );
  await expect(post).toHaveAttribute('data-disabled', 'false');
  await expect(page.locator('button[data-e2e="discard_post_button"]')).toHaveCount(1);
  expect(await page.evaluate(() => window.__studio.log)).toEqual(['upload:select', 'upload:done']);
});

test('the Sounds panel searches only a typed query submitted with Enter: setting .value brings nothing', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-video.html', '&state=uploaded');
  await openSounds(page);
  await expect(page.locator('.SideModuleRenderBox__header button')).toHaveCount(1);
  const list = page.locator('.MusicPanelMusicList__root');
  // The default list scrolls inside a fixed-height container.
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
  await expect(row(page, 'Night Drive')).toHaveCount(0);

  // A value set by script, then Enter: the page never heard the query.
  await searchBox(page).evaluate((input: HTMLInputElement) => {
    input.value = 'Night Drive';
  });
  await searchBox(page).press('Enter');
  await page.waitForTimeout(500);
  await expect(row(page, 'Night Drive')).toHaveCount(0);

  // Typed but not submitted: suggestions only.
  await searchBox(page).fill('Night');
  await expect(page.locator('.MusicPanelSugList__item')).toHaveText(['Night Drive']);
  await page.waitForTimeout(400);
  await expect(row(page, 'Night Drive')).toHaveCount(0);

  await searchBox(page).press('Enter');
  await expect(page.locator('.MusicPanelMusicList__loading')).toHaveCount(1);
  await expect(row(page, 'Night Drive').locator('.MusicPanelMusicItem__infoBasicDesc')).toHaveText(
    'Neon Rivers · 00:52',
  );
  await expect(page.locator('.MusicPanelMusicItem__wrap[role="listitem"]')).toHaveCount(1);
  expect(await page.evaluate(() => window.__studio.log)).toEqual([
    'panel:open',
    'panel:mounted',
    'search:enter:ignored',
    'input:Night',
    'search:foryou:Night',
    'results:foryou:1',
  ]);
});

test('each tab searches its own library: Unlimited holds the commercial tracks, Favorites its own', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-video.html', '&state=uploaded');
  const panel = await openSounds(page);
  const tabs = panel.locator('[role="tablist"] [role="tab"]');
  await expect(tabs).toHaveText(['For You', 'Favorites', 'Unlimited']);
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');

  await search(page, 'Lo-Fi analog');
  await expect(panel.locator('.MusicPanelMusicList__empty')).toHaveText('No results found');

  await tabs.filter({ hasText: 'Unlimited' }).click();
  await expect(tabs.filter({ hasText: 'Unlimited' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'false');
  await expect(row(page, 'Lo-Fi analog beat').locator('.MusicPanelMusicItem__infoBasicDesc')).toHaveText(
    'Gloveity · 00:38',
  );
  await expect(rowIcon(page, 'Lo-Fi analog beat')).toHaveAttribute('data-icon', 'PlusBold');

  await search(page, 'Drive');
  await expect(panel.locator('.MusicPanelMusicItem__infoBasicTitle')).toHaveText(['Sunset Drive', 'Drive']);
  await tabs.first().click();
  await expect(panel.locator('.MusicPanelMusicItem__infoBasicTitle')).toHaveText([
    'Sunset Drive',
    'Night Drive',
  ]);
  await search(page, '夜に');
  await expect(panel.locator('.MusicPanelMusicItem__infoBasicTitle')).toHaveText(['夜に駆ける']);
  await search(page, 'cafe del mar');
  await expect(panel.locator('.MusicPanelMusicItem__infoBasicTitle')).toHaveText(['Café del Mar (Sped Up)']);

  const favorites = panel.locator('div.TUXTabBar-item#favourite button#favourite');
  await expect(favorites).toHaveAttribute('aria-controls', 'panel-favorites');
  await favorites.click();
  await expect(favorites).toHaveAttribute('aria-selected', 'true');
  await expect(panel.locator('#panel-favorites .MusicPanelMusicList__empty')).toHaveText('No results found');
  await page.locator('.SideModuleRenderBox__header button').click();
  await expect(page.locator('div[data-name="MusicPanel"]')).toHaveCount(0);
  await openSounds(page);
  await expect(page.locator('#panel-foryou .MusicPanelMusicItem__infoBasicTitle').first()).toHaveText(
    'Sunset Drive',
  );
  await page.locator('button#favourite').click();
  await expect(page.locator('#panel-favorites .MusicPanelMusicItem__infoBasicTitle')).toHaveText([
    'Night Drive',
    'Sunset Drive',
  ]);
});

test('"+" shows Loading then ArrowLeftRight and puts the sound on the timeline; a second "+" replaces the first', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-video.html', '&state=uploaded');
  await openSounds(page);
  await search(page, 'Drive');
  await expect(row(page, 'Night Drive')).toHaveCount(1);
  await expect(page.locator('.AudioClip__root')).toHaveCount(0);
  await expect(page.locator('.PropSettingSliderInput__numberInput input')).toHaveCount(0);

  await row(page, 'Sunset Drive').locator('.MusicPanelMusicItem__operation button').click();
  await expect(rowIcon(page, 'Sunset Drive')).toHaveAttribute('data-icon', 'Loading');
  await expect(rowIcon(page, 'Sunset Drive')).toHaveAttribute('data-icon', 'ArrowLeftRight');
  await expect(page.locator('.AudioClip__root')).toHaveText('Sunset Drive');
  await expect(page.locator('.PropSettingSliderInput__numberInput input')).toHaveValue('0');
  expect(await page.evaluate(() => window.__studio.pending())).toBe('Sunset Drive - Mae & Co');
  expect(await page.evaluate(() => window.__studio.attached())).toBeNull();

  await page.locator('.PropSettingSliderInput__numberInput input').fill('-12');
  await page.locator('.PropSettingSliderInput__numberInput input').press('Tab');

  await row(page, 'Night Drive').locator('.MusicPanelMusicItem__operation button').click();
  await expect(rowIcon(page, 'Night Drive')).toHaveAttribute('data-icon', 'Loading');
  await expect(rowIcon(page, 'Night Drive')).toHaveAttribute('data-icon', 'ArrowLeftRight');
  await expect(rowIcon(page, 'Sunset Drive')).toHaveAttribute('data-icon', 'PlusBold');
  await expect(page.locator('.AudioClip__root')).toHaveText('Night Drive');
  await expect(page.locator('.PropSettingSliderInput__numberInput input')).toHaveValue('0');
  expect(await page.evaluate(() => window.__studio.pending())).toBe('Night Drive - Neon Rivers');
  expect(await page.evaluate(() => window.__studio.log)).toContain('volume:-12');
});

test('the editor Save commits the sound to the form marquee; Cancel discards a pending one; Edit video reopens', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-video.html', '&state=uploaded');
  await openSounds(page);
  await page.locator('.MusicPanelMusicItem__infoBasicTitle', { hasText: 'Sunset Drive' }).waitFor();
  await row(page, 'Sunset Drive').locator('.MusicPanelMusicItem__operation button').click();
  await expect(rowIcon(page, 'Sunset Drive')).toHaveAttribute('data-icon', 'ArrowLeftRight');
  await expect(page.locator('.sound-container .sound .marquee p')).toHaveCount(0);

  await page.locator('.clip-forge-editor-header-right .Button__root--type-primary').click();
  await expect(page.locator('.clip-forge-editor-header-right')).toHaveCount(0);
  await expect(page.locator('.sound-container .sound .marquee p')).toHaveText([
    'Sunset Drive - Mae & Co',
    'Sunset Drive - Mae & Co',
  ]);
  expect(await page.evaluate(() => [window.__studio.attached(), window.__studio.pending()])).toEqual([
    'Sunset Drive - Mae & Co',
    null,
  ]);

  await page.locator('.upload-container').getByRole('button', { name: 'Edit video', exact: true }).click();
  await expect(page.locator('.AudioClip__root')).toHaveText('Sunset Drive');
  await openSounds(page);
  await search(page, 'Glasshouse');
  await row(page, 'Glasshouse Parade').locator('.MusicPanelMusicItem__operation button').click();
  await expect(rowIcon(page, 'Glasshouse Parade')).toHaveAttribute('data-icon', 'ArrowLeftRight');
  expect(await page.evaluate(() => window.__studio.pending())).toBe('Glasshouse Parade - The Lanterns');

  await page.locator('.clip-forge-editor-header-right button', { hasText: 'Cancel' }).click();
  await expect(page.locator('.clip-forge-editor-header-right')).toHaveCount(0);
  await expect(page.locator('.sound-container .sound .marquee p').first()).toHaveText(
    'Sunset Drive - Mae & Co',
  );
  expect(await page.evaluate(() => [window.__studio.attached(), window.__studio.pending()])).toEqual([
    'Sunset Drive - Mae & Co',
    null,
  ]);
});

test('the copyright check runs on the saved sound: an Unlimited track finds no issues, a For You-only track does', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-video.html', '&state=uploaded');
  const copyright = page.locator('[data-e2e="copyright_container"]');
  await expect(copyright.locator('.status-result')).toHaveCount(0);
  await openSounds(page);
  await page.locator('button#unlimited').click();
  await search(page, 'Lo-Fi');
  await row(page, 'Lo-Fi analog beat').locator('.MusicPanelMusicItem__operation button').click();
  await expect(rowIcon(page, 'Lo-Fi analog beat')).toHaveAttribute('data-icon', 'ArrowLeftRight');
  await page.locator('.clip-forge-editor-header-right .Button__root--type-primary').click();
  await expect(copyright.locator('.status-result.status-checking[data-show="true"]')).toHaveCount(1);
  await expect(copyright.locator('.status-result')).toHaveText('No issues found.');
  await expect(copyright.locator('.status-warn, .status-error')).toHaveCount(0);

  await page.locator('.upload-container').getByRole('button', { name: 'Edit video', exact: true }).click();
  await openSounds(page);
  await search(page, 'Café');
  await row(page, 'Café del Mar (Sped Up)').locator('.MusicPanelMusicItem__operation button').click();
  await expect(rowIcon(page, 'Café del Mar (Sped Up)')).toHaveAttribute('data-icon', 'ArrowLeftRight');
  await page.locator('.clip-forge-editor-header-right .Button__root--type-primary').click();
  await expect(page.locator('.sound-container .sound .marquee p').first()).toHaveText(
    'Café del Mar (Sped Up) - Beyoncé Fans',
  );
  await expect(copyright.locator('.status-result.status-checking')).toHaveCount(1);
  await expect(copyright.locator('.status-warn[data-show="true"]')).toHaveText('Copyright issues detected');
  await expect(copyright.locator('.status-checking')).toHaveCount(0);

  // Starting with a sound saved: the check runs on load.
  const saved = await openPage(`${STUDIO}&state=saved&sound=${encodeURIComponent('Night Drive')}`);
  await expect(saved.locator('.clip-forge-editor-header-right')).toHaveCount(0);
  await expect(saved.locator('.sound-container .sound .marquee p').first()).toHaveText(
    'Night Drive - Neon Rivers',
  );
  await expect(saved.locator('[data-e2e="copyright_container"] .status-warn')).toHaveText(
    'Copyright issues detected',
  );
});

test('?lang=de renders the German UI text', async ({ context, openPage }) => {
  const page = await openStudio(context, openPage, 'studio-video.html', '&lang=de&state=uploaded');
  await expect(page.locator('.clip-forge-editor-header-right button')).toHaveText(['Abbrechen', 'Speichern']);
  await expect(page.locator('button[data-button-name="sounds"]')).toHaveText('Sounds');
  const panel = await openSounds(page);
  await expect(panel.locator('[role="tab"]')).toHaveText(['Für dich', 'Favoriten', 'Unbegrenzt']);
  await expect(searchBox(page)).toHaveAttribute('placeholder', 'Sounds suchen');

  const clear = await openPage(`${STUDIO}&lang=de&state=saved&sound=${encodeURIComponent('Sunset Drive')}`);
  await expect(clear.locator('[data-e2e="copyright_container"] .status-result')).toHaveText(
    'Keine Probleme gefunden.',
  );
  const issues = await openPage(`${STUDIO}&lang=de&state=saved&sound=${encodeURIComponent('夜に駆ける')}`);
  await expect(issues.locator('.sound-container .sound .marquee p').first()).toHaveText(
    '夜に駆ける - YOASOBI',
  );
  await expect(issues.locator('[data-e2e="copyright_container"] .status-warn')).toHaveText(
    'Urheberrechtsprobleme erkannt',
  );
});

test('photo form: Add sound opens the picker, search needs typing and Enter, Use fills the sound box, Replace reopens', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-photo.html', '&lang=en');
  await expect(page.locator('.upload-container button[role="tab"]')).toHaveText(['Videos', 'Photos']);
  await expect(page.locator('.upload-container button[role="tab"]', { hasText: 'Photos' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.locator('input[type="file"][accept="image/*"][multiple]')).toHaveCount(1);
  await expect(page.locator('button[data-e2e="post_video_button"]')).toHaveCount(0);
  await expect(
    page.locator('.upload-container').getByRole('button', { name: 'Add sound', exact: true }),
  ).toHaveCount(0);

  await page.locator('button[aria-label="Select file"]').click();
  await page.locator('.upload-container').getByRole('button', { name: 'Add sound', exact: true }).click();
  const picker = page.locator('.MusicPickerView__root');
  await expect(picker).toBeVisible();
  await expect(picker.locator('.PropSettingSliderInput__numberInput input, .AudioClip__root')).toHaveCount(0);
  const input = picker.locator('input[type="text"][placeholder="Search sounds"]');
  await input.evaluate((el: HTMLInputElement) => {
    el.value = 'Lo-Fi';
  });
  await input.press('Enter');
  await page.waitForTimeout(500);
  await expect(picker.locator('.MusicPanelMusicItem__infoBasicTitle', { hasText: 'Lo-Fi' })).toHaveCount(0);

  await input.fill('Lo-Fi');
  await input.press('Enter');
  const lofi = picker.locator('[role="listitem"]').filter({ hasText: 'Lo-Fi analog beat' });
  await expect(lofi.locator('.MusicPanelMusicItem__infoBasicDesc')).toHaveText('Gloveity · 00:38');
  await lofi.getByRole('button', { name: 'Use', exact: true }).click();
  await expect(picker).toHaveCount(0);
  const replace = page.locator('.upload-container').getByRole('button', { name: 'Replace', exact: true });
  await expect(replace.locator('..')).toHaveText('Lo-Fi analog beatReplace');
  expect(await page.evaluate(() => window.__studio.attached())).toBe('Lo-Fi analog beat');

  await replace.click();
  await expect(picker).toBeVisible();
  await picker.locator('[role="listitem"]').filter({ hasText: 'Sunset Drive' }).getByRole('button').click();
  await expect(replace.locator('..')).toHaveText('Sunset DriveReplace');
  expect(await page.evaluate(() => window.__studio.log)).toEqual([
    'upload:select',
    'upload:done',
    'picker:open',
    'picker:mounted',
    'search:enter:ignored',
    'input:Lo-Fi',
    'search:Lo-Fi',
    'results:1',
    'use:Lo-Fi analog beat',
    'picker:replace',
    'picker:mounted',
    'use:Sunset Drive',
  ]);
});

test('photo form in German, already uploaded: Sound hinzufügen, Verwenden, Ersetzen', async ({
  context,
  openPage,
}) => {
  const page = await openStudio(context, openPage, 'studio-photo.html', '&lang=de&state=uploaded');
  await expect(page.locator('.upload-container button[role="tab"]')).toHaveText(['Videos', 'Fotos']);
  await page
    .locator('.upload-container')
    .getByRole('button', { name: 'Sound hinzufügen', exact: true })
    .click();
  const picker = page.locator('.MusicPickerView__root');
  await expect(picker.locator('input[type="text"]')).toHaveAttribute('placeholder', 'Sounds suchen');
  await picker
    .locator('[role="listitem"]')
    .first()
    .getByRole('button', { name: 'Verwenden', exact: true })
    .click();
  await expect(
    page.locator('.upload-container').getByRole('button', { name: 'Ersetzen', exact: true }).locator('..'),
  ).toHaveText('Sunset DriveErsetzen');
});

test('the older wrapper: the video page in iframe[data-tt="Upload_index_iframe"] renders the editor inside the frame', async ({
  context,
  openPage,
}) => {
  await serveFixturePage(context, /tiktokstudio\/frame\/upload/, 'studio-video.html');
  const page = await openStudio(context, openPage, 'studio-frame.html', '&lang=en');
  const frame = page.frameLocator('iframe[data-tt="Upload_index_iframe"]');
  await expect(frame.locator('div.upload-container [data-icon="CheckCircleFill"]')).toHaveCount(1);
  await expect(frame.locator('.clip-forge-editor-header-right .Button__root--type-primary')).toHaveText(
    'Save',
  );
  await expect(page.locator('div.upload-container, .clip-forge-editor-header-right')).toHaveCount(0);

  await openSounds(frame);
  await frame.locator('button#unlimited').click();
  await search(frame, 'Lo-Fi analog beat');
  await row(frame, 'Lo-Fi analog beat').locator('.MusicPanelMusicItem__operation button').click();
  await expect(rowIcon(frame, 'Lo-Fi analog beat')).toHaveAttribute('data-icon', 'ArrowLeftRight');
  await frame.locator('.clip-forge-editor-header-right .Button__root--type-primary').click();
  await expect(frame.locator('.sound-container .sound .marquee p').first()).toHaveText(
    'Lo-Fi analog beat - Gloveity',
  );
  await expect(frame.locator('[data-e2e="copyright_container"] .status-result')).toHaveText(
    'No issues found.',
  );
});

declare global {
  interface Window {
    __studio: { log: string[]; attached(): string | null; pending(): string | null };
  }
}
