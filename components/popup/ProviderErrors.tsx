import { lazy, Suspense } from 'react';
import { partsToReport } from '@/lib/popup/catalog-status';
import { useFinderState } from '@/lib/popup/finder-app';

// Most opens have nothing to report: the banner and its wording load only when there is.
const ProviderProblems = lazy(() =>
  import('./ProviderProblems').then((m) => ({ default: m.ProviderProblems })),
);

/** The providers' errors for the tracks shown, or nothing. */
export function ProviderErrors() {
  const answer = useFinderState((s) => s.answer);
  const source = useFinderState((s) => s.query.source);
  const loadError = useFinderState((s) => s.loadError);
  const parts = partsToReport(answer, source);
  if (parts.length === 0 && !loadError) return null;
  return (
    <Suspense fallback={null}>
      <ProviderProblems parts={parts} loadError={loadError} />
    </Suspense>
  );
}
