// @vitest-environment jsdom
/**
 * The first paint before React (lib/popup/first-paint.ts): what the finder showed is drawn again
 * from a saved tree, inert, only in the same language and while fresh, and a damaged or hostile
 * stored value can never add a script, a handler or a foreign image.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { paintFirstPaint, saveFirstPaint } from '../../../lib/popup/first-paint';

const NOW = 1_000_000_000;
const KEY = 'cleartune:first-paint:popup';

function memory() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

function finder(): HTMLElement {
  const root = document.createElement('div');
  const page = document.createElement('div');
  page.className = 'popup';
  const search = document.createElement('input');
  search.type = 'search';
  search.value = 'typed';
  const select = document.createElement('select');
  for (const value of ['POP', 'ALL']) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value === 'ALL' ? 'All genres' : 'Pop';
    select.append(option);
  }
  select.value = 'ALL';
  const row = document.createElement('li');
  row.className = 'track-row';
  row.setAttribute('style', 'top: 116px;');
  row.setAttribute('aria-label', 'Night Drive <b>by</b> Nova');
  const title = document.createElement('p');
  title.textContent = '<img src=x onerror=alert(1)> Night Drive';
  const cover = document.createElement('img');
  cover.src = 'https://p16-sign-va.tiktokcdn.com/cover.jpeg';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'path'));
  row.append(cover, title, svg);
  const tab = document.createElement('p');
  tab.className = 'tab-status';
  tab.textContent = 'composer.example — 1 composer';
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  status.textContent = 'Filled into composer.example';
  page.append(tab, search, select, row, status);
  root.append(page);
  return root;
}

describe('the first paint', () => {
  let store: ReturnType<typeof memory>;
  beforeEach(() => {
    store = memory();
  });

  it('draws again what the finder showed, fields and SVG included, inert', () => {
    const shown = finder();
    saveFirstPaint(store, 'popup', shown, 'en', NOW);
    const next = document.createElement('div');
    expect(paintFirstPaint(store, 'popup', next, 'en', NOW + 60_000)).toBe(true);
    const page = next.firstElementChild as HTMLElement;
    expect(page.hasAttribute('inert')).toBe(true);
    page.removeAttribute('inert');
    // All of it but the moment's words: the tab line and the last status are not kept.
    shown.querySelector('.tab-status')?.remove();
    (shown.querySelector('[role="status"]') as HTMLElement).textContent = '';
    expect(next.innerHTML).toBe(shown.innerHTML);
    expect(next.textContent).not.toContain('composer.example');
    expect(next.querySelector('input')?.value).toBe('typed');
    expect(next.querySelector('select')?.value).toBe('ALL');
    expect(next.querySelector('path')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    // Page text stayed text.
    expect(next.querySelector('.track-row p')?.textContent).toBe('<img src=x onerror=alert(1)> Night Drive');
    expect(next.querySelectorAll('img')).toHaveLength(1);
  });

  it('paints nothing in another language, when six hours old, or from a damaged value', () => {
    saveFirstPaint(store, 'popup', finder(), 'en', NOW);
    const root = document.createElement('div');
    expect(paintFirstPaint(store, 'popup', root, 'de', NOW)).toBe(false);
    expect(paintFirstPaint(store, 'popup', root, 'en', NOW + 6 * 3_600_000)).toBe(false);
    expect(paintFirstPaint(store, 'panel', root, 'en', NOW)).toBe(false);
    store.setItem(KEY, '{"lang":"en","savedAt":');
    expect(paintFirstPaint(store, 'popup', root, 'en', NOW)).toBe(false);
    expect(root.childNodes).toHaveLength(0);
  });

  it('never adds a script, a handler, an unknown element or an image from outside https', () => {
    const hostile = {
      lang: 'en',
      savedAt: NOW,
      nodes: [
        [
          'div',
          { class: 'popup', onclick: 'alert(1)' },
          [
            ['script', {}, ['alert(1)']],
            ['iframe', { src: 'https://evil.example' }, []],
            ['img', { src: 'javascript:alert(1)', onerror: 'alert(1)' }, []],
            ['p', {}, ['kept']],
          ],
        ],
      ],
    };
    store.setItem(KEY, JSON.stringify(hostile));
    const root = document.createElement('div');
    expect(paintFirstPaint(store, 'popup', root, 'en', NOW)).toBe(true);
    expect(root.innerHTML).toBe('<div class="popup" inert=""><img><p>kept</p></div>');
  });

  it('keeps nothing too big to be quick', () => {
    const shown = finder();
    (shown.querySelector('.track-row p') as HTMLElement).textContent = 'x'.repeat(400_000);
    saveFirstPaint(store, 'popup', shown, 'en', NOW);
    expect(paintFirstPaint(store, 'popup', document.createElement('div'), 'en', NOW)).toBe(false);
  });
});
