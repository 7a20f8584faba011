import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { createPopupApp, PopupAppContext } from '@/lib/popup/popup-app';
import { send } from '@/lib/popup/send';

const app = createPopupApp({
  send,
  now: () => Date.now(),
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  openOptions: () => void browser.runtime.openOptionsPage(),
  memory: window.localStorage,
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
});

// The first getCatalog goes out now, while React starts; the Popup's own open() joins this one.
void app.catalog.open();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <PopupAppContext value={app}>
      <Popup />
    </PopupAppContext>,
  );
