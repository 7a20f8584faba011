import { i18n } from '#i18n';
/**
 * Previews: one shared <audio>, one track at a time. A CML preview URL dies six hours after the
 * fetch, so an expired one refreshes the catalog first; a preview that still fails says so.
 */

import { previewExpired, previewUrlFor } from '../shared/clips';
import type { CatalogActions } from './catalog-actions';
import type { TrackEntry } from './catalog-index';
import type { FinderDeps } from './finder-deps';
import type { FinderStore } from './store';
import type { TrackActions } from './track-actions';

/** The parts of HTMLAudioElement the controller uses (a fake in unit tests). */
export interface AudioLike {
  src: string;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: 'error' | 'ended', listener: () => void): void;
  removeEventListener(type: 'error' | 'ended', listener: () => void): void;
}

export interface PreviewActions {
  attach(audio: AudioLike): () => void;
  toggle(entry: TrackEntry): Promise<void>;
  stop(): void;
}

const IDLE = { key: null, playing: false, loading: false };

export function createPreviewActions(
  store: FinderStore,
  deps: FinderDeps,
  catalog: Pick<CatalogActions, 'refresh'>,
  tracks: Pick<TrackActions, 'say' | 'clipFor'>,
): PreviewActions {
  let audio: AudioLike | null = null;
  let current: TrackEntry | null = null;

  const isCurrent = (entry: TrackEntry) => current === entry && store.getState().preview.key === entry.key;

  const fail = (entry: TrackEntry) => {
    if (!isCurrent(entry)) return;
    current = null;
    store.setState({ preview: IDLE });
    tracks.say(i18n.t('popup.say.noPreview', { title: entry.track.title }));
  };

  async function play(entry: TrackEntry): Promise<void> {
    current = entry;
    store.setState({ preview: { key: entry.key, playing: false, loading: true } });
    let target = entry;
    if (previewExpired(entry.track, deps.now())) {
      await catalog.refresh();
      target = store.getState().index.entries.find((candidate) => candidate.key === entry.key) ?? entry;
      if (!isCurrent(entry)) return;
      current = target;
      store.setState({ preview: { key: entry.key, playing: false, loading: true } });
    }
    const url = previewUrlFor(target.track, tracks.clipFor(target));
    if (!audio || !url) return fail(target);
    audio.src = url;
    try {
      await audio.play();
      if (isCurrent(target)) store.setState({ preview: { key: target.key, playing: true, loading: false } });
    } catch (error) {
      // A newer preview (or a pause) interrupting this play() is not a failure.
      if ((error as { name?: string } | null)?.name === 'AbortError' && !isCurrent(target)) return;
      fail(target);
    }
  }

  const stop = () => {
    current = null;
    audio?.pause();
    store.setState({ preview: IDLE });
  };

  return {
    attach(element) {
      audio = element;
      const onError = () => {
        if (current) fail(current);
      };
      const onEnded = () => {
        current = null;
        store.setState({ preview: IDLE });
      };
      element.addEventListener('error', onError);
      element.addEventListener('ended', onEnded);
      return () => {
        element.removeEventListener('error', onError);
        element.removeEventListener('ended', onEnded);
        if (audio === element) audio = null;
      };
    },
    async toggle(entry) {
      const { preview } = store.getState();
      if (preview.key === entry.key && (preview.playing || preview.loading)) return stop();
      await play(entry);
    },
    stop,
  };
}
