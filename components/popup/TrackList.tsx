import type { ReactElement } from 'react';
import { i18n } from '#i18n';
import type { TrackEntry } from '@/lib/popup/catalog-index';
import { useFinder } from '@/lib/popup/finder-app';
import { visibleRange } from '@/lib/popup/virtual';
import { ROW_HEIGHT, TrackRow } from './TrackRow';
import { useBenchMarks } from './track-list/bench-marks';
import { useDeferredOverscan } from './track-list/use-deferred-overscan';
import { useFling } from './track-list/use-fling';
import { useListKeyboard } from './track-list/use-list-keyboard';
import { useSettledKey } from './track-list/use-settled-key';
import { useVirtualRows } from './track-list/use-virtual-rows';

const OVERSCAN = 4;
/** How long after the last fast frame, or the last keystroke, the rows shown meanwhile load covers. */
const COVER_SETTLE_MS = 150;

/**
 * Only the rows in view (plus a few) exist in the DOM, so thousands of tracks cost what ten do.
 * Rows use a roving tabindex: Tab enters the list once, arrows move between rows.
 *
 * Each job is a hook in ./track-list/. What belongs to one search, filter or sort is keyed by
 * `resetKey`: a new one reads as the initial state without a second render to reset it.
 */
export function TrackList({ entries, resetKey }: { entries: readonly TrackEntry[]; resetKey: string }) {
  const { tracks, preview } = useFinder();
  // Hook order is the order of the effects: the scroll reset on a new key comes before the bench mark.
  const { flinging, onScrollFrame } = useFling(COVER_SETTLE_MS);
  const { scroller, onScroll, first, viewport, reveal } = useVirtualRows(resetKey, ROW_HEIGHT, onScrollFrame);
  useBenchMarks(entries);
  const { activeIndex, setActive, onKeyDown } = useListKeyboard({
    resetKey,
    items: entries,
    scroller,
    reveal,
    onEnter: (entry) => void tracks.use(entry),
    onSpace: (entry) => void preview.toggle(entry),
  });
  const overscan = useDeferredOverscan(resetKey, OVERSCAN);
  const settled = useSettledKey(resetKey, COVER_SETTLE_MS);
  const coversWait = flinging || !settled;

  const range = visibleRange(first * ROW_HEIGHT, viewport, ROW_HEIGHT, entries.length, overscan);
  const rows: ReactElement[] = [];
  // The row with the roving tabindex exists even when scrolled away, so focus is never lost with it.
  const indexes: number[] = [];
  if (activeIndex >= 0 && (activeIndex < range.start || activeIndex >= range.end)) indexes.push(activeIndex);
  for (let index = range.start; index < range.end; index++) indexes.push(index);
  for (const index of indexes) {
    const entry = entries[index];
    if (!entry) continue;
    rows.push(
      <TrackRow
        key={entry.key}
        entry={entry}
        index={index}
        count={entries.length}
        focusable={index === activeIndex}
        coverDeferred={coversWait}
        onFocusRow={setActive}
      />,
    );
  }

  return (
    <div ref={scroller} className="track-scroller" onScroll={onScroll}>
      <ul
        className="track-list"
        aria-label={i18n.t('popup.tracks')}
        style={{ height: entries.length * ROW_HEIGHT }}
        onKeyDown={onKeyDown}
      >
        {rows}
      </ul>
    </div>
  );
}
