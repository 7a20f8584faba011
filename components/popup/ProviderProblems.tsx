import { i18n } from '#i18n';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import type { CatalogPart } from '@/lib/shared/protocol';
import { isWaiting, sentenceAt } from '@/lib/shared/waits';
import { useNow } from '../shared/use-now';
import './ProviderProblems.css';

/**
 * A provider's error, in the catalog engine's words, with the one button that fixes it. Tracks
 * already cached stay listed below with their age.
 */
export function ProviderProblems({ parts, loadError }: { parts: CatalogPart[]; loadError: string | null }) {
  const { catalog, deps } = useFinder();
  const refreshing = useFinderState((s) => s.refreshing);
  // A rate limit counts down, and says when its wait is over, instead of a wait stated once.
  const now = useNow(parts.some((part) => isWaiting(part.error, Date.now())));
  return (
    <section className="banner banner-error" aria-label={i18n.t('popup.problems')}>
      {loadError && (
        <div className="problem">
          <p>{loadError}</p>
          <button type="button" disabled={refreshing} onClick={() => void catalog.refresh()}>
            {i18n.t('popup.retry')}
          </button>
        </div>
      )}
      {parts.map((part) => (
        <div className="problem" key={part.provider}>
          <p>{part.error && sentenceAt(part.error, now)}</p>
          {part.error?.action === 'open-settings' ? (
            <button type="button" onClick={() => deps.openOptions()}>
              {i18n.t('popup.openSettings')}
            </button>
          ) : (
            <button
              type="button"
              disabled={refreshing || isWaiting(part.error, now)}
              onClick={() => void catalog.refresh()}
            >
              {i18n.t('popup.retry')}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
