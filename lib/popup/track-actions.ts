import { i18n } from '#i18n';
/** What a row's buttons do: use, favorite, copy, pick a clip; and the status line they report to. */

import { defaultClip, idFor } from '../shared/clips';
import type { DateRange } from '../shared/genres';
import { errorText } from '../shared/messages';
import type { ChosenTrack, ClipChoice } from '../shared/track';
import type { TrackEntry } from './catalog-index';
import type { FinderDeps } from './finder-deps';
import type { FinderStore } from './store';

const UNDO_MS = 6000;
const COPIED_MS = 2000;

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

/** The catalog entry a stored choice came from (CML ids are clip ids, so either clip may match). */
export function findChosenEntry(
  entries: readonly TrackEntry[],
  chosen: Pick<ChosenTrack, 'provider' | 'id' | 'clip'>,
): { entry: TrackEntry; clip: ClipChoice | null } | null {
  for (const entry of entries) {
    const { track } = entry;
    if (track.provider !== chosen.provider) continue;
    if (track.clips?.trending?.id === chosen.id) return { entry, clip: 'trending' };
    if (track.clips?.full?.id === chosen.id) return { entry, clip: 'full' };
    if (track.id === chosen.id) return { entry, clip: chosen.clip };
  }
  return null;
}

export function createTrackActions(store: FinderStore, deps: FinderDeps): TrackActions {
  let statusId = 0;
  let undoTimer: unknown = null;
  let copiedTimer: unknown = null;

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

  const actions: TrackActions = {
    say,
    clipFor,
    setClip(entry, clip) {
      store.setState({ clips: { ...store.getState().clips, [entry.key]: clip } });
    },
    async use(entry, clipChoice, from) {
      const clip = clipChoice === undefined ? clipFor(entry) : clipChoice;
      const previous = store.getState().chosen;
      try {
        // The side panel fills the tab beside it; the popup, the composer focused last.
        const tabId = deps.panel ? await deps.activeTabId?.() : null;
        const { query } = store.getState();
        const result = await deps.send('useTrack', {
          track: entry.track,
          clip,
          from: from ?? { genre: query.genre, range: query.range },
          ...(tabId == null ? {} : { tabId }),
        });
        const chosen = await deps.send('getChosen');
        store.setState({ chosen });
        void actions.loadUses();
        const replaced =
          previous && previous.id !== chosen?.id
            ? findChosenEntry(store.getState().index.entries, previous)
            : null;
        say(result.message, replaced ? () => void actions.use(replaced.entry, replaced.clip) : null);
      } catch (error) {
        say(i18n.t('popup.say.useFailed', { title: entry.track.title, error: errorText(error) }));
      }
    },
    async toggleFavorite(entry) {
      const wasFavorite = store.getState().favorites.has(entry.key);
      try {
        const favorites = await deps.send('toggleFavorite', { key: entry.key });
        store.setState({ favorites: new Set(favorites) });
        if (wasFavorite) {
          say(
            i18n.t('popup.say.unfavorited', { title: entry.track.title }),
            () => void actions.toggleFavorite(entry),
          );
        } else {
          say(i18n.t('popup.say.favorited', { title: entry.track.title }));
        }
      } catch (error) {
        say(i18n.t('popup.say.favoriteFailed', { error: errorText(error) }));
      }
    },
    async copyId(entry) {
      const id = idFor(entry.track, clipFor(entry));
      if (!(await actions.copyText(id, i18n.t('popup.say.theId', { title: entry.track.title })))) return;
      if (copiedTimer !== null) deps.clearTimeout(copiedTimer);
      store.setState({ copiedKey: entry.key });
      copiedTimer = deps.setTimeout(() => store.setState({ copiedKey: null }), COPIED_MS);
    },
    async copyText(text, what) {
      try {
        await deps.writeClipboard(text);
        say(i18n.t('popup.say.copied', { what }));
        return true;
      } catch (error) {
        say(i18n.t('popup.say.copyFailed', { what, error: errorText(error) }));
        return false;
      }
    },
    /** Favorites and the current choice: neither holds up the list. */
    async loadPersonal() {
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
        answer.uses.map(([provider, id, at, site]) => [`${provider}:${id}`, { at, site }]),
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
