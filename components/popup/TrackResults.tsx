import { lazy, Suspense } from 'react';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import { selectResults } from '@/lib/popup/store';
import { TrackList } from './TrackList';

// Only an empty list needs it: loaded then, from the extension's own files (milliseconds).
const EmptyState = lazy(() => import('./EmptyState').then((m) => ({ default: m.EmptyState })));

/** The list, or the reason it is empty; nothing at all until the cached answer is in (milliseconds). */
export function TrackResults() {
  const { store } = useFinder();
  const results = useFinderState(selectResults(store));
  const hasAnswer = useFinderState((s) => s.answer !== null);
  const resetKey = useFinderState(
    (s) =>
      `${s.query.source}|${s.query.genre}|${s.query.range}|${s.search}|${s.sort}|${JSON.stringify(s.filters)}`,
  );
  if (!hasAnswer) return <div className="list-placeholder" />;
  if (results.emptyReason)
    return (
      <Suspense fallback={<div className="list-placeholder" />}>
        <EmptyState reason={results.emptyReason} />
      </Suspense>
    );
  return <TrackList entries={results.entries} resetKey={resetKey} />;
}
