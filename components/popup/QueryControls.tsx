import { i18n } from '#i18n';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import type { DateRange } from '@/lib/shared/genres';
import { ALL_GENRES, DATE_RANGES, dateRangeLabels, sortedGenreOptions } from '@/lib/shared/genres';
import type { CatalogQuery, Source } from '@/lib/shared/protocol';
import { PROVIDER_NAMES } from '@/lib/shared/track';
import { SearchBox } from './SearchBox';

const SOURCES: readonly Source[] = ['all', 'bundle-social', 'layers'];

/** Search, and which slice of the catalog to look at: provider, genre, date range. */
export function QueryControls() {
  const { catalog } = useFinder();
  const query = useFinderState((s) => s.query);
  const set = (patch: Partial<CatalogQuery>) => void catalog.setQuery(patch);
  return (
    <div className="query-controls">
      <SearchBox />
      <div className="selects">
        <label>
          <span>{i18n.t('popup.query.source')}</span>
          <select value={query.source} onChange={(e) => set({ source: e.target.value as Source })}>
            {SOURCES.map((source) => (
              <option key={source} value={source}>
                {source === 'all' ? i18n.t('popup.query.allSources') : PROVIDER_NAMES[source]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{i18n.t('popup.query.genre')}</span>
          <select
            value={query.genre}
            onChange={(e) => set({ genre: e.target.value as CatalogQuery['genre'] })}
          >
            <option value={ALL_GENRES}>{i18n.t('genres.ALL')}</option>
            {sortedGenreOptions().map((genre) => (
              <option key={genre.value} value={genre.value}>
                {genre.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{i18n.t('popup.query.range')}</span>
          <select value={query.range} onChange={(e) => set({ range: e.target.value as DateRange })}>
            {DATE_RANGES.map((range) => (
              <option key={range} value={range}>
                {dateRangeLabels()[range]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
