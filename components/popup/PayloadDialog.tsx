import { useEffect, useRef } from 'react';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import { PayloadForm } from './PayloadForm';
import './PayloadDialog.css';

/** "Copy payload" opens as a modal dialog: focus stays inside, Escape closes it. Loaded on first use (Finder). */
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
      {entry && <PayloadForm entry={entry} onClose={close} />}
    </dialog>
  );
}
