import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import type { OptionsDeps } from '@/lib/options/deps';
import { sendFromPage } from '@/lib/shared/messages';

const deps: OptionsDeps = {
  send: sendFromPage,
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  download: (fileName, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

const root = document.getElementById('root');
if (root) createRoot(root).render(<Options deps={deps} />);
