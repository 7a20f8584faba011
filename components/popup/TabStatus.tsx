import { useEffect, useState } from 'react';
import { useFinder } from '@/lib/popup/finder-app';
import { studioLine } from '@/lib/popup/tab-status';

/** What Cleartune sees on the current tab, when it is TikTok Studio; nothing otherwise. */
export function TabStatus() {
  const { deps } = useFinder();
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const tabId = await deps.activeTabId?.();
      if (tabId == null) return;
      const report = await deps.send('getTabStudio', { tabId });
      if (live && report) setLine(studioLine(report));
    })().catch(() => {});
    return () => {
      live = false;
    };
  }, [deps]);
  return line ? <p className="tab-status">{line}</p> : null;
}
