import { i18n } from '#i18n';
/**
 * The row buttons' work: Use, favorite, copy. Loaded apart from the rest of the track actions
 * (track-actions.ts) because a finder page's first paint needs none of it.
 */

import { idFor } from '../shared/clips';
import { errorText } from '../shared/messages';
import type { ChosenTrack, ClipChoice } from '../shared/track';
import type { TrackEntry } from './catalog-index';
import type { FinderDeps } from './finder-deps';
import type { FinderStore } from './store';
import type { TrackActions } from './track-actions';

const COPIED_MS = 2000;

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

export type RowActions = Pick<TrackActions, 'use' | 'toggleFavorite' | 'copyId' | 'copyText'>;

/** `actions`: the whole set, for the status line, clips, the usage record and undo. */
export function createRowActions(store: FinderStore, deps: FinderDeps, actions: TrackActions): RowActions {
  const { say, clipFor } = actions;
  let copiedTimer: unknown = null;
  return {
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
  };
}
