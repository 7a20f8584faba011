/** What a row's buttons do: use, favorite, copy, pick a clip; and the status line they report to. */

import { defaultClip } from '../shared/clips';
import type { DateRange } from '../shared/genres';
import type { ClipChoice } from '../shared/track';
import type { TrackEntry } from './catalog-index';
import type { FinderDeps } from './finder-deps';
import { loadOnce } from './load-once';
import { usedKey } from './results';
import type { FinderStore } from './store';

const UNDO_MS = 6000;

export interface TrackActions {
  say(text: string, undo?: (() => void) | null): void;
  clipFor(entry: TrackEntry): ClipChoice | null;
  setClip(entry: TrackEntry, clip: ClipChoice): void;
  /** `from`: where the track was found, for the usage record (default: the list on screen). */
  use(entry: TrackEntry, clip?: ClipChoice | null, from?: { genre: string; range: DateRange }): Promise<void>;
  toggleFavorite(entry: TrackEntry): Promise<void>;
  copyId(entry: TrackEntry): Promise<void>;
  copyText(text: string, what: string): Promise<boolean>;
  loadPersonal(): Promise<void>;
  /** The rotation facts: newest use per id, and the window. */
  loadUses(): Promise<void>;
  loadNotices(): Promise<void>;
}

export function createTrackActions(store: FinderStore, deps: FinderDeps): TrackActions {
  let statusId = 0;
  let undoTimer: unknown = null;

  const say: TrackActions['say'] = (text, undo = null) => {
    if (undoTimer !== null) deps.clearTimeout(undoTimer);
    undoTimer = null;
    store.setState({ status: { text, undo, id: ++statusId } });
    if (undo) {
      const id = statusId;
      undoTimer = deps.setTimeout(() => {
        const current = store.getState().status;
        if (current?.id === id) store.setState({ status: { ...current, undo: null } });
      }, UNDO_MS);
    }
  };

  const clipFor: TrackActions['clipFor'] = (entry) =>
    store.getState().clips[entry.key] ?? defaultClip(entry.track);

  // What the buttons do loads beside the first personal reads (after the first render), or with the
  // first press if that comes sooner: a page's first paint carries none of it.
  const rows = loadOnce(() =>
    import('./row-actions').then((module) => module.createRowActions(store, deps, actions)),
  );

  const actions: TrackActions = {
    say,
    clipFor,
    setClip(entry, clip) {
      store.setState({ clips: { ...store.getState().clips, [entry.key]: clip } });
    },
    use: async (...args) => (await rows()).use(...args),
    toggleFavorite: async (entry) => (await rows()).toggleFavorite(entry),
    copyId: async (entry) => (await rows()).copyId(entry),
    copyText: async (text, what) => (await rows()).copyText(text, what),
    /** Favorites and the current choice: neither holds up the list. */
    async loadPersonal() {
      void rows();
      await Promise.all([
        deps.send('getFavorites').then(
          (keys) => store.setState({ favorites: new Set(keys) }),
          () => undefined,
        ),
        deps.send('getChosen').then(
          (chosen) => store.setState({ chosen }),
          () => undefined,
        ),
        actions.loadUses(),
      ]);
    },
    async loadUses() {
      const answer = await deps.send('getLastUses').catch(() => null);
      if (!answer) return;
      const uses = new Map(
        answer.uses.map(([provider, id, at, site]) => [usedKey(provider, id), { at, site }]),
      );
      store.setState({ uses, rotationDays: answer.days });
    },
    /**
     * Pending notices. Asked for after the popup's first reads, because those reads are what find a
     * damaged stored value and leave its notice: asked alongside them, it would show a popup late.
     */
    async loadNotices() {
      const notices = await deps.send('takeNotices').catch(() => [] as string[]);
      if (notices.length === 0) return;
      store.setState({ notices: [...new Set([...store.getState().notices, ...notices])] });
    },
  };
  return actions;
}
