import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chosenTrackSchema } from '@/lib/background/schemas/track';
import { handleBackgroundMessages } from '@/lib/content/background-link';
import { parseChosen } from '@/lib/content/chosen-check';
import { toChosen } from '@/lib/shared/clips';
import { cmlTrack } from '../../fixtures/tracks';

const chosen = toChosen(cmlTrack, 'trending', 1);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseChosen', () => {
  it('accepts what the background stores for a chosen track', () => {
    expect(parseChosen(JSON.parse(JSON.stringify(chosen)))).toEqual(chosen);
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['an empty id', { ...chosen, id: '' }],
    ['a numeric id (precision already lost)', { ...chosen, id: 7312345678901234 }],
    ['an unknown id kind', { ...chosen, idKind: 'isrc' }],
    ['an unknown clip', { ...chosen, clip: 'intro' }],
    ['a missing title', { ...chosen, title: undefined }],
  ])('refuses %s', (_, value) => {
    expect(parseChosen(value)).toBeNull();
  });

  // The content script's hand-written check stands in for the background's zod schema: both must
  // accept and refuse the same records.
  it.each([
    ['the record itself', chosen],
    ['a full clip', { ...chosen, clip: 'full' }],
    ['no clip', { ...chosen, clip: null }],
    ['no duration', { ...chosen, durationSec: null }],
    ['a Layers track', { ...chosen, provider: 'layers', idKind: 'layers-track' }],
    ['an unknown provider', { ...chosen, provider: 'spotify' }],
    ['a negative duration', { ...chosen, durationSec: -1 }],
    ['an endless duration', { ...chosen, durationSec: Number.POSITIVE_INFINITY }],
    ['a time that is not a number', { ...chosen, chosenAt: Number.NaN }],
    ['cleared as a string', { ...chosen, cleared: 'yes' }],
    ['a missing artist', { ...chosen, artist: undefined }],
    ['an array', [chosen]],
    ['a cover on TikTok’s CDN', { ...chosen, coverUrl: 'https://p16-sign-va.tiktokcdn.com/obj/cover.jpeg' }],
    ['a cover on another host', { ...chosen, coverUrl: 'https://tracker.example/pixel.png' }],
    ['a javascript: cover', { ...chosen, coverUrl: 'javascript:alert(1)' }],
    ['a cover that is a number', { ...chosen, coverUrl: 7 }],
    ['a choice stored before covers were kept', { ...chosen, coverUrl: undefined }],
  ])('agrees with the background schema on %s', (_, value) => {
    expect(parseChosen(value) !== null).toBe(chosenTrackSchema.safeParse(value).success);
  });

  it('keeps only the known fields', () => {
    expect(parseChosen({ ...chosen, bundleSocialKey: 'pk_live_secret' })).not.toHaveProperty(
      'bundleSocialKey',
    );
  });
});

describe('messages from the background', () => {
  type Listener = (message: unknown, sender: object, respond: (reply: unknown) => void) => unknown;
  function capture() {
    let listener: Listener | undefined;
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation(((fn: Listener) => {
      listener = fn;
    }) as never);
    return (message: unknown, sender: object) => {
      const respond = vi.fn();
      listener?.(message, sender, respond);
      return respond;
    };
  }
  const background = { id: browser.runtime.id };

  it('fills on fillChosen and answers; a frame without a composer stays silent', () => {
    const send = capture();
    const fillChosen = vi
      .fn()
      .mockReturnValueOnce({ filledInto: 'composer.test', message: 'Filled into composer.test' });
    handleBackgroundMessages({ fillChosen, insertChosen: vi.fn(), chosenChanged: vi.fn() });
    expect(send({ type: 'fillChosen', data: chosen }, background)).toHaveBeenCalledWith({
      ok: true,
      value: { filledInto: 'composer.test', message: 'Filled into composer.test' },
    });
    expect(fillChosen).toHaveBeenCalledWith(chosen);
    expect(send({ type: 'fillChosen', data: chosen }, background)).not.toHaveBeenCalled();
  });

  it('inserts on insertChosen for the focused or the right-clicked field', () => {
    const send = capture();
    const insertChosen = vi.fn(() => ({ filledInto: 'composer.test', message: 'Filled into composer.test' }));
    handleBackgroundMessages({ fillChosen: vi.fn(), insertChosen, chosenChanged: vi.fn() });
    expect(
      send({ type: 'insertChosen', data: { chosen, target: 'context' } }, background),
    ).toHaveBeenCalledWith({
      ok: true,
      value: { filledInto: 'composer.test', message: 'Filled into composer.test' },
    });
    expect(insertChosen).toHaveBeenCalledWith(chosen, 'context');
  });

  it('ignores other senders and malformed payloads', () => {
    const send = capture();
    const fillChosen = vi.fn();
    const insertChosen = vi.fn();
    const chosenChanged = vi.fn();
    handleBackgroundMessages({ fillChosen, insertChosen, chosenChanged });
    send({ type: 'fillChosen', data: chosen }, { id: 'another-extension' });
    send({ type: 'chosenChanged', data: chosen }, { id: browser.runtime.id, tab: { id: 3 } });
    expect(send({ type: 'fillChosen', data: { id: 1 } }, background)).toHaveBeenCalledWith({
      ok: false,
      error: 'invalid payload',
    });
    for (const data of [
      { chosen, target: 'everywhere' },
      { chosen: { id: 1 }, target: 'focused' },
      chosen,
      null,
    ])
      expect(send({ type: 'insertChosen', data }, background)).toHaveBeenCalledWith({
        ok: false,
        error: 'invalid payload',
      });
    expect(fillChosen).not.toHaveBeenCalled();
    expect(insertChosen).not.toHaveBeenCalled();
    expect(chosenChanged).not.toHaveBeenCalled();
    send({ type: 'chosenChanged', data: null }, background);
    expect(chosenChanged).toHaveBeenCalledWith(null);
  });
});
