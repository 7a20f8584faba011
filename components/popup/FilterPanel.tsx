import { DURATION_RANGES, type DurationRange, type Filters } from '@/lib/popup/filters';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import { languageLabel } from '@/lib/popup/format';

export function FilterPanel() {
  const { store } = useFinder();
  const filters = useFinderState((s) => s.filters);
  const languages = useFinderState((s) => s.index.languages);
  // A language chosen on another catalog stays selectable, so the select never shows a blank.
  const codes =
    filters.language && !languages.includes(filters.language) ? [...languages, filters.language] : languages;
  const set = (patch: Partial<Filters>) => store.setState({ filters: { ...filters, ...patch } });
  return (
    <fieldset id="filter-panel" className="filter-panel">
      <legend className="visually-hidden">Filters</legend>
      <label>
        <span>Duration</span>
        <select value={filters.duration} onChange={(e) => set({ duration: e.target.value as DurationRange })}>
          {(Object.keys(DURATION_RANGES) as DurationRange[]).map((key) => (
            <option key={key} value={key}>
              {DURATION_RANGES[key].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Language</span>
        <select
          value={filters.language ?? ''}
          onChange={(e) => set({ language: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">Any language</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {languageLabel(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.clearedOnly}
          onChange={(e) => set({ clearedOnly: e.target.checked })}
        />
        <span>Cleared for business only</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.favoritesOnly}
          onChange={(e) => set({ favoritesOnly: e.target.checked })}
        />
        <span>Favorites only</span>
      </label>
    </fieldset>
  );
}
