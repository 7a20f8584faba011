import { useMemo } from 'react';
import { i18n } from '#i18n';
import {
  filterHistory,
  groupByDay,
  type HistoryFilter,
  type HistoryItem,
  type HistoryRow,
  historyFormat,
  historyItems,
} from '@/lib/popup/history';
import { type DateRange, dateRangeLabels, genreLabel } from '@/lib/shared/genres';
import { PROVIDER_NAMES } from '@/lib/shared/track';

/** "Was #3 in Dance Pop, 7 days": where the track stood when it was used, as far as the record knows. */
function standing(row: HistoryRow): string | null {
  const range = row.range ? (dateRangeLabels()[row.range as DateRange] ?? row.range) : null;
  const where = [row.genre && genreLabel(row.genre), range].filter(Boolean).join(', ');
  if (row.rank === null) return where ? i18n.t('history.was', { where }) : null;
  return where
    ? i18n.t('history.wasRankIn', { rank: row.rank, where })
    : i18n.t('history.wasRank', { rank: row.rank });
}

function HistoryEntry({
  item: { row },
  time,
  onUse,
}: {
  item: HistoryItem;
  time: string;
  onUse: (row: HistoryRow) => void;
}) {
  const was = standing(row);
  return (
    <li className="history-entry">
      <div className="history-text">
        <p className="title">{row.title}</p>
        <p className="artist">{row.artist}</p>
        <p className="history-meta">
          <time dateTime={new Date(row.at).toISOString()}>{time}</time>
          {` · ${PROVIDER_NAMES[row.provider]} · ${row.site}`}
          {row.clip && ` · ${i18n.t(row.clip === 'full' ? 'history.clipFull' : 'history.clipTrending')}`}
          {row.verified && (
            <span className="badge badge-cleared" title={i18n.t('history.verifiedHint')}>
              {i18n.t('history.verified')}
            </span>
          )}
        </p>
        {was && <p className="history-meta">{was}</p>}
      </div>
      <button
        type="button"
        aria-label={i18n.t('history.useAgainLabel', { title: row.title })}
        onClick={() => onUse(row)}
      >
        {i18n.t('history.useAgain')}
      </button>
    </li>
  );
}

/** The record by local day, newest first, at most `limit` entries with "Show more" for the rest. */
export function HistoryList({
  rows,
  filter,
  limit,
  now,
  onMore,
  onClearFilter,
  onUse,
}: {
  rows: readonly HistoryRow[];
  filter: HistoryFilter;
  limit: number;
  now: number;
  onMore: () => void;
  onClearFilter: () => void;
  onUse: (row: HistoryRow) => void;
}) {
  const items = useMemo(() => historyItems(rows), [rows]);
  const matching = useMemo(() => filterHistory(items, filter), [items, filter]);
  const format = useMemo(() => historyFormat({ now }), [now]);
  const shown = matching.slice(0, limit);
  const groups = groupByDay(shown, format);

  if (matching.length === 0)
    return (
      <div className="history-note">
        <p>{i18n.t('history.noMatch')}</p>
        <button type="button" onClick={onClearFilter}>
          {i18n.t('history.showAll')}
        </button>
      </div>
    );
  return (
    <div className="history-list">
      <p className="result-count">
        {matching.length < items.length
          ? i18n.t('history.countOf', items.length, { shown: matching.length })
          : i18n.t('history.count', items.length)}
      </p>
      {groups.map((group) => (
        <section key={group.day} aria-labelledby={`day-${group.day}`}>
          <h3 id={`day-${group.day}`} className="history-day">
            {group.label}
          </h3>
          <ul>
            {group.items.map((item) => (
              <HistoryEntry key={item.key} item={item} time={format.time(item.row.at)} onUse={onUse} />
            ))}
          </ul>
        </section>
      ))}
      {matching.length > shown.length && (
        <button type="button" className="history-more" onClick={onMore}>
          {i18n.t('history.more', matching.length - shown.length)}
        </button>
      )}
    </div>
  );
}
