import { i18n } from '#i18n';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';

/** What the last action did, said politely to screen readers, with Undo for a few seconds. */
export function StatusLine() {
  const { store } = useFinder();
  const status = useFinderState((s) => s.status);
  return (
    <footer className="status-line">
      <div role="status" className="status-text">
        {status && <span key={status.id}>{status.text}</span>}
      </div>
      {status?.undo && (
        <button
          type="button"
          onClick={() => {
            status.undo?.();
            store.setState({ status: { ...status, undo: null } });
          }}
        >
          {i18n.t('content.undo')}
        </button>
      )}
    </footer>
  );
}
