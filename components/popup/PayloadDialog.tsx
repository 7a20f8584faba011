import { lazy, Suspense, useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';

// Loaded on the first "Copy payload": the popup's first paint does not carry the form.
const PayloadForm = lazy(() => import('./PayloadForm').then((m) => ({ default: m.PayloadForm })));

/** "Copy payload" opens as a modal dialog: focus stays inside, Escape closes it. */
export function PayloadDialog() {
  const { store } = useFinder();
  const entry = useFinderState((s) =>
    s.payloadKey === null ? null : (s.index.entries.find((e) => e.key === s.payloadKey) ?? null),
  );
  const dialog = useRef<HTMLDialogElement>(null);
  const open = entry !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      // Environments without modal dialogs (jsdom) still get an open, reachable dialog.
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
  }, [open]);

  const close = () => {
    const key = store.getState().payloadKey;
    store.setState({ payloadKey: null });
    // Back to the row the dialog was opened from.
    const rows = document.querySelectorAll<HTMLElement>('li[data-key]');
    [...rows].find((row) => row.dataset.key === key)?.focus();
  };

  return (
    <dialog
      ref={dialog}
      className="payload-dialog"
      aria-labelledby="payload-title"
      onClose={() => store.getState().payloadKey !== null && close()}
    >
      {entry && (
        <Suspense fallback={<p role="status">{i18n.t('popup.status.loading')}</p>}>
          <PayloadForm entry={entry} onClose={close} />
        </Suspense>
      )}
    </dialog>
  );
}
