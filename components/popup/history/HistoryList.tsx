import { useMemo } from 'react';
import {
  filterHistory,
  groupByDay,
  type HistoryFilter,
  type HistoryItem,
  type HistoryRow,
  historyFormat,
  historyItems,
} from '@/lib/popup/history';
import { DATE_RANGE_LABELS, type DateRange, genreLabel } from '@/lib/shared/genres';
import { PROVIDER_NAMES } from '@/lib/shared/track';

const CLIP_LABELS = { trending: 'trending clip', full: 'full clip' } as const;

/** "Was #3 in Dance Pop, 7 days": where the track stood when it was used, as far as the record knows. */
function standing(row: HistoryRow): string | null {
  const range = row.range ? (DATE_RANGE_LABELS[row.range as DateRange] ?? row.range) : null;
  const where = [row.genre && genreLabel(row.genre), range].filter(Boolean).join(', ');
  if (row.rank === null) return where ? `Was in ${where}` : null;
  return `Was #${row.rank}${where ? ` in ${where}` : ''}`;
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
          {row.clip && ` · ${CLIP_LABELS[row.clip]}`}
          {row.verified && (
            <span className="badge badge-cleared" title="The attach was checked on TikTok Studio">
              ✓ verified
            </span>
          )}
        </p>
        {was && <p className="history-meta">{was}</p>}
      </div>
      <button type="button" aria-label={`Use again: ${row.title}`} onClick={() => onUse(row)}>
        Use again
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
        <p>No entry matches these filters.</p>
        <button type="button" onClick={onClearFilter}>
          Show all entries
        </button>
      </div>
    );
  return (
    <div className="history-list">
      <p className="result-count">
        {matching.length < items.length ? `${matching.length} of ${items.length}` : items.length}{' '}
        {items.length === 1 ? 'entry' : 'entries'}
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
          Show more ({matching.length - shown.length} left)
        </button>
      )}
    </div>
  );
}
