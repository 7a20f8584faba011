// @vitest-environment jsdom
/**
 * Every TikTok Studio selector against the Studio fixtures. A new selector without an expectation
 * here fails the first test, so each one stays covered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findSoundCards,
  findSoundSearch,
  hasStudioComposer,
  matchingCard,
  STUDIO,
} from '@/lib/content/studio/studio-selectors';
import { foldText } from '@/lib/shared/text';

type Fixture = 'upload' | 'editor' | 'iframe' | 'iframe-inner';
const FILES: Record<Fixture, string> = {
  upload: 'studio-upload.html',
  editor: 'studio-editor.html',
  iframe: 'studio-iframe.html',
  'iframe-inner': 'studio-iframe-inner.html',
};

const htmlOf = (fixture: Fixture) =>
  readFileSync(path.resolve('tests/fixtures/pages', FILES[fixture]), 'utf8');
const SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** The fixture's markup as served, scripts not run. */
function open(fixture: Fixture): Document {
  return new DOMParser().parseFromString(htmlOf(fixture).replace(SCRIPT, ''), 'text/html');
}

/** The fixture live in the test document, its scripts running, as a browser would have it. */
function run(fixture: Fixture): Document {
  const html = htmlOf(fixture);
  document.documentElement.innerHTML = html.replace(SCRIPT, '');
  for (const [, script] of html.matchAll(SCRIPT)) new Function(script ?? '')();
  return document;
}

const served = new Map<Fixture, Document>();
/** The fixture as served, parsed once: the selector counts only read it. */
function openOnce(fixture: Fixture): Document {
  const doc = served.get(fixture) ?? open(fixture);
  served.set(fixture, doc);
  return doc;
}

/** How many elements each selector finds in each fixture as served (before any click). */
const EXPECTED: Record<keyof typeof STUDIO, Record<Fixture, number>> = {
  uploadIframe: { upload: 0, editor: 0, iframe: 1, 'iframe-inner': 0 },
  uploadContainer: { upload: 1, editor: 1, iframe: 0, 'iframe-inner': 1 },
  fileInput: { upload: 1, editor: 0, iframe: 0, 'iframe-inner': 0 },
  caption: { upload: 1, editor: 1, iframe: 0, 'iframe-inner': 1 },
  postButton: { upload: 1, editor: 1, iframe: 0, 'iframe-inner': 1 },
  editorModal: { upload: 0, editor: 1, iframe: 0, 'iframe-inner': 1 },
  soundsEntry: { upload: 0, editor: 1, iframe: 0, 'iframe-inner': 1 },
  soundCard: { upload: 0, editor: 3, iframe: 0, 'iframe-inner': 0 },
  soundSearch: { upload: 0, editor: 0, iframe: 0, 'iframe-inner': 0 },
};

describe('Studio selectors', () => {
  it('every selector has fixture expectations', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(STUDIO).sort());
  });

  it.each(
    Object.entries(EXPECTED).flatMap(([name, counts]) =>
      Object.entries(counts).map(([fixture, count]) => [name, fixture, count] as const),
    ),
  )('%s finds what it should in the %s fixture (%i)', (name, fixture, count) => {
    const doc = openOnce(fixture as Fixture);
    expect(doc.querySelectorAll(STUDIO[name as keyof typeof STUDIO])).toHaveLength(count);
  });

  it.each([
    ['upload', true],
    ['editor', true],
    ['iframe', false],
    ['iframe-inner', true],
  ] as const)('the %s fixture holds a Studio composer: %s', (fixture, expected) => {
    expect(hasStudioComposer(openOnce(fixture))).toBe(expected);
  });

  it('finds the sound search box and the cards once the editor and its sounds panel are open', async () => {
    const doc = run('upload');
    expect(findSoundSearch(doc)).toBeNull();
    doc.querySelector<HTMLElement>('#edit-video')?.click();
    expect(doc.querySelectorAll(STUDIO.editorModal)).toHaveLength(1);
    doc.querySelector<HTMLElement>(STUDIO.soundsEntry)?.click();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(findSoundSearch(doc)?.placeholder).toBe('Search sounds');
    expect(findSoundCards(doc).map((card) => card.querySelector('.music-card-title')?.textContent)).toEqual([
      'Morning Coffee',
    ]);
  });

  it('does not take a search box elsewhere on the page for the sound search', () => {
    document.body.innerHTML = '<input placeholder="Search hashtags"><div class="upload-container"></div>';
    expect(findSoundSearch(document)).toBeNull();
  });
});

describe('matching a track card', () => {
  it.each([
    ['Beyoncé', 'beyonce'],
    ['  Café   del MAR ', 'cafe del mar'],
    ['Sigur Rós', 'sigur ros'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('matches title and artist regardless of accents and case, and never a card with only the title', () => {
    const cards = openOnce('editor').querySelectorAll(STUDIO.soundCard);
    const list = Array.from(cards);
    expect(matchingCard(list, { title: 'Café del Mar (Sped Up)', artist: 'Beyoncé Fans' })).toBe(list[1]);
    expect(matchingCard(list, { title: 'SUNSET DRIVE', artist: 'mae & co' })).toBe(list[0]);
    expect(matchingCard(list, { title: 'Sunset Drive', artist: 'Someone Else' })).toBeNull();
    expect(matchingCard(list, { title: 'Lo-Fi analog beat', artist: 'Gloveity' })).toBeNull();
  });
});
