import { i18n } from '#i18n';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';

/** Focuses the row the list would focus next (the list owns which one that is). */
export function focusActiveRow(): boolean {
  const row = document.querySelector<HTMLElement>('.track-list li[tabindex="0"]');
  row?.focus();
  return Boolean(row);
}

/** Filters on every keystroke; Escape clears, ↓ moves into the list, `/` comes back here. */
export function SearchBox() {
  const { store } = useFinder();
  const search = useFinderState((s) => s.search);
  return (
    <input
      id="track-search"
      className="search"
      type="search"
      aria-label={i18n.t('popup.search.label')}
      placeholder={i18n.t('popup.search.placeholder')}
      autoComplete="off"
      spellCheck={false}
      value={search}
      onChange={(e) => store.setState({ search: e.target.value })}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && search !== '') {
          e.preventDefault();
          store.setState({ search: '' });
        } else if (e.key === 'ArrowDown' && focusActiveRow()) {
          e.preventDefault();
        }
      }}
    />
  );
}
