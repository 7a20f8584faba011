/**
 * What the Firefox specs ask of a page, in a person's terms: elements found by role and accessible
 * name (Puppeteer's ARIA queries, answered by Firefox's accessibility tree), their text, value and
 * state, and assertions that wait for them (`expect.poll`).
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';

/** Firefox is slow on two busy cores: what a person would wait for a page to react. */
export const WAIT = { timeout: 15_000, interval: 100 };

const quoted = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** An element by its role and exact accessible name. */
export const role = (kind: string, name: string) => `::-p-aria([name=${quoted(name)}][role=${quoted(kind)}])`;
/** A labelled form control (its accessible name, any role). */
export const label = (name: string) => `::-p-aria(${quoted(name)})`;

async function read<T, A>(
  page: Page,
  selector: string,
  fn: (el: Element, arg: A) => T,
  arg?: A,
): Promise<T | null> {
  const handle = await page.$(selector).catch(() => null);
  if (!handle) return null;
  try {
    return (await handle.evaluate(fn as (el: Element, arg: unknown) => T, arg)) as T;
  } catch {
    return null;
  } finally {
    await handle.dispose().catch(() => {});
  }
}

export const textOf = (page: Page, selector: string) =>
  read(page, selector, (el) => (el as HTMLElement).innerText ?? el.textContent ?? '');
export const fieldValue = (page: Page, selector: string) =>
  read(page, selector, (el) => (el as HTMLInputElement).value);
export const attributeOf = (page: Page, selector: string, name: string) =>
  read(page, selector, (el, attribute: string) => el.getAttribute(attribute), name);

/** Whether the element is there and rendered (not `display: none`, not `visibility: hidden`). */
export async function isShown(page: Page, selector: string): Promise<boolean> {
  const shown = await read(page, selector, (el) => {
    const style = getComputedStyle(el);
    return (el as HTMLElement).getClientRects().length > 0 && style.visibility !== 'hidden';
  });
  return shown === true;
}

export const countOf = async (page: Page, selector: string): Promise<number> =>
  (await page.$$(selector).catch(() => [])).length;

/** Waits until the element's text equals `expected` (or matches it). */
export async function expectText(page: Page, selector: string, expected: string | RegExp): Promise<void> {
  const poll = expect.poll(() => textOf(page, selector).then((t) => t?.trim() ?? null), WAIT);
  if (typeof expected === 'string') await poll.toBe(expected);
  else await poll.toMatch(expected);
}

export async function expectShown(page: Page, selector: string, shown = true): Promise<void> {
  await expect.poll(() => isShown(page, selector), WAIT).toBe(shown);
}

export async function expectValue(page: Page, selector: string, expected: string): Promise<void> {
  await expect.poll(() => fieldValue(page, selector), WAIT).toBe(expected);
}

export async function click(page: Page, selector: string): Promise<void> {
  await page.locator(selector).setTimeout(WAIT.timeout).click();
}

/**
 * Types into a field as a person would: Puppeteer's fill (real key presses for short text); an
 * empty value is select-all and Backspace, so the page hears the input event.
 */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = page.locator(selector).setTimeout(WAIT.timeout);
  if (value !== '') return field.fill(value);
  await field.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
}

/** Picks an option of a `<select>` by value. */
export async function choose(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).setTimeout(WAIT.timeout).wait();
  await page.select(selector, value);
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
type RuntimeHolder = { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

/** Sends a message to the background from an extension page, as the popup does. */
export async function ask<T>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = (await page.evaluate(
    (message) => (globalThis as unknown as RuntimeHolder).browser.runtime.sendMessage(message),
    { type, data },
  )) as Reply<T>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Everything the page says, the content script's open shadow roots included. */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        for (const node of el.shadowRoot.querySelectorAll('*:not(style)')) {
          if (node.children.length === 0 && (node as HTMLElement).offsetParent !== null)
            parts.push(node.textContent ?? '');
        }
        walk(el.shadowRoot);
      }
    };
    walk(document);
    return parts.join('\n');
  });
}
