import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type Keyed, keyedValue, useLatest } from './keyed';

export interface ListKeyboardOptions<T> {
  /** A new search, filter or sort: the first row becomes the active one again. */
  resetKey: string;
  items: readonly T[];
  /** The scrolling element that holds the `li[data-index]` rows. */
  scroller: RefObject<HTMLElement | null>;
  /** Brings a row into view (and so into the DOM) before it is focused. */
  reveal: (index: number) => void;
  /** Enter on a row. */
  onEnter: (item: T) => void;
  /** Space on a row. */
  onSpace: (item: T) => void;
}

export interface ListKeyboard {
  /** The row with the roving tabindex; -1 when the list is empty. */
  activeIndex: number;
  /** Makes a row the active one (a row that received focus). Stable. */
  setActive: (index: number) => void;
  /** For the list element: arrows, Home/End and PageUp/PageDown move; Enter and Space act on a row. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * Keyboard navigation with a roving tabindex: Tab enters the list once, arrows move between rows.
 * Rows are `li[data-index]`; keys typed into a `select` or `input` inside a row are left alone.
 */
export function useListKeyboard<T>({
  resetKey,
  items,
  scroller,
  reveal,
  onEnter,
  onSpace,
}: ListKeyboardOptions<T>): ListKeyboard {
  const [activeRow, setActiveRow] = useState<Keyed>({ key: resetKey, value: 0 });
  const keyRef = useLatest(resetKey);
  const pendingFocus = useRef<number | null>(null);
  const active = keyedValue(activeRow, resetKey);
  const setActive = useCallback((value: number) => setActiveRow({ key: keyRef.current, value }), [keyRef]);

  // The row moved to is rendered by now: focus it.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    scroller.current?.querySelector<HTMLElement>(`li[data-index="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  });

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(items.length - 1, index));
      reveal(next);
      setActive(next);
      pendingFocus.current = next;
    },
    [items.length, reveal, setActive],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('li[data-index]');
    if (!row || target.closest('select, input')) return;
    const index = Number(row.dataset.index);
    const item = items[index];
    const onRow = target === row;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: index + 3,
      PageUp: index - 3,
    };
    const destination = moves[event.key];
    if (destination !== undefined) {
      event.preventDefault();
      moveTo(destination);
    } else if (onRow && item && event.key === 'Enter') {
      event.preventDefault();
      onEnter(item);
    } else if (onRow && item && event.key === ' ') {
      event.preventDefault();
      onSpace(item);
    }
  };

  return { activeIndex: Math.min(active, items.length - 1), setActive, onKeyDown };
}
