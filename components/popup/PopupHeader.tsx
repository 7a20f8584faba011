import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { statusText } from '@/lib/popup/catalog-status';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';

/** Re-renders every 30 s so "updated 12 min ago" stays true while the popup is open. */
function useNow(deps: { now: () => number }): number {
  const [now, setNow] = useState(deps.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(deps.now()), 30_000);
    return () => clearInterval(timer);
  }, [deps]);
  return now;
}

/** `history`: whether the History view shows instead of the tracks. */
export function PopupHeader({
  history,
  setHistory,
}: {
  history: boolean;
  setHistory: (history: boolean) => void;
}) {
  const { catalog, deps } = useFinder();
  const answer = useFinderState((s) => s.answer);
  const refreshing = useFinderState((s) => s.refreshing || (s.loading && !s.answer));
  const now = useNow(deps);
  const text = statusText(answer, refreshing, now);

  return (
    <header className="popup-header">
      <h1>Cleartune</h1>
      <p className="data-age" data-state={answer?.offline ? 'offline' : refreshing ? 'refreshing' : 'idle'}>
        {text}
      </p>
      <button
        type="button"
        className="icon-button"
        aria-label={i18n.t('popup.header.refresh')}
        title={i18n.t('popup.header.refresh')}
        disabled={refreshing}
        onClick={() => void catalog.refresh()}
      >
        <span aria-hidden="true">↻</span>
      </button>
      <button
        type="button"
        id="history-button"
        className="icon-button"
        aria-label={i18n.t('popup.header.history')}
        title={i18n.t('popup.header.history')}
        aria-pressed={history}
        onClick={() => setHistory(!history)}
      >
        <span aria-hidden="true">◷</span>
      </button>
      {deps.openSidePanel && (
        <button
          type="button"
          className="icon-button"
          aria-label={i18n.t('popup.header.sidePanel')}
          title={i18n.t('popup.header.sidePanelHint')}
          onClick={() => {
            void deps.openSidePanel?.().then((opened) => {
              if (opened) window.close();
            });
          }}
        >
          <span aria-hidden="true">◨</span>
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={i18n.t('popup.header.settings')}
        title={i18n.t('popup.header.settings')}
        onClick={() => deps.openOptions()}
      >
        <span aria-hidden="true">⚙</span>
      </button>
    </header>
  );
}
