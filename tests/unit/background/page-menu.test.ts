/**
 * The context menu's insert item: what it says for the chosen track and the field right-clicked,
 * and that a right-click on a field of the other kind disables it with the reason.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageHandlers } from '@/lib/background/messages';
import { INSERT_ITEM, insertItem, pageMenuHandlers } from '@/lib/background/page-menu';
import { chosenItem } from '@/lib/background/storage';
import { toChosen } from '@/lib/shared/clips';
import { cmlTrack, layersClearedTrack } from '../../fixtures/tracks';

const cml = toChosen({ ...cmlTrack, title: 'Salt & Pepper', artist: 'Duo' }, 'trending', 1);

beforeEach(() => fakeBrowser.reset());

describe('the insert item', () => {
  it('names the chosen track, with "&" kept visible in a menu title', () => {
    expect(insertItem(cml, null)).toEqual({
      title: 'Insert chosen track — Salt && Pepper · Duo',
      enabled: true,
    });
    expect(insertItem(cml, 'cml-song-clip').enabled).toBe(true);
  });

  it('is disabled with the reason without a chosen track, or over a field of the other kind', () => {
    expect(insertItem(null, 'cml-song-clip')).toEqual({
      title: 'Insert chosen track — choose one in Cleartune first',
      enabled: false,
    });
    expect(insertItem(cml, 'layers-track')).toEqual({
      title: 'Insert chosen track — this field takes a Layers track id, not a CML sound id (bundle.social)',
      enabled: false,
    });
    expect(insertItem(toChosen(layersClearedTrack, null, 1), 'cml-song-clip').title).toBe(
      'Insert chosen track — this field takes a CML sound id (bundle.social), not a Layers track id',
    );
  });

  it('follows the field the content script says was right-clicked', async () => {
    await chosenItem.set(cml);
    const update = vi.fn(async () => {});
    Object.assign(browser, { contextMenus: { update } });
    const { contextTarget } = pageMenuHandlers() as Required<MessageHandlers>;
    const sender = { id: 'test', tab: { id: 1 } } as never;
    await contextTarget({ kind: 'layers-track' }, sender);
    await contextTarget({ kind: 'layers-track' }, sender);
    await contextTarget({ kind: null }, sender);
    expect(update.mock.calls).toEqual([
      [INSERT_ITEM, insertItem(cml, 'layers-track')],
      [INSERT_ITEM, insertItem(cml, null)],
    ]);
  });
});
