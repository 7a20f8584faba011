/**
 * What the background says comes from the catalogs in the browser's language, counts as plurals,
 * with every name filled in: checked in German against the fake browser's English everywhere else.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Announcement, breakoutLine, favoritesLine } from '@/lib/background/alerts/digest';
import { insertItem } from '@/lib/background/page-menu';
import { fallbackTitle } from '@/lib/background/providers/normalize';
import { providerError } from '@/lib/background/providers/provider-error';
import type { ChosenTrack } from '@/lib/shared/track';
import { catalogMessages } from '../../support/catalog';

const german = catalogMessages('de');

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, substitutions?: string[]) => {
    const list = substitutions ?? [];
    return (german[name]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage);
});

const announced = (title: string, genre: Announcement['genre']): Announcement => ({
  key: `bundle-social:${title}`,
  title,
  reason: 'breakout',
  genre,
  range: '7DAY',
  rank: 1,
});

describe('the background in German', () => {
  it('words provider errors with the provider, the counts and the plural', () => {
    expect(providerError('layers', 'not-configured').message).toBe(
      'Layers hat noch keinen API-Schlüssel: Füge einen in den Einstellungen hinzu.',
    );
    expect(providerError('bundle-social', 'server', { status: 503 }).message).toBe(
      'bundle.social hatte einen Serverfehler (503): Versuche es in ein paar Minuten erneut.',
    );
    expect(
      providerError('layers', 'invalid-response', { list: { received: 40, unreadable: 3 } }).message,
    ).toContain('(3 von 40 Einträgen)');
    expect(
      providerError('layers', 'invalid-response', { list: { received: 1, unreadable: 1 } }).message,
    ).toContain('(1 von 1 Eintrag)');
  });

  it('words the alert lines, counting tracks, genres and the ones not named', () => {
    expect(breakoutLine([announced('A', 'POP')])).toBe('Durchstartender Sound in Pop: A');
    expect(breakoutLine([announced('A', 'POP'), announced('B', 'ROCK')])).toBe(
      '2 durchstartende Sounds in Pop und Rock: A, B',
    );
    const many = ['A', 'B', 'C', 'D', 'E'].map((title, i) =>
      announced(title, (['POP', 'ROCK', 'JAZZ'] as const)[i % 3] ?? 'POP'),
    );
    expect(breakoutLine(many)).toBe('5 durchstartende Sounds in 3 Genres: A, B, C und 2 weitere');
    expect(favoritesLine([announced('A', 'POP')])).toBe('Dein Favorit A ist in die Top 10 gekommen');
    expect(favoritesLine(many.slice(0, 4))).toBe(
      '4 Favoriten sind in die Top 10 gekommen: A, B, C und 1 weiterer',
    );
  });

  it('words the context menu and an untitled track', () => {
    const chosen = { title: 'Song', artist: 'Band', idKind: 'layers-track' } as ChosenTrack;
    expect(insertItem(null, null).title).toBe('Gewählten Sound einfügen — wähle zuerst einen in Cleartune');
    expect(insertItem(chosen, 'cml-song-clip').title).toBe(
      'Gewählten Sound einfügen — dieses Feld erwartet eine CML-Sound-ID (bundle.social), keine Layers-Track-ID',
    );
    expect(insertItem(chosen, null).title).toBe('Gewählten Sound einfügen — Song · Band');
    expect(fallbackTitle('Mae')).toBe('Sound ohne Titel von Mae');
  });
});
