import { DURATION_RANGES, type DurationRange, type Filters } from '@/lib/popup/filters';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import { languageLabel } from '@/lib/popup/format';

type Check = 'clearedOnly' | 'favoritesOnly' | 'trendingOnly' | 'hideUsed';
const CHECKS: [Check, string | ((days: number) => string)][] = [
  ['clearedOnly', 'Cleared for business only'],
  ['favoritesOnly', 'Favorites only'],
  ['trendingOnly', 'New and Breakout only'],
  ['hideUsed', (days) => `Hide tracks used in the last ${days} ${days === 1 ? 'day' : 'days'}`],
];

export function FilterPanel() {
  const { store } = useFinder();
  const filters = useFinderState((s) => s.filters);
  const languages = useFinderState((s) => s.index.languages);
  const rotationDays = useFinderState((s) => s.rotationDays);
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
      {filters.only && (
        <label className="check">
          <input type="checkbox" checked onChange={() => set({ only: null })} />
          <span>
            Only the {filters.only.length} {filters.only.length === 1 ? 'track' : 'tracks'} from the alert
          </span>
        </label>
      )}
      {CHECKS.map(([key, label]) => (
        <label key={key} className="check">
          <input type="checkbox" checked={filters[key]} onChange={(e) => set({ [key]: e.target.checked })} />
          <span>{typeof label === 'string' ? label : label(rotationDays)}</span>
        </label>
      ))}
    </fieldset>
  );
}
