/**
 * Reading and clicking in the sidebar and the toolbar popup (`ExtensionView`). Clicks are real
 * mouse input synthesized by Firefox at the element's centre (what a person's click produces, user
 * activation included, which `sidebarAction.open()` and `permissions.request()` require).
 */
import type { ExtensionView } from './firefox';

/** The text of the first element matching `selector`, trimmed, or null. */
export const viewText = (view: ExtensionView, selector: string) =>
  view.run((window, css) => window.document.querySelector(css)?.textContent?.trim() ?? null, selector);

export const viewCount = (view: ExtensionView, selector: string) =>
  view.run((window, css) => window.document.querySelectorAll(css).length, selector);

/** Clicks the first element matching `selector` with the mouse; false when there is none. */
export function clickInView(view: ExtensionView, selector: string): Promise<boolean> {
  return view.run((window, css) => {
    const element = window.document.querySelector(css);
    if (!element) return false;
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    const synthesize = (window as unknown as ChromeOnlyWindow).synthesizeMouseEvent.bind(window);
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    for (const type of ['mousedown', 'mouseup']) synthesize(type, x, y, { button: 0, clickCount: 1 });
    return true;
  }, selector);
}

/** What a frame script (chrome code) may call on the page's window: Firefox's input synthesis. */
interface ChromeOnlyWindow {
  synthesizeMouseEvent(
    type: string,
    x: number,
    y: number,
    event: { button: number; clickCount: number },
  ): boolean;
}

/**
 * Clicks "Use" on the first row whose id is a 19-digit CML clip id (what a plain or
 * bundle.social-style composer field takes); answers that id, or null when no row has one.
 */
export async function useFirstCmlRow(view: ExtensionView): Promise<string | null> {
  const found = await view.run((window) => {
    for (const row of window.document.querySelectorAll('li.track-row')) {
      const id = row.querySelector('button[aria-label^="Copy ID of "]')?.getAttribute('title') ?? '';
      if (/^\d{19}$/.test(id)) return { index: row.getAttribute('data-index'), id };
    }
    return null;
  });
  if (!found) return null;
  await clickInView(view, `li.track-row[data-index="${found.index}"] button[aria-label^="Use "]`);
  return found.id;
}

/** Clicks the button whose text (or accessible label) is `name`; false when there is none. */
export async function clickButtonInView(view: ExtensionView, name: string): Promise<boolean> {
  const marked = await view.run((window, wanted) => {
    for (const button of window.document.querySelectorAll('button')) {
      const named = button.getAttribute('aria-label') ?? button.textContent?.trim();
      if (named !== wanted) continue;
      button.setAttribute('data-cleartune-test-target', '');
      return true;
    }
    return false;
  }, name);
  if (!marked) return false;
  const clicked = await clickInView(view, '[data-cleartune-test-target]');
  await view.run((window) => {
    for (const element of window.document.querySelectorAll('[data-cleartune-test-target]'))
      element.removeAttribute('data-cleartune-test-target');
  });
  return clicked;
}
