import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import type { DateRange } from '@/lib/shared/genres';
import { ALL_GENRES, DATE_RANGE_LABELS, DATE_RANGES, sortedGenreOptions } from '@/lib/shared/genres';
import type { CatalogQuery, Source } from '@/lib/shared/protocol';
import { SearchBox } from './SearchBox';

const SOURCES: { value: Source; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'bundle-social', label: 'bundle.social' },
  { value: 'layers', label: 'Layers' },
];

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
          <span>Source</span>
          <select value={query.source} onChange={(e) => set({ source: e.target.value as Source })}>
            {SOURCES.map((source) => (
              <option key={source.value} value={source.value}>
                {source.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Genre</span>
          <select
            value={query.genre}
            onChange={(e) => set({ genre: e.target.value as CatalogQuery['genre'] })}
          >
            <option value={ALL_GENRES}>All genres</option>
            {sortedGenreOptions().map((genre) => (
              <option key={genre.value} value={genre.value}>
                {genre.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Date range</span>
          <select value={query.range} onChange={(e) => set({ range: e.target.value as DateRange })}>
            {DATE_RANGES.map((range) => (
              <option key={range} value={range}>
                {DATE_RANGE_LABELS[range]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
