/// <reference types="chrome" />
/**
 * Hostile catalog data: titles and artists carrying HTML and script, `javascript:` and `data:` URLs
 * for covers and previews, 10,000-character strings, and right-to-left overrides. Served by the
 * provider hosts in place of the real lists, they must render as plain text in the popup and on a
 * composer page: nothing runs, nothing loads from a non-https URL, the layout holds, and no
 * override reverses the text Cleartune writes around them.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { type CmlTrack, DEMO_CREDENTIALS, type LayersTrack, type Simulator } from '../simulator';
import { expect, serveFixturePage, test } from './fixtures';
import { ask, setUpProviders } from './popup-support';

test.describe.configure({ mode: 'parallel', timeout: 60_000 });

const RLO = '\u202E';
const HTML_TITLE = `<img src=x onerror="window.__pwned='title'"><script>window.__pwned='script'</script>Hostile Hit`;
const HTML_ARTIST = `<b onmouseover="window.__pwned='artist'">Bold</b> Artist`;
const JS_URL = "javascript:window.__pwned='url'";
const LONG = 'Endless '.repeat(1250);
const RLO_TITLE = `Mirror ${RLO}Song`;
const RLO_ARTIST = 'Plain Artist';
const LAYERS_HTML = `<svg onload="window.__pwned='layers'"></svg>Layer Cake`;

function hostileCml(sim: Simulator): CmlTrack[] {
  const [a, b, c, d, ...rest] = sim.catalog.cml('POP', '7DAY');
  if (!a || !b || !c || !d) throw new Error('the simulator list is too short');
  const clipUrl = (clip: CmlTrack['trending_song_clip'], url: string) =>
    clip ? { ...clip, preview_url: url } : clip;
  return [
    { ...a, commercial_music_name: HTML_TITLE, artist: HTML_ARTIST },
    {
      ...b,
      commercial_music_name: 'Scheme Song',
      thumbnail_url: JS_URL,
      preview_url: 'data:audio/wav;base64,UklGRiQAAABXQVZF',
      trending_song_clip: clipUrl(b.trending_song_clip, JS_URL),
      full_duration_song_clip: clipUrl(b.full_duration_song_clip, 'data:text/html,<script>alert(1)</script>'),
    },
    { ...c, commercial_music_name: `Long ${LONG}`, artist: LONG },
    { ...d, commercial_music_name: RLO_TITLE, artist: RLO_ARTIST },
    ...rest,
  ];
}

function hostileLayers(sim: Simulator): { tracks: LayersTrack[]; total: number } {
  const [a, b, ...rest] = sim.catalog.layers();
  if (!a || !b) throw new Error('the simulator catalog is too short');
  const tracks = [
    { ...a, title: LAYERS_HTML, author: `${RLO}Reversed Author`, album: LONG, isCommerceMusic: true },
    { ...b, title: 'Data Cover', coverUrl: 'data:image/svg+xml,<svg onload=alert(1)>', previewUrl: JS_URL },
    ...rest,
  ];
  return { tracks, total: tracks.length };
}

/** The simulator with both lists swapped for hostile ones (routes added later take precedence). */
async function serveHostile(context: BrowserContext): Promise<Simulator> {
  const { sim } = await setUpProviders(context, { seed: 'hostile' });
  const json = (body: unknown) => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  await context.route('https://api.bundle.social/api/v1/misc/tiktok/cml/trending-list?**', (route) =>
    route.fulfill(json(hostileCml(sim))),
  );
  await context.route('https://api.layers.com/v1/tiktok-music', (route) =>
    route.fulfill(json(hostileLayers(sim))),
  );
  return sim;
}

/** Nothing hostile ran or was built: no handler attributes, no scripts, no non-https media. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const element of document.querySelectorAll('*'))
      if (element.shadowRoot) roots.push(element.shadowRoot);
    const problems: string[] = [];
    for (const root of roots) {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          const value = element.getAttribute(attribute) ?? '';
          if (attribute.startsWith('on')) problems.push(`${element.tagName} ${attribute}`);
          if (
            ['src', 'href', 'poster', 'srcset'].includes(attribute) &&
            /^\s*(javascript|data):/i.test(value)
          )
            problems.push(`${element.tagName} ${attribute}=${value.slice(0, 40)}`);
        }
        if (element.tagName === 'SCRIPT' && /__pwned/.test(element.textContent ?? ''))
          problems.push('script');
      }
    }
    return { problems, pwned: (window as unknown as { __pwned?: string }).__pwned ?? null };
  });
  expect(found).toEqual({ problems: [], pwned: null });
}

/**
 * Whether `text` is laid out left to right where it appears under `selector` (shadow roots included):
 * a right-to-left override leaking out of a title would reverse it.
 */
async function readsLeftToRight(page: Page, selector: string, text: string): Promise<boolean | null> {
  return page.evaluate(
    ({ selector, text }) => {
      const hosts = [...document.querySelectorAll(selector)];
      const roots: Node[] = hosts.flatMap((host) => [host, ...(host.shadowRoot ? [host.shadowRoot] : [])]);
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(text);
          if (at < 0) continue;
          const left = (offset: number) => {
            const range = document.createRange();
            range.setStart(node as Text, offset);
            range.setEnd(node as Text, offset + 1);
            return range.getBoundingClientRect().left;
          };
          return left(at) < left(at + text.length - 1);
        }
      }
      return null;
    },
    { selector, text },
  );
}

async function openHostilePopup(context: BrowserContext, openPopup: () => Promise<Page>): Promise<Page> {
  await serveHostile(context);
  const popup = await openPopup();
  await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
  await popup.reload();
  await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();
  return popup;
}

test('the popup shows hostile titles as text, loads no script URL, and keeps its layout', async ({
  context,
  openPopup,
}) => {
  const popup = await openHostilePopup(context, openPopup);
  const search = popup.getByRole('searchbox', { name: 'Search tracks' });

  // HTML and script in a title and an artist: shown literally.
  await search.fill('Hostile Hit');
  const row = popup.getByRole('listitem', { name: `${HTML_TITLE} by ${HTML_ARTIST}` });
  await expect(row.getByText(HTML_TITLE, { exact: true })).toBeVisible();
  await expect(row.getByText(HTML_ARTIST)).toBeVisible();
  await row.hover();
  await expectInert(popup);

  // `javascript:` and `data:` covers and previews: no cover, and the preview is refused in words.
  await search.fill('Scheme Song');
  const scheme = popup.getByRole('listitem', { name: /^Scheme Song by / });
  await expect(scheme.locator('img')).toHaveCount(0);
  await scheme.getByRole('button', { name: 'Preview Scheme Song' }).click();
  await expect(popup.getByRole('status')).toHaveText('Preview unavailable for Scheme Song');
  await expect(popup.getByTestId('preview-audio')).not.toHaveAttribute('src', /^(javascript|data):/);
  await search.fill('Data Cover');
  const dataCover = popup.getByRole('listitem', { name: /^Data Cover by / });
  await expect(dataCover.locator('img')).toHaveCount(0);
  await expectInert(popup);

  // 10,000 characters: one ellipsized line in a row of the usual height, nothing wider than the popup.
  await search.fill('Long Endless');
  const long = popup.getByRole('listitem').filter({ hasText: 'Long Endless' }).first();
  await expect(long).toBeVisible();
  const box = await long.boundingBox();
  expect(box?.height).toBe(116);
  const widths = await popup.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  await search.fill('Layer Cake');
  await expect(popup.getByRole('listitem').first()).toBeVisible();
  await expectInert(popup);

  // A right-to-left override in a title stays inside it: the status line around it still reads
  // left to right.
  await search.fill('Mirror');
  const mirror = popup.getByRole('listitem').first();
  await mirror.getByRole('button', { name: /^Favorite Mirror/ }).click();
  await expect(popup.getByRole('status')).toContainText('to favorites');
  expect(await readsLeftToRight(popup, '[role="status"]', ' to favorites')).toBe(true);
  expect(await readsLeftToRight(popup, '.track-row', RLO_ARTIST)).toBe(true);
});

test('a composer page shows a hostile chosen track as text, and nothing runs there', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, 'https://composer.test/plain', 'plain-composer.html');
  const popup = await openHostilePopup(context, openPopup);
  const page = await openPage('https://composer.test/plain');
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  const field = page.getByLabel('Music sound ID');

  for (const [search, text] of [
    ['Hostile Hit', `♪ ${HTML_TITLE} — ${HTML_ARTIST}`],
    ['Mirror', `♪ ${RLO_TITLE.replace(RLO, '')} — ${RLO_ARTIST}`],
  ] as const) {
    await field.click();
    await popup.getByRole('searchbox', { name: 'Search tracks' }).fill(search);
    const row = popup.getByRole('listitem').first();
    await row.getByRole('button', { name: /^Use / }).click();
    await expect(popup.getByRole('status')).toHaveText('Filled into composer.test');
    await expect(field).toHaveValue(/^\d{19}$/);
    const chip = page.getByText(/^♪ /);
    await expect(chip).toBeVisible();
    // The page shows the title as text (bidi controls aside) and nothing else of it is live. The
    // status reads the same for both fills, so the chip is waited for, not read once.
    await expect
      .poll(async () => (await chip.innerText()).replace(/[\u202A-\u202E\u2066-\u2069]/g, ''))
      .toBe(text);
    await expectInert(page);
  }
  // The override in the title does not turn the artist's name around.
  expect(await readsLeftToRight(page, '[data-cleartune-ui]', RLO_ARTIST)).toBe(true);
});
