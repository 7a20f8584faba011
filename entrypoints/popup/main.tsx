import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { createPopupApp, PopupAppContext } from '@/lib/popup/popup-app';
import { sendFromPage } from '@/lib/shared/messages';

const app = createPopupApp({
  send: sendFromPage,
  now: () => Date.now(),
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  openOptions: () => void browser.runtime.openOptionsPage(),
  memory: window.localStorage,
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  // A frame, then a task: the frame after rAF callbacks is the one showing the change. The timeout
  // covers a page that gets no frames (hidden), so the rest of the list still comes.
  afterPaint: () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => window.setTimeout(resolve, 0));
      window.setTimeout(resolve, 250);
    }),
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
