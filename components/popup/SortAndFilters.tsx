import { lazy, Suspense } from 'react';
import { i18n } from '#i18n';
import { SORT_KEYS, type SortKey } from '@/lib/popup/catalog-index';
import { activeFilterCount } from '@/lib/popup/filters';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import { formatThousands } from '@/lib/popup/format';
import { selectResults } from '@/lib/popup/store';

// Loaded when the filters are first opened: most opens never show them.
const FilterPanel = lazy(() => import('./FilterPanel').then((m) => ({ default: m.FilterPanel })));

/** Sort order, the result count and the (folded) filters. */
export function SortAndFilters() {
  const { store } = useFinder();
  const sort = useFinderState((s) => s.sort);
  const open = useFinderState((s) => s.filtersOpen);
  const active = useFinderState((s) => activeFilterCount(s.filters));
  const shown = useFinderState((s) => selectResults(store)(s).entries.length);
  const hasAnswer = useFinderState((s) => s.answer !== null);
  const pendingTotal = useFinderState((s) => s.pendingTotal);
  return (
    <div className="sort-filters">
      <div className="sort-row">
        <label>
          <span>{i18n.t('popup.sort.label')}</span>
          <select value={sort} onChange={(e) => store.setState({ sort: e.target.value as SortKey })}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {i18n.t(`popup.sort.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="filter-panel"
          onClick={() => store.setState({ filtersOpen: !open })}
        >
          {active > 0 ? i18n.t('popup.filters.count', { count: active }) : i18n.t('popup.filters.title')}
        </button>
        {hasAnswer && (
          <span className="result-count">
            {pendingTotal === null
              ? i18n.t('popup.count', shown, { count: formatThousands(shown) })
              : i18n.t('popup.loadingAll', { count: formatThousands(pendingTotal) })}
          </span>
        )}
      </div>
      {open && (
        <Suspense fallback={null}>
          <FilterPanel />
        </Suspense>
      )}
    </div>
  );
}
