import { usePopup, usePopupApp } from '@/lib/popup/popup-app';
import { selectResults } from '@/lib/popup/store';
import { EmptyState } from './EmptyState';
import { TrackList } from './TrackList';

/** The list, or the reason it is empty; nothing at all until the cached answer is in (milliseconds). */
export function TrackResults() {
  const { store } = usePopupApp();
  const results = usePopup(selectResults(store));
  const hasAnswer = usePopup((s) => s.answer !== null);
  const resetKey = usePopup(
    (s) =>
      `${s.query.source}|${s.query.genre}|${s.query.range}|${s.search}|${s.sort}|${JSON.stringify(s.filters)}`,
  );
  if (!hasAnswer) return <div className="list-placeholder" />;
  if (results.emptyReason) return <EmptyState reason={results.emptyReason} />;
  return <TrackList entries={results.entries} resetKey={resetKey} />;
}
