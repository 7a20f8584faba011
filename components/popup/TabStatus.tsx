import { useEffect, useState } from 'react';
import { useFinder } from '@/lib/popup/finder-app';

/**
 * What Cleartune sees on the tab: in the popup, once, and only when the tab has a composer; in the
 * side panel, always, following tab switches and what the content script reports.
 */
export function TabStatus() {
  const { deps } = useFinder();
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let asked = 0;
    const read = async () => {
      const ask = ++asked;
      const tabId = await deps.activeTabId?.();
      if (tabId == null) return;
      const status = await deps.send('getTabStatus', { tabId });
      if (!status && !deps.panel) return;
      // Loaded when there is a line to show: most popups open on tabs without a composer.
      const { tabLine } = await import('@/lib/popup/tab-status');
      // A tab switch during the question: only the latest answer is shown.
      if (!live || ask !== asked) return;
      setLine(tabLine(status));
    };
    void read().catch(() => {});
    const stop = deps.watchActiveTab?.(() => void read().catch(() => {}));
    return () => {
      live = false;
      stop?.();
    };
  }, [deps]);
  return line ? (
    <p className="tab-status" aria-live={deps.panel ? 'polite' : undefined}>
      {line}
    </p>
  ) : null;
}
