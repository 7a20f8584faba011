/**
 * Composer pages in Firefox, served at their real URLs (https://composer.test/*, which only the e2e
 * build's content script matches): the popup's "Use" fills the plain and the React composer, photo
 * mode hides and restores the video-only controls, a draft is warned about, and a Layers id is
 * refused for a CML field with the reason.
 */
import type { Page } from 'puppeteer-core';
import { reactComposerHtml } from '../fixtures/composers/serve';
import { FIXTURE_PAGES } from './harness/composers';
import { inRow, openConnectedPopup, rowOf, STATUS, showCmlOnly, useUntilFilled } from './harness/finder';
import type { Firefox } from './harness/firefox';
import { expect, test } from './harness/fixtures';
import {
  attributeOf,
  choose,
  click,
  expectShown,
  expectText,
  expectValue,
  fieldValue,
  fill,
  label,
  pageText,
  role,
  textOf,
  WAIT,
} from './harness/page';
import type { TestProxy } from './harness/proxy';

const PLAIN = 'https://composer.test/plain';
const REACT = 'https://composer.test/react';
const DRAFT =
  "TikTok drafts don't keep the chosen music: add it in the TikTok app before publishing, or post directly.";
const PHOTO_NOTE = 'Photos take only the sound id — TikTok rejects volume and trim';
const VIDEO_ONLY = ['#musicSoundVolume', '#videoOriginalSoundVolume', '#musicSoundStart', '#musicSoundEnd'];

async function serveComposers(proxy: TestProxy): Promise<void> {
  proxy.serve(PLAIN, { body: FIXTURE_PAGES.plain() });
  proxy.serve(REACT, { body: await reactComposerHtml() });
}

/** The composer at `url`, its content script ready, the person's cursor in the music id field. */
async function openComposer(firefox: Firefox, url: string, field: string): Promise<Page> {
  const page = await firefox.openPage(url);
  // The content script's controls live in a shadow root, which WebDriver's accessibility locator
  // does not enter: found by their text instead.
  await page.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
  await click(page, field);
  return page;
}

/** "Use" on the first bundle.social row until it fills the composer; answers the id it shows. */
async function useFirstCmlTrack(firefox: Firefox): Promise<{ popup: Page; id: string }> {
  const popup = await openConnectedPopup(firefox);
  await showCmlOnly(popup);
  const row = await rowOf(popup);
  const id = (await attributeOf(popup, inRow(row, `Copy ID of ${row.title}`), 'title')) ?? '';
  expect(id).toMatch(/^\d{19}$/);
  await useUntilFilled(popup, row);
  return { popup, id };
}

test('Use fills the plain composer with the chosen clip id', async ({ firefox, proxy, sim }) => {
  await serveComposers(proxy);
  const page = await openComposer(firefox, PLAIN, '#music_sound_id');
  const { id } = await useFirstCmlTrack(firefox);
  await expectValue(page, '#music_sound_id', id);
  // The id is one of the chart's clips, all 19 digits of it.
  const clips = sim.catalog
    .cml('POP', '7DAY')
    .flatMap((item) => [item.trending_song_clip?.song_clip_id, item.full_duration_song_clip?.song_clip_id]);
  expect(clips).toContain(id);
});

test('Use fills the React composer so that React itself holds the id', async ({ firefox, proxy }) => {
  await serveComposers(proxy);
  const page = await openComposer(firefox, REACT, '#sound-id');
  const { id } = await useFirstCmlTrack(firefox);
  await expectValue(page, '#sound-id', id);
  await page.bringToFront();
  await click(page, role('button', 'Schedule post'));
  await expect
    .poll(() => textOf(page, '[data-testid="submitted"]'), WAIT)
    .toContain(`"musicSoundId":"${id}"`);
});

test('photo mode hides and disables volume and trim; video brings them back as they were', async ({
  firefox,
  proxy,
}) => {
  await serveComposers(proxy);
  const page = await openComposer(firefox, REACT, '#sound-id');
  await fill(page, '#sound-id', '7312345678901234567');
  await fill(page, '#musicSoundVolume', '70');
  await fill(page, '#musicSoundEnd', '30000');

  await click(page, role('radio', 'Photos'));
  await expect.poll(() => pageText(page), WAIT).toContain(PHOTO_NOTE);
  for (const control of VIDEO_ONLY) {
    await expectShown(page, control, false);
    expect(await page.$eval(control, (el) => (el as HTMLInputElement).disabled)).toBe(true);
  }
  await expectShown(page, '#sound-id');
  await click(page, role('button', 'Schedule post'));
  await expectText(
    page,
    '[data-testid="submitted"]',
    '{"data":{"TIKTOK":{"type":"IMAGE","uploadToDraft":false,"musicSoundInfo":{"musicSoundId":"7312345678901234567"}}}}',
  );

  await click(page, role('radio', 'Video'));
  await expect.poll(() => pageText(page), WAIT).not.toContain(PHOTO_NOTE);
  for (const control of VIDEO_ONLY) {
    await expectShown(page, control);
    expect(await page.$eval(control, (el) => (el as HTMLInputElement).disabled)).toBe(false);
  }
  expect(await fieldValue(page, '#musicSoundVolume')).toBe('70');
  expect(await fieldValue(page, '#musicSoundEnd')).toBe('30000');
});

test('a draft upload with a sound id is warned about, without blocking the post', async ({
  firefox,
  proxy,
}) => {
  await serveComposers(proxy);
  const page = await openComposer(firefox, REACT, '#sound-id');
  await fill(page, '#sound-id', '7312345678901234567');
  await fill(page, '#musicSoundVolume', '50');
  await fill(page, '#videoOriginalSoundVolume', '50');
  await expect.poll(() => pageText(page), WAIT).not.toContain(DRAFT);

  await click(page, label('Upload to draft'));
  await expect.poll(() => pageText(page), WAIT).toContain(DRAFT);
  await click(page, role('button', 'Schedule post'));
  await expect.poll(() => textOf(page, '[data-testid="submitted"]'), WAIT).toContain('"uploadToDraft":true');
  await click(page, '::-p-text(Dismiss)');
  await expect.poll(() => pageText(page), WAIT).not.toContain(DRAFT);
});

test('a Layers track is refused for a CML field, with the reason, and nothing is written', async ({
  firefox,
  proxy,
}) => {
  await serveComposers(proxy);
  const page = await openComposer(firefox, REACT, '#sound-id');
  const popup = await openConnectedPopup(firefox);
  await choose(popup, role('combobox', 'Source'), 'layers');
  const row = await rowOf(popup);
  await expect
    .poll(async () => {
      await click(popup, inRow(row, `Use ${row.title}`));
      return pageText(page);
    }, WAIT)
    .toMatch(
      /Not filled: this field takes a CML sound id \(bundle\.social\), and “.*” is a Layers track id\./,
    );
  expect(await pageText(page)).toContain('Pick a bundle.social track in the Cleartune popup.');
  expect(await fieldValue(page, '#sound-id')).toBe('');
  expect(await textOf(popup, STATUS)).not.toBe('Filled into composer.test');
});
