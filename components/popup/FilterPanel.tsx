import { i18n } from '#i18n';
import { DURATION_RANGES, type DurationRange, durationLabel, type Filters } from '@/lib/popup/filters';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import { languageLabel } from '@/lib/popup/format';
import './FilterPanel.css';

type Check = 'clearedOnly' | 'favoritesOnly' | 'trendingOnly' | 'hideUsed';
const CHECKS: [Check, (days: number) => string][] = [
  ['clearedOnly', () => i18n.t('popup.filters.cleared')],
  ['favoritesOnly', () => i18n.t('popup.filters.favorites')],
  ['trendingOnly', () => i18n.t('popup.filters.trending')],
  ['hideUsed', (days) => i18n.t('popup.filters.hideUsed', days)],
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
      <legend className="visually-hidden">{i18n.t('popup.filters.title')}</legend>
      <label>
        <span>{i18n.t('popup.filters.duration')}</span>
        <select value={filters.duration} onChange={(e) => set({ duration: e.target.value as DurationRange })}>
          {(Object.keys(DURATION_RANGES) as DurationRange[]).map((key) => (
            <option key={key} value={key}>
              {durationLabel(key)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{i18n.t('popup.filters.language')}</span>
        <select
          value={filters.language ?? ''}
          onChange={(e) => set({ language: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{i18n.t('popup.filters.anyLanguage')}</option>
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
          <span>{i18n.t('popup.filters.only', filters.only.length)}</span>
        </label>
      )}
      {CHECKS.map(([key, label]) => (
        <label key={key} className="check">
          <input type="checkbox" checked={filters[key]} onChange={(e) => set({ [key]: e.target.checked })} />
          <span>{label(rotationDays)}</span>
        </label>
      ))}
    </fieldset>
  );
}
