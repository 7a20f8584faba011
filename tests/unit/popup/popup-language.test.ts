/**
 * The finder in another language: its words come from that catalog, and numbers, ages and language
 * names are formatted for the catalog's language (German here), not always in English.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeGetMessage } from '../../support/catalog';
import { answer, part } from './popup-fixtures';

const now = 1_000_000_000;

describe('the finder in German', () => {
  beforeEach(() => {
    // Formatters are made once per page: a fresh import makes them for German.
    vi.resetModules();
    fakeBrowser.i18n.getMessage = fakeGetMessage('de') as typeof fakeBrowser.i18n.getMessage;
  });
  afterEach(() => {
    vi.resetModules();
    fakeBrowser.i18n.getMessage = fakeGetMessage('en') as typeof fakeBrowser.i18n.getMessage;
  });

  it('formats counts, ages and language names in German', async () => {
    const { formatAge, formatCount, formatThousands, languageLabel } = await import(
      '../../../lib/popup/format'
    );
    expect(formatThousands(4548)).toBe('4.548');
    expect(formatCount(4_200_000)).toBe('4,2\u00a0Mio.');
    expect(formatAge(now - 12 * 60_000, now)).toBe('vor 12 Min.');
    expect(formatAge(now - 3 * 86_400_000, now)).toBe('vor 3 Tagen');
    expect(languageLabel('es')).toBe('Spanisch');
  });

  it('words the status line, the tab line and an empty result from the German catalog', async () => {
    const { statusText } = await import('../../../lib/popup/catalog-status');
    const { tabLine } = await import('../../../lib/popup/tab-status');
    const { emptyMessage } = await import('../../../lib/popup/empty-state');
    const { DEFAULT_FILTERS } = await import('../../../lib/popup/filters');
    const german = fakeGetMessage('de');
    const data = answer([], [part({ fetchedAt: now - 2 * 3_600_000 })], true);
    expect(statusText(data, false, now)).toBe(
      german('popup_status_offline').replace(
        '{age}',
        german('popup_status_updated').replace('{age}', 'vor 2 Std.'),
      ),
    );
    expect(tabLine(null)).toBe(german('popup_tab_none'));
    const empty = emptyMessage('search', {
      search: ' lalala ',
      filters: DEFAULT_FILTERS,
      source: 'all',
      genre: 'POP',
      range: '7DAY',
    });
    expect(empty.text).toBe(german('popup_empty_search').replace('{search}', 'lalala'));
    expect(empty.fix?.label).toBe(german('popup_empty_clearSearch'));
  });
});
