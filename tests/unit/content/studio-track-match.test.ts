import { describe, expect, it } from 'vitest';
import { bestRow, coreArtist, coreTitle, matchRow } from '@/lib/content/studio/track-match';

const track = { title: 'Glasshouse Parade', artist: 'The Lanterns' };

describe('matching a Studio row to the chosen track', () => {
  it.each([
    ['the same spelling', { title: 'Glasshouse Parade', desc: 'The Lanterns · 00:38' }, 2],
    ['other case and white space', { title: 'GLASSHOUSE  parade', desc: 'the lanterns 0:38' }, 2],
    ['a version in brackets', { title: 'Glasshouse Parade (Sped Up)', desc: 'The Lanterns · 01:02' }, 1],
    ['a version after a dash', { title: 'Glasshouse Parade - Slowed + Reverb', desc: 'The Lanterns' }, 1],
    [
      'square brackets and an em dash',
      { title: 'Glasshouse Parade [Official Audio] — Live', desc: 'The Lanterns' },
      1,
    ],
    [
      'a featured artist on the row',
      { title: 'Glasshouse Parade feat. Mira', desc: 'The Lanterns feat. Mira · 00:30' },
      1,
    ],
    ['a row without an artist line', { title: 'Glasshouse Parade', desc: '' }, 2],
    ['another artist', { title: 'Glasshouse Parade', desc: 'Cover Band · 00:38' }, 0],
    ['a longer title holding it', { title: 'Glasshouse Parade Forever', desc: 'The Lanterns' }, 0],
    ['a shorter title inside it', { title: 'Parade', desc: 'The Lanterns' }, 0],
  ])('%s', (_, row, score) => {
    expect(matchRow(row, track)).toBe(score);
  });

  it('ignores accents on either side', () => {
    const cafe = { title: 'Café del Mar (Sped Up)', artist: 'Beyoncé Fans' };
    expect(matchRow({ title: 'Cafe del Mar (Sped Up)', desc: 'BEYONCE FANS · 02:11' }, cafe)).toBe(2);
    expect(matchRow({ title: 'Café del Mar', desc: 'Beyoncé Fans' }, cafe)).toBe(1);
  });

  it('matches CJK titles and artists as written, with full-width brackets as version notes', () => {
    const yoru = { title: '夜に駆ける', artist: 'YOASOBI' };
    expect(matchRow({ title: '夜に駆ける', desc: 'YOASOBI · 04:21' }, yoru)).toBe(2);
    expect(matchRow({ title: '夜に駆ける（Remix）', desc: 'YOASOBI' }, yoru)).toBe(1);
    expect(matchRow({ title: '夜に', desc: 'YOASOBI' }, yoru)).toBe(0);
  });

  it('keeps a title that is nothing but a version note', () => {
    expect(coreTitle('(Intro)')).toBe('(intro)');
    expect(coreTitle('Lo-Fi analog beat')).toBe('lo-fi analog beat');
    expect(coreArtist('Gloveity · 00:38')).toBe('gloveity');
    expect(coreArtist('Mae & Co 1:02:03')).toBe('mae & co');
  });

  it('prefers the exact row over a version, and the first of equals', () => {
    const rows = [
      { title: 'Night Drive', desc: 'Neon Rivers' },
      { title: 'Glasshouse Parade (Remix)', desc: 'The Lanterns' },
      { title: 'Glasshouse Parade', desc: 'The Lanterns · 00:38' },
      { title: 'Glasshouse Parade', desc: 'The Lanterns · 00:40' },
    ];
    expect(bestRow(rows, track)).toBe(2);
    expect(bestRow(rows.slice(0, 2), track)).toBe(1);
    expect(bestRow(rows.slice(0, 1), track)).toBe(-1);
  });
});

describe('matching cost', () => {
  it('stays quick on rows a page fills with 20 KB of brackets, dashes and digits', () => {
    const rows = [
      { title: `${'(('.repeat(5000)}${' - '.repeat(2000)}`, desc: `${'1:2'.repeat(7000)}` },
      { title: `${'a ('.repeat(7000)}`, desc: `${'feat '.repeat(4000)}` },
    ];
    const started = performance.now();
    for (let i = 0; i < 50; i++) bestRow(rows, track);
    // 100 rows' worth, generously bounded: the unbounded version took seconds.
    expect(performance.now() - started).toBeLessThan(200);
  });
});
