/// <reference types="chrome" />
/**
 * "Done when": a new user connects a provider, finds a rising Dance Pop track from the last 7 days,
 * hears it and uses it, with the keyboard only.
 */
import type { Page } from '@playwright/test';
import { SINGLE_TEAM_CREDENTIALS } from '../simulator';
import { expect, test } from './fixtures';
import { setUpProviders, tabTo } from './popup-support';

/** The focused element shows a visible focus indicator. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThan(0);
}

test('connect, find, hear and use a rising Dance Pop track with the keyboard only', async ({
  context,
  openOptions,
  openPopup,
}) => {
  const { media } = await setUpProviders(context);

  // Options: type the key; the one team is picked without asking; save.
  const options = await openOptions();
  await tabTo(options, 'bundle.social API key');
  await options.keyboard.type(SINGLE_TEAM_CREDENTIALS.bundleSocialKey);
  await expect(options.getByRole('combobox', { name: 'Team' })).toHaveValue(SINGLE_TEAM_CREDENTIALS.teamId);
  await tabTo(options, 'Save');
  await expectVisibleFocus(options);
  await options.keyboard.press('Enter');
  await expect(options.getByText('Settings saved.')).toBeVisible();

  // Popup: genre and sort by typing on the focused selects.
  const popup = await openPopup();
  await expect(popup.getByRole('listitem').first()).toBeVisible();
  await tabTo(popup, 'Genre');
  await expectVisibleFocus(popup);
  await popup.keyboard.type('Dance Pop');
  await expect(popup.getByRole('combobox', { name: 'Genre' })).toHaveValue('DANCE_POP');
  await expect(popup.getByRole('combobox', { name: 'Date range' })).toHaveValue('7DAY');
  await tabTo(popup, 'Sort');
  await popup.keyboard.type('Rising');
  await expect(popup.getByRole('combobox', { name: 'Sort' })).toHaveValue('rising');
  await popup.keyboard.press('Tab');

  // `/` jumps to search; Escape clears it; ↓ enters the list.
  await popup.keyboard.press('/');
  await expect(popup.getByRole('searchbox', { name: 'Search tracks' })).toBeFocused();
  await popup.keyboard.type('zzzz');
  await expect(popup.getByText('No track matches “zzzz”.')).toBeVisible();
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('searchbox', { name: 'Search tracks' })).toHaveValue('');
  await popup.keyboard.press('ArrowDown');
  const first = popup.getByRole('listitem').first();
  await expect(first).toBeFocused();
  await expectVisibleFocus(popup);
  await expect(first.getByRole('img', { name: /^Rank trend: up \d+ places? in/ })).toBeVisible();

  // Arrows move between rows and back.
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('listitem').nth(1)).toBeFocused();
  await popup.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();

  // Space previews the focused row, Enter uses it.
  const label = (await first.getAttribute('aria-label')) ?? '';
  const title = label.slice(0, label.lastIndexOf(' by '));
  await popup.keyboard.press('Space');
  await expect(first.getByRole('button', { name: `Preview ${title}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => media.audio.length).toBeGreaterThan(0);
  await popup.keyboard.press('Space');
  await expect(first.getByRole('button', { name: `Preview ${title}` })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toHaveText('Chosen — open a composer to fill it');
  const chosen = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'getChosen' }));
  expect(chosen).toMatchObject({ ok: true, value: { title, idKind: 'cml-song-clip' } });
});
