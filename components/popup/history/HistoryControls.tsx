import { useMemo } from 'react';
import { i18n } from '#i18n';
import { type HistoryFilter, type HistoryRow, historyChoices } from '@/lib/popup/history';
import type { Provider } from '@/lib/shared/track';
import type { ExportFormat } from '@/lib/shared/usage-export';

const FORMATS: ExportFormat[] = ['csv', 'json'];

/** Export of the record and the favorites as CSV or JSON. */
function ExportButtons({
  onExport,
}: {
  onExport: (what: 'usage' | 'favorites', format: ExportFormat) => void;
}) {
  return (
    <div className="history-export">
      {(['usage', 'favorites'] as const).map((what) => {
        const usage = what === 'usage';
        return (
          <div key={what} className="history-export-group">
            <span>{i18n.t(usage ? 'history.exportHistory' : 'history.exportFavorites')}</span>
            {FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                aria-label={i18n.t(usage ? 'history.exportHistoryAs' : 'history.exportFavoritesAs', {
                  format: format.toUpperCase(),
                })}
                onClick={() => onExport(what, format)}
              >
                {format.toUpperCase()}
              </button>
            ))}
          </div>
        );
      })}
    </div>
  );
}

/** Search (title, artist, id, site), the site and provider menus built from the record, and export. */
export function HistoryControls({
  rows,
  filter,
  onFilter,
  onExport,
}: {
  rows: readonly HistoryRow[];
  filter: HistoryFilter;
  onFilter: (filter: HistoryFilter) => void;
  onExport: (what: 'usage' | 'favorites', format: ExportFormat) => void;
}) {
  const { sites, providers } = useMemo(() => historyChoices(rows), [rows]);
  return (
    <div className="history-controls">
      {rows.length > 0 && (
        <>
          <input
            className="search"
            type="search"
            aria-label={i18n.t('history.search')}
            placeholder={i18n.t('history.searchHint')}
            autoComplete="off"
            spellCheck={false}
            value={filter.query}
            onChange={(e) => onFilter({ ...filter, query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && filter.query !== '') {
                e.preventDefault();
                onFilter({ ...filter, query: '' });
              }
            }}
          />
          <div className="history-selects">
            <label>
              {i18n.t('history.site')}
              <select value={filter.site} onChange={(e) => onFilter({ ...filter, site: e.target.value })}>
                <option value="">{i18n.t('history.allSites')}</option>
                {sites.map((site) => (
                  <option key={site} value={site}>
                    {site}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {i18n.t('history.provider')}
              <select
                value={filter.provider}
                onChange={(e) => onFilter({ ...filter, provider: e.target.value as Provider | '' })}
              >
                <option value="">{i18n.t('history.allProviders')}</option>
                {providers.map(({ value, label }) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </>
      )}
      <ExportButtons onExport={onExport} />
    </div>
  );
}
