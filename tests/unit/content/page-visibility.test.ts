// @vitest-environment jsdom
/**
 * What a composer page's own scripts can see of Cleartune: the id written into its field, Cleartune's
 * marker attributes and the presence of its (shadow) hosts, and nothing of the chosen track. The
 * production build attaches closed shadow roots; unit tests and the e2e build keep them open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS } from '@/lib/content/document-observer';
import { createScope, type Scope } from '@/lib/content/scope';
import { createUiHost } from '@/lib/content/ui/shadow-host';
import { claimDocument, watchDocument } from '@/lib/content/watched-document';
import { cmlChosen } from '../../fixtures/tracks';

const chosen = cmlChosen;

const tick = (ms = BATCH_MS * 3) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a page script can read: the DOM, and every shadow root it can open from a host. */
function pageVisibleText(root: Document | ShadowRoot): string {
  const parts = [root instanceof Document ? root.documentElement.outerHTML : root.innerHTML];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.shadowRoot) parts.push(pageVisibleText(element.shadowRoot));
  }
  return parts.join('\n');
}

/** The shadow roots the content script itself holds, as `attachShadow` returned them. */
function recordShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

let scope: Scope;

beforeEach(() => {
  scope = createScope(new AbortController().signal);
  document.body.innerHTML =
    '<form><label for="s">Music sound ID</label><input id="s" name="musicSoundId"></form>';
});

afterEach(() => {
  scope.dispose();
  vi.unstubAllEnvs();
  document.body.innerHTML = '';
});

describe('in the production build', () => {
  it('Cleartune’s UI shows the chosen track while the page sees only the id it was given', async () => {
    vi.stubEnv('MODE', 'production');
    const roots = recordShadowRoots();
    watchDocument(document, scope, {
      owner: 'a',
      chosen: () => chosen,
      composersChanged: vi.fn(),
      focused: vi.fn(),
    });
    await tick();
    const hosts = Array.from(document.querySelectorAll<HTMLElement>('[data-cleartune-ui]:not(style)'));
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.map((host) => host.shadowRoot)).toEqual(hosts.map(() => null));
    expect(roots.every((root) => root.mode === 'closed')).toBe(true);

    const insert = roots
      .flatMap((root) => Array.from(root.querySelectorAll('button')))
      .find((button) => button.textContent === 'Insert chosen track');
    if (!insert) throw new Error('no Insert button');
    insert.click();
    const field = document.querySelector<HTMLInputElement>('#s');
    expect(field?.value).toBe(chosen.id);

    // The UI names the track, in roots only the content script holds.
    const shown = roots.map((root) => root.textContent).join('\n');
    expect(shown).toContain('♪ Lo-Fi analog beat — Gloveity');
    // The page: its field holds the id, and neither title nor artist is anywhere it can read.
    const visible = pageVisibleText(document);
    expect(document.body.textContent).not.toMatch(/Lo-Fi analog beat|Gloveity/);
    expect(document.body.innerHTML).not.toMatch(/Lo-Fi analog beat|Gloveity/);
    expect(visible).not.toMatch(/Lo-Fi analog beat|Gloveity/);
  });

  it('every UI host’s shadow root is closed', () => {
    vi.stubEnv('MODE', 'production');
    const { host, shadow } = createUiHost(document, 'field');
    expect(shadow.mode).toBe('closed');
    expect(host.shadowRoot).toBeNull();
  });
});

describe('in the e2e build', () => {
  it('shadow roots stay open, so Playwright locators reach the buttons (and a page would see the track)', async () => {
    vi.stubEnv('MODE', 'e2e');
    watchDocument(document, scope, {
      owner: 'a',
      chosen: () => chosen,
      composersChanged: vi.fn(),
      focused: vi.fn(),
    });
    await tick();
    expect(pageVisibleText(document)).toContain('Lo-Fi analog beat');
  });
});

describe('ownership of a document', () => {
  it('ignores anything the page wrote on <html> and writes nothing there', () => {
    const root = document.documentElement;
    root.setAttribute('data-cleartune-owner', 'page');
    root.dataset.cleartune = 'ready';
    const other = createScope(new AbortController().signal);
    try {
      expect(claimDocument(document, 'a', scope)).toBe(true);
      expect(claimDocument(document, 'b', other)).toBe(false);
      expect(root.getAttribute('data-cleartune-owner')).toBe('page');
      root.removeAttribute('data-cleartune-owner');
      expect(claimDocument(document, 'b', other)).toBe(false);
      expect(root.getAttributeNames().filter((name) => name !== 'data-cleartune')).toEqual([]);
      scope.dispose();
      expect(claimDocument(document, 'b', other)).toBe(true);
    } finally {
      other.dispose();
      root.removeAttribute('data-cleartune-owner');
      delete root.dataset.cleartune;
    }
  });
});
