/// <reference types="chrome" />
/**
 * What the language specs share: Debian Chromium's locale files, a plural as @wxt-dev/i18n picks it,
 * and the check that no text spills out of its box.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Debian's Chromium switches its UI language only with the locale files of chromium-l10n; without
 * them chrome.i18n.getUILanguage() stays en-US whatever the flags say.
 */
const DEBIAN_LOCALES = '/usr/lib/chromium/locales';

/** The browser in `page` runs in `lang`, or the test says which package is missing. */
export async function expectBrowserLanguage(page: Page, lang: string): Promise<void> {
  const pak = `${DEBIAN_LOCALES}/${lang}.pak`;
  expect(
    !existsSync(DEBIAN_LOCALES) || existsSync(pak),
    `Chromium lacks ${pak}: install Debian's chromium-l10n (apt-get install chromium-l10n)`,
  ).toBe(true);
  expect(await page.evaluate(() => chrome.i18n.getUILanguage())).toMatch(new RegExp(`^${lang}\\b`));
}

/** A plural's form for `count`, as @wxt-dev/i18n picks it (`1: …` or `n: …`), `$1` filled in. */
export function plural(message: string, count: number): string {
  const forms = message.split(' | ');
  return (forms[count === 1 ? 0 : forms.length - 1] ?? '').replaceAll('$1', String(count));
}

/**
 * Elements whose own text is wider than their box: what a reader would see cut off or spilling over
 * the next thing (inline boxes, with no width of their own, are measured through their blocks), a
 * placeholder wider than its field, and a page that scrolls sideways. Text cut with an ellipsis is
 * allowed only where a tooltip (its own `title` or its nearest titled ancestor's) holds all of it.
 */
export function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (!ownText || element.clientWidth === 0) continue;
      if (element.scrollWidth <= element.clientWidth + 1) continue;
      // Text for screen readers only (.visually-hidden, clipped to nothing): nobody sees it cut.
      let clipped = false;
      for (let box: HTMLElement | null = element; box && !clipped; box = box.parentElement)
        clipped = getComputedStyle(box).clipPath !== 'none';
      if (clipped) continue;
      const text = (element.textContent ?? '').trim();
      const tooltip = element.closest<HTMLElement>('[title]')?.title ?? '';
      if (getComputedStyle(element).textOverflow === 'ellipsis' && tooltip.includes(text)) continue;
      found.push(
        `<${element.tagName.toLowerCase()}> "${text.slice(0, 60)}": ${element.scrollWidth} > ${element.clientWidth}`,
      );
    }
    // A placeholder is cut off silently: measured in the field's font against the room inside it.
    const ruler = document.createElement('canvas').getContext('2d');
    for (const field of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      const style = getComputedStyle(field);
      if (!ruler || field.value !== '' || field.clientWidth === 0) continue;
      ruler.font = style.font;
      const room =
        field.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const width = ruler.measureText(field.placeholder).width;
      if (width > room + 1) found.push(`placeholder "${field.placeholder}": ${Math.ceil(width)} > ${room}`);
    }
    // A menu shows its chosen option cut without a word: measured like a placeholder, allowed only
    // with the whole text in its tooltip. (The arrow takes about 20 px of the room.)
    for (const select of document.querySelectorAll<HTMLSelectElement>('select')) {
      const text = select.selectedOptions[0]?.text ?? '';
      const style = getComputedStyle(select);
      if (!ruler || select.clientWidth === 0 || select.title.includes(text)) continue;
      ruler.font = style.font;
      const room =
        select.clientWidth -
        Number.parseFloat(style.paddingLeft) -
        Number.parseFloat(style.paddingRight) -
        20;
      const width = ruler.measureText(text).width;
      if (width > room + 1) found.push(`<select> "${text}": ${Math.ceil(width)} > ${room}`);
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      found.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    return found;
  });
}
