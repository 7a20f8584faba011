// @vitest-environment jsdom
/**
 * What a DOM change costs once a composer is on the page: a change elsewhere on a busy
 * page costs a check and no scan; a change inside a composer, or a new id field, costs one scan per
 * batch however many records it holds.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS } from '@/lib/content/document-observer';
import * as scan from '@/lib/content/scan/composer-scan';
import { createScope, type Scope } from '@/lib/content/scope';
import { touchesComposer, type WatchedDocument, watchDocument } from '@/lib/content/watched-document';

vi.mock('@/lib/content/scan/composer-scan', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/content/scan/composer-scan')>();
  return { ...original, scanComposers: vi.fn(original.scanComposers) };
});

const scanner = vi.mocked(scan.scanComposers);
const tick = (ms = BATCH_MS * 3) => new Promise((resolve) => setTimeout(resolve, ms));
const deps = { owner: 'a', chosen: () => null, composersChanged: () => {}, focused: () => {} };

const feedCard = (n: number) => {
  const card = document.createElement('article');
  card.innerHTML = `<h3>Post ${n}</h3><label><input type="checkbox" name="like-${n}"> Like</label>`;
  return card;
};

let scope: Scope;
let watched: WatchedDocument;

beforeEach(async () => {
  document.body.innerHTML = `<main id="feed"></main>
    <aside><form id="post"><label for="sound">Music sound ID</label><input id="sound" name="field_1">
      <div id="slot"></div><button>Post</button></form></aside>`;
  for (let n = 0; n < 20; n++) document.getElementById('feed')?.append(feedCard(n));
  scope = createScope(new AbortController().signal);
  watched = watchDocument(document, scope, deps);
  expect(watched.hasComposer()).toBe(true);
  await tick();
  scanner.mockClear();
});

afterEach(() => {
  scope.dispose();
  document.body.innerHTML = '';
});

describe('with a composer on a busy page', () => {
  it('does not scan for labels, checkboxes or cards added or removed outside it', async () => {
    const feed = document.getElementById('feed') as HTMLElement;
    for (let n = 20; n < 60; n++) {
      feed.append(feedCard(n));
      feed.firstElementChild?.remove();
      await tick(2);
    }
    feed.insertAdjacentHTML('beforeend', '<label for="nothing">Caption</label><select name="x"></select>');
    await tick();
    expect(scanner).not.toHaveBeenCalled();
    expect(watched.hasComposer()).toBe(true);
  });

  it('scans once for a burst of changes inside it, and picks up a late field', async () => {
    const slot = document.getElementById('slot') as HTMLElement;
    for (let n = 0; n < 50; n++) slot.insertAdjacentHTML('beforeend', `<input name="caption_${n}">`);
    slot.insertAdjacentHTML(
      'beforeend',
      '<label>Music volume <input name="v" type="number" value="150"></label>',
    );
    await tick();
    expect(scanner).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-cleartune-ui="flag"], [data-cleartune-invalid]')).not.toBeNull();
  });

  it('scans when a field is taken out of it, and for a new composer elsewhere', async () => {
    document.getElementById('slot')?.insertAdjacentHTML('beforeend', '<input name="musicSoundVolume">');
    await tick();
    scanner.mockClear();
    document.querySelector('[name="musicSoundVolume"]')?.remove();
    await tick();
    expect(scanner).toHaveBeenCalledTimes(1);

    document
      .getElementById('feed')
      ?.insertAdjacentHTML('beforeend', '<form><input name="song_clip_id"></form>');
    await tick();
    expect(scanner).toHaveBeenCalledTimes(2);
    expect(watched.candidates()).toHaveLength(2);
  });

  it('handles a field added after a quiet spell at once, and batches what follows it', async () => {
    const feed = document.getElementById('feed') as HTMLElement;
    feed.insertAdjacentHTML('beforeend', '<form><input name="song_clip_id"></form>');
    // One task later, far less than a batch: already found.
    await tick(0);
    expect(scanner).toHaveBeenCalledTimes(1);
    expect(watched.candidates()).toHaveLength(2);

    feed.insertAdjacentHTML('beforeend', '<form><input name="musicSoundId"></form>');
    await tick(0);
    expect(scanner).toHaveBeenCalledTimes(1);
    await tick();
    expect(scanner).toHaveBeenCalledTimes(2);
    expect(watched.candidates()).toHaveLength(3);
  });

  it('scans when its root goes (an SPA swap) and finds the composer that replaces it', async () => {
    const aside = document.querySelector('aside') as HTMLElement;
    aside.innerHTML = '<form id="post"><input name="musicSoundId"></form>';
    await tick();
    expect(scanner).toHaveBeenCalled();
    expect(watched.candidates().map((candidate) => candidate.ui.field.element.name)).toEqual([
      'musicSoundId',
    ]);
  });
});

describe('whether added elements touch a composer', () => {
  it('holds for elements inside a region, around one, or labels naming a field in one', () => {
    const root = document.getElementById('post') as HTMLElement;
    const inside = document.createElement('input');
    document.getElementById('slot')?.append(inside);
    const label = document.createElement('label');
    label.htmlFor = 'sound';
    document.getElementById('feed')?.append(label);
    expect(touchesComposer([inside], [root])).toBe(true);
    expect(touchesComposer([document.querySelector('aside') as Element], [root])).toBe(true);
    expect(touchesComposer([label], [root])).toBe(true);
    expect(touchesComposer([document.querySelector('#feed article') as Element], [root])).toBe(false);
    expect(touchesComposer([inside], [])).toBe(false);
  });
});
