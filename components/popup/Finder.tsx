import { lazy, Suspense, useEffect, useState } from 'react';
import { isFirstRun } from '@/lib/popup/catalog-status';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import { NoticeBanner } from './NoticeBanner';
import { PopupHeader } from './PopupHeader';
import { PreviewAudio } from './PreviewAudio';
import { ProviderErrors } from './ProviderErrors';
import { QueryControls } from './QueryControls';
import { SortAndFilters } from './SortAndFilters';
import { StatusLine } from './StatusLine';
import { TabStatus } from './TabStatus';
import { TrackResults } from './TrackResults';
import './popup.css';

// First run only: the page to connect a provider.
const WelcomePanel = lazy(() => import('./WelcomePanel').then((m) => ({ default: m.WelcomePanel })));
/** Loaded when first opened: the popup's first paint does not carry them. */
const HistoryView = lazy(() => import('./history/HistoryView'));
const PayloadDialog = lazy(() => import('./PayloadDialog').then((m) => ({ default: m.PayloadDialog })));

/** `/` anywhere but in a text field jumps to the search box of what is shown. */
function useSlashToSearch(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      // The tracks' search box, or History's while History shows (only one is on the page).
      document.querySelector<HTMLInputElement>('main input[type="search"]')?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * The finder, whole: header, search and filters, the list, preview, the payload dialog. Any page
 * that mounts it with `mountFinder` gets the same behaviour; `className` lays it out for that page.
 */
export function Finder({ className }: { className: string }) {
  const { catalog, tracks } = useFinder();
  const firstRun = useFinderState((s) => isFirstRun(s.answer));
  const [history, setHistory] = useState(false);
  // Mounted from the first "Copy payload" on, so that closing it can return focus from a live dialog.
  const [payloadShown, setPayloadShown] = useState(false);
  const payloadAsked = useFinderState((s) => s.payloadKey !== null);
  if (payloadAsked && !payloadShown) setPayloadShown(true);
  useSlashToSearch();
  useEffect(() => {
    void Promise.all([catalog.open(), tracks.loadPersonal()]).then(() => tracks.loadNotices());
    return catalog.dispose;
  }, [catalog, tracks]);

  return (
    <div className={className}>
      <PopupHeader history={history} setHistory={setHistory} />
      <TabStatus />
      <main className="popup-main">
        <NoticeBanner />
        {history ? (
          <Suspense>
            <HistoryView setHistory={setHistory} />
          </Suspense>
        ) : firstRun ? (
          <Suspense>
            <WelcomePanel />
          </Suspense>
        ) : (
          <>
            <QueryControls />
            <SortAndFilters />
            <ProviderErrors />
            <TrackResults />
          </>
        )}
      </main>
      <StatusLine />
      <PreviewAudio />
      {payloadShown && (
        <Suspense>
          <PayloadDialog />
        </Suspense>
      )}
    </div>
  );
}
