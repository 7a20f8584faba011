/**
 * The usage record: what one entry holds, the 5,000 newest kept, a damaged entry costing only
 * itself, fills recorded where they happen (not Studio's Find, which fills nothing), and a Studio
 * attach recorded once when it is verified.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { composerHandlers } from '@/lib/background/composer/relay';
import type { MessageHandlers } from '@/lib/background/messages';
import { MAX_USAGE_ENTRIES } from '@/lib/background/schemas/usage';
import { chosenItem } from '@/lib/background/storage';
import { readUsage, recordFillResult, recordUse, usageHandlers } from '@/lib/background/usage/usage-record';
import { toChosen } from '@/lib/shared/clips';
import { CML_TRENDING_CLIP_ID, cmlTrack, layersClearedTrack } from '../../fixtures/tracks';

const NOW = Date.UTC(2026, 11, 4, 9);
const chosen = toChosen(cmlTrack, 'trending', NOW, { genre: 'ALL', range: '7DAY' });
const sender = (tabId: number, frameId = 0) => ({ id: 'test', tab: { id: tabId }, frameId }) as never;

beforeEach(() => fakeBrowser.reset());

describe('an entry', () => {
  it('holds time, provider, id and kind, clip, title, artist, cleared, genre, range, rank, site and verification', async () => {
    await recordUse(chosen, 'composer.test', null, NOW);
    expect(await readUsage()).toEqual([
      {
        at: NOW,
        provider: 'bundle-social',
        id: CML_TRENDING_CLIP_ID,
        idKind: 'cml-song-clip',
        clip: 'trending',
        title: cmlTrack.title,
        artist: cmlTrack.artist,
        cleared: true,
        // "All genres": the track's own first genre.
        genre: cmlTrack.genres[0] ?? null,
        range: '7DAY',
        rank: cmlTrack.rank,
        site: 'composer.test',
        verified: null,
      },
    ]);
  });

  it(`keeps the newest ${MAX_USAGE_ENTRIES}, newest first`, async () => {
    const old = Array.from({ length: MAX_USAGE_ENTRIES }, (_, i) => [
      i,
      'layers',
      layersClearedTrack.id,
      'layers-track',
      null,
      'Old',
      'Artist',
      true,
      null,
      null,
      null,
      'composer.test',
      null,
    ]);
    await browser.storage.local.set({ usage: old });
    await recordUse(chosen, 'composer.test', null, NOW);
    const usage = await readUsage();
    expect(usage).toHaveLength(MAX_USAGE_ENTRIES);
    expect(usage[0]?.at).toBe(NOW);
    expect(usage.at(-1)?.at).toBe(1);
  });

  it('drops a damaged entry and keeps the others', async () => {
    await recordUse(chosen, 'a.test', null, NOW);
    await recordUse(chosen, 'b.test', null, NOW + 1);
    const stored = (await browser.storage.local.get('usage')).usage as unknown[];
    await browser.storage.local.set({ usage: [stored[0], ['not', 'an', 'entry'], stored[1]] });
    expect((await readUsage()).map((row) => row.site)).toEqual(['b.test', 'a.test']);
  });
});

describe('what is recorded', () => {
  it('a fill into a site, and not Find in Sounds starting on Studio', async () => {
    await recordFillResult(
      chosen,
      { filledInto: 'composer.test', message: 'Filled into composer.test' },
      NOW,
    );
    await recordFillResult(chosen, { filledInto: 'TikTok Studio', message: 'Finding it…' }, NOW);
    await recordFillResult(chosen, { filledInto: null, message: 'Chosen — open a composer to fill it' }, NOW);
    expect((await readUsage()).map((row) => row.site)).toEqual(['composer.test']);
  });

  it('a person’s in-page Insert, with the stored choice', async () => {
    await chosenItem.set(chosen);
    const { recordFill } = usageHandlers(() => NOW) as Required<MessageHandlers>;
    await recordFill({ site: 'composer.test' }, sender(1));
    expect(await readUsage()).toMatchObject([{ site: 'composer.test', verified: null, id: chosen.id }]);
  });

  it('a Studio attach once per choice, when the chosen track shows attached', async () => {
    await chosenItem.set(chosen);
    const handlers = composerHandlers({
      now: () => NOW,
      staticMatches: () => [],
    }) as Required<MessageHandlers>;
    const studio = (verdict: 'chosen' | 'other' | null) => ({
      hasComposer: true,
      focused: false,
      visible: true,
      label: 'TikTok Studio',
      studio: {
        form: 'video' as const,
        editorOpen: false,
        picker: null,
        tab: null,
        attached: verdict ? cmlTrack.title : null,
        verdict,
        pendingSave: false,
        copyright: null,
        problem: null,
      },
    });
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 4 } as never);
    await handlers.composerPresence(studio(null), sender(4));
    await handlers.composerPresence(studio('chosen'), sender(4));
    await handlers.composerPresence(studio('chosen'), sender(4));
    expect(await readUsage()).toMatchObject([{ site: 'TikTok Studio', verified: true }]);
    // Another sound, then the chosen one again (or a reload): the same choice, the same use.
    await handlers.composerPresence(studio('other'), sender(4));
    await handlers.composerPresence(studio('chosen'), sender(4));
    expect(await readUsage()).toHaveLength(1);
    // A new choice of the track, attached again: a new use.
    await chosenItem.set({ ...chosen, chosenAt: NOW + 1 });
    await handlers.composerPresence(studio('other'), sender(4));
    await handlers.composerPresence(studio('chosen'), sender(4));
    expect(await readUsage()).toHaveLength(2);
  });
});

describe('clearing, and Undo', () => {
  const entry = (at: number, site = 'composer.test') => [
    at,
    'layers',
    layersClearedTrack.id,
    'layers-track',
    null,
    'Old',
    'Artist',
    true,
    null,
    null,
    null,
    site,
    null,
  ];

  it('clearUsage answers every entry, newest first, and keeps nothing', async () => {
    await recordUse(chosen, 'a.test', null, NOW);
    await recordUse(chosen, 'b.test', true, NOW + 1);
    const { clearUsage } = usageHandlers(() => NOW) as Required<MessageHandlers>;
    const removed = await clearUsage(undefined, sender(1));
    expect(removed.map((row) => row.site)).toEqual(['b.test', 'a.test']);
    expect(await readUsage()).toEqual([]);
  });

  it('restoreUsage gives everything back, merged by time with what was recorded since', async () => {
    await recordUse(chosen, 'a.test', null, NOW);
    await recordUse(chosen, 'b.test', null, NOW + 2);
    const before = await readUsage();
    const handlers = usageHandlers(() => NOW) as Required<MessageHandlers>;
    const removed = await handlers.clearUsage(undefined, sender(1));
    // A use between the clear and the Undo stays, in its place in time.
    await recordUse(chosen, 'since.test', null, NOW + 3);
    const restored = await handlers.restoreUsage({ rows: removed }, sender(1));
    expect(restored.map((row) => row.site)).toEqual(['since.test', 'b.test', 'a.test']);
    expect(await readUsage()).toEqual(restored);
    expect(restored.slice(1)).toEqual(before);
  });

  it('keeps the order of entries made in the same millisecond, and never doubles one (Undo twice)', async () => {
    await recordUse(chosen, 'first.test', null, NOW);
    await recordUse(chosen, 'second.test', null, NOW);
    const handlers = usageHandlers(() => NOW) as Required<MessageHandlers>;
    const removed = await handlers.clearUsage(undefined, sender(1));
    await handlers.restoreUsage({ rows: removed }, sender(1));
    await handlers.restoreUsage({ rows: removed }, sender(1));
    expect((await readUsage()).map((row) => row.site)).toEqual(['second.test', 'first.test']);
  });

  it(`drops a row that is not a valid entry and keeps the newest ${MAX_USAGE_ENTRIES}`, async () => {
    await browser.storage.local.set({
      usage: Array.from({ length: MAX_USAGE_ENTRIES }, (_, i) => entry(i + 1)),
    });
    const handlers = usageHandlers(() => NOW) as Required<MessageHandlers>;
    const removed = await handlers.clearUsage(undefined, sender(1));
    await recordUse(chosen, 'since.test', null, NOW);
    const valid = removed[0]!;
    const restored = await handlers.restoreUsage(
      { rows: [{ ...valid, id: '' }, { ...valid, site: 'x'.repeat(500) }, ...removed] },
      sender(1),
    );
    expect(restored).toHaveLength(MAX_USAGE_ENTRIES);
    expect(restored[0]?.site).toBe('since.test');
    // The oldest restored entry made room for the one recorded since.
    expect(restored.at(-1)?.at).toBe(2);
    expect(restored.some((row) => row.id === '' || row.site.length > 200)).toBe(false);
  });
});
