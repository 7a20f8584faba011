import { type RefObject, useRef } from 'react';

/** A value that belongs to one search/filter/sort: a new one reads as the initial value. */
export interface Keyed {
  key: string;
  value: number;
}

/**
 * The value kept for `key`: state kept for another key reads as 0, so a new search, filter or sort
 * starts from the initial value without a second render to reset it.
 */
export const keyedValue = (state: Keyed, key: string): number => (state.key === key ? state.value : 0);

/** A ref holding `value` as of the last render, for callbacks that run later (frames, timers, events). */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
