// @vitest-environment jsdom
/**
 * The first paint before React (lib/popup/first-paint.ts): what the finder showed is drawn again
 * from a saved tree, inert, only while it is still what React will draw first (same language,
 * release, first screen and defaults), and a damaged or hostile stored value can never add a
 * script, a handler or a foreign image.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDDEN_START_MS, paintFirstPaint, saveFirstPaint, startApp } from '../../../lib/popup/first-paint';

const NOW = 1_000_000_000;
const KEY = 'cleartune:first-paint:popup';
const EN = { lang: 'en', version: '1.4.0', now: NOW };

/** The first screen the popup remembered at `savedAt` (lib/popup/first-screen-memory.ts), and its defaults. */
function memory(savedAt = NOW - 60_000) {
  const items = new Map<string, string>([
    ['cleartune:first-screen', `{"v":1,"savedAt":${savedAt},"query":{},"answer":{}}`],
    ['cleartune:defaults', '{"genre":"POP","range":"7DAY"}'],
  ]);
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
  const used = document.createElement('span');
  used.className = 'badge-used';
  used.textContent = 'Used on agency.example';
  row.append(used);
  const line = document.createElement('p');
  line.className = 'status-line';
  line.textContent = 'Updated 2 min ago';
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  status.textContent = 'Filled into composer.example';
  page.append(tab, search, select, row, line, status);
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
    saveFirstPaint(store, 'popup', shown, EN);
    const next = document.createElement('div');
    expect(paintFirstPaint(store, 'popup', next, { ...EN, now: NOW + 60_000 })).toBe(true);
    const page = next.firstElementChild as HTMLElement;
    expect(page.hasAttribute('inert')).toBe(true);
    page.removeAttribute('inert');
    // All of it but the moment's words: the tab line and the last status are not kept.
    for (const gone of shown.querySelectorAll('.tab-status, .badge-used, .status-line')) gone.remove();
    (shown.querySelector('[role="status"]') as HTMLElement).textContent = '';
    expect(next.innerHTML).toBe(shown.innerHTML);
    expect(next.textContent).not.toMatch(/composer\.example|agency\.example|Updated/);
    expect(next.querySelector('input')?.value).toBe('typed');
    expect(next.querySelector('select')?.value).toBe('ALL');
    expect(next.querySelector('path')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    // Page text stayed text.
    expect(next.querySelector('.track-row p')?.textContent).toBe('<img src=x onerror=alert(1)> Night Drive');
    expect(next.querySelectorAll('img')).toHaveLength(1);
  });

  it('paints nothing in another language or release, from another page, or from a damaged value', () => {
    saveFirstPaint(store, 'popup', finder(), EN);
    const root = document.createElement('div');
    expect(paintFirstPaint(store, 'popup', root, { ...EN, lang: 'de' })).toBe(false);
    expect(paintFirstPaint(store, 'popup', root, { ...EN, version: '1.5.0' })).toBe(false);
    expect(paintFirstPaint(store, 'panel', root, EN)).toBe(false);
    expect(paintFirstPaint(null, 'popup', root, EN)).toBe(false);
    store.setItem(KEY, '{"lang":"en","version":');
    expect(paintFirstPaint(store, 'popup', root, EN)).toBe(false);
    expect(root.childNodes).toHaveLength(0);
  });

  it('paints nothing once the first screen it was drawn from is gone, replaced, old or has other defaults', () => {
    const root = document.createElement('div');
    const drawn = () => {
      store = memory();
      saveFirstPaint(store, 'popup', finder(), EN);
      expect(paintFirstPaint(store, 'popup', document.createElement('div'), EN)).toBe(true);
    };
    // An error or offline answer clears the remembered first screen.
    drawn();
    store.setItem('cleartune:first-screen', '');
    expect(paintFirstPaint(store, 'popup', root, EN)).toBe(false);
    // A new answer (another query, new tracks) rewrites it.
    drawn();
    store.setItem('cleartune:first-screen', `{"v":1,"savedAt":${NOW - 1000},"query":{},"answer":{}}`);
    expect(paintFirstPaint(store, 'popup', root, EN)).toBe(false);
    // New defaults from the options page: the popup opens on another list.
    drawn();
    store.setItem('cleartune:defaults', '{"genre":"ROCK","range":"7DAY"}');
    expect(paintFirstPaint(store, 'popup', root, EN)).toBe(false);
    // Six hours on, its preview URLs are dead and React will not draw it either.
    drawn();
    expect(paintFirstPaint(store, 'popup', root, { ...EN, now: NOW + 6 * 3_600_000 })).toBe(false);
    expect(root.childNodes).toHaveLength(0);
  });

  it('keeps nothing without a fresh first screen to tie it to', () => {
    store.setItem('cleartune:first-screen', '');
    saveFirstPaint(store, 'popup', finder(), EN);
    expect(store.getItem(KEY)).toBe('');
  });

  it('keeps the rows in view, not those the list holds ready below the fold', () => {
    const shown = finder();
    const below = document.createElement('li');
    below.className = 'track-row';
    below.textContent = 'Below the fold';
    below.getBoundingClientRect = () => ({ top: innerHeight + 10 }) as DOMRect;
    shown.firstElementChild?.append(below);
    saveFirstPaint(store, 'popup', shown, EN);
    const next = document.createElement('div');
    expect(paintFirstPaint(store, 'popup', next, EN)).toBe(true);
    expect(next.querySelectorAll('.track-row')).toHaveLength(1);
    expect(next.textContent).not.toContain('Below the fold');
  });

  it('never adds a script, a handler, an unknown element or an image from outside https', () => {
    const hostile = {
      lang: 'en',
      version: '1.4.0',
      screen: `${NOW - 60_000}|{"genre":"POP","range":"7DAY"}`,
      nodes: [
        [
          'div',
          { class: 'popup', onclick: 'alert(1)' },
          [
            ['script', {}, ['alert(1)']],
            ['iframe', { src: 'https://evil.example' }, []],
            ['img', { src: 'javascript:alert(1)', onerror: 'alert(1)', ONLOAD: 'alert(1)' }, []],
            [
              'img',
              { src: 'https://p16-sign-va.tiktokcdn.com/a.jpeg', srcset: 'https://evil.example/x 2x' },
              [],
            ],
            ['p', {}, ['kept']],
          ],
        ],
      ],
    };
    store.setItem(KEY, JSON.stringify(hostile));
    const root = document.createElement('div');
    expect(paintFirstPaint(store, 'popup', root, EN)).toBe(true);
    expect(root.innerHTML).toBe(
      '<div class="popup" inert=""><img><img src="https://p16-sign-va.tiktokcdn.com/a.jpeg"><p>kept</p></div>',
    );
  });

  it('keeps nothing too big to be quick', () => {
    const shown = finder();
    (shown.querySelector('.track-row p') as HTMLElement).textContent = 'x'.repeat(400_000);
    saveFirstPaint(store, 'popup', shown, EN);
    expect(paintFirstPaint(store, 'popup', document.createElement('div'), EN)).toBe(false);
  });
});

describe('starting the app after the copy', () => {
  const ENTRY = '/chunks/popup-abc.js';
  const started = () =>
    Array.from(
      document.head.querySelectorAll<HTMLScriptElement>('script[type="module"]'),
      (s) => new URL(s.src).pathname,
    );

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    document.head.innerHTML = `<link rel="modulepreload" href="${ENTRY}" data-app>`;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('starts the app at once when there is no copy to show', () => {
    startApp(false);
    expect(started()).toEqual([ENTRY]);
  });

  it('with a copy, starts the app only once the copy has had its frame, and only once', () => {
    startApp(true);
    expect(started()).toEqual([]);
    vi.advanceTimersToNextFrame();
    expect(started()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started()).toEqual([ENTRY]);
    vi.advanceTimersByTime(HIDDEN_START_MS);
    expect(started()).toEqual([ENTRY]);
  });

  it('adds nothing to a page that kept its own module script (wxt dev)', () => {
    document.head.innerHTML = '';
    startApp(false);
    startApp(true);
    vi.advanceTimersByTime(HIDDEN_START_MS);
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
  });

  it('starts the app in a page the browser is not showing (no frames come)', () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    startApp(true);
    vi.advanceTimersByTime(HIDDEN_START_MS - 1);
    expect(started()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started()).toEqual([ENTRY]);
  });
});
