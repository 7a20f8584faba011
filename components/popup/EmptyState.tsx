import { i18n } from '#i18n';
import { type EmptyFix, emptyMessage } from '@/lib/popup/empty-state';
import { DEFAULT_FILTERS } from '@/lib/popup/filters';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import type { EmptyReason } from '@/lib/popup/results';
import type { FinderState } from '@/lib/popup/store';
import './EmptyState.css';

const FIXES: Record<EmptyFix, (state: FinderState) => Partial<FinderState>> = {
  'clear-search': () => ({ search: '' }),
  'any-duration': (s) => ({ filters: { ...s.filters, duration: DEFAULT_FILTERS.duration } }),
  'any-language': (s) => ({ filters: { ...s.filters, language: null } }),
  'all-clearance': (s) => ({ filters: { ...s.filters, clearedOnly: false } }),
  'all-tracks': (s) => ({ filters: { ...s.filters, favoritesOnly: false } }),
  'not-only-alerted': (s) => ({ filters: { ...s.filters, only: null } }),
  'all-trends': (s) => ({ filters: { ...s.filters, trendingOnly: false } }),
  'show-used': (s) => ({ filters: { ...s.filters, hideUsed: false } }),
};

/** Names the filter that excluded everything and offers to lift just that one. */
export function EmptyState({ reason }: { reason: EmptyReason }) {
  const { store } = useFinder();
  const search = useFinderState((s) => s.search);
  const filters = useFinderState((s) => s.filters);
  const query = useFinderState((s) => s.query);
  const rotationDays = useFinderState((s) => s.rotationDays);
  const message = emptyMessage(reason, { search, filters, ...query, rotationDays });
  const fix = message.fix;
  return (
    <section className="empty-state" aria-label={i18n.t('popup.empty.label')}>
      <p>{message.text}</p>
      {fix && (
        <button type="button" onClick={() => store.setState(FIXES[fix.action](store.getState()))}>
          {fix.label}
        </button>
      )}
    </section>
  );
}
