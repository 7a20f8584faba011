/**
 * The finder: search, filters, list, preview and Use, as one unit a page mounts (the popup today,
 * the side panel next). Its store and actions are created once per page and handed to components
 * by context, so two pages never share state by accident.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { type CatalogActions, createCatalogActions } from './catalog-actions';
import type { FinderDeps } from './finder-deps';
import { loadOnce } from './load-once';
import type { AudioLike, PreviewActions } from './preview-actions';
import { createFinderStore, type FinderState, type FinderStore } from './store';
import { createTrackActions, type TrackActions } from './track-actions';

export interface FinderApp {
  store: FinderStore;
  catalog: CatalogActions;
  tracks: TrackActions;
  preview: PreviewActions;
  deps: FinderDeps;
}

export function createFinderApp(deps: FinderDeps, initial: Partial<FinderState> = {}): FinderApp {
  const store = createFinderStore(initial);
  const catalog = createCatalogActions(store, deps);
  const tracks = createTrackActions(store, deps);
  const preview = lazyPreview(() =>
    import('./preview-actions').then((module) => module.createPreviewActions(store, deps, catalog, tracks)),
  );
  return { store, catalog, tracks, preview, deps };
}

/**
 * The preview controller, loaded with the first preview: a page's first paint needs only the
 * <audio> element it will play through, which is held here until then.
 */
function lazyPreview(load: () => Promise<PreviewActions>): PreviewActions {
  let audio: AudioLike | null = null;
  let loaded: PreviewActions | null = null;
  let detach: (() => void) | null = null;
  const controller = loadOnce(() =>
    load().then((actions) => {
      loaded = actions;
      if (audio) detach = actions.attach(audio);
      return actions;
    }),
  );
  return {
    attach(element) {
      audio = element;
      detach = loaded?.attach(element) ?? null;
      return () => {
        detach?.();
        detach = null;
        if (audio === element) audio = null;
      };
    },
    async toggle(entry) {
      await (await controller()).toggle(entry);
    },
    stop: () => loaded?.stop(),
  };
}

export const FinderContext = createContext<FinderApp | null>(null);

export function useFinder(): FinderApp {
  const app = useContext(FinderContext);
  if (!app) throw new Error('FinderContext is missing: mount the finder with mountFinder()');
  return app;
}

/** A narrow read of the popup state: the component re-renders only when this slice changes. */
export function useFinderState<T>(selector: (state: FinderState) => T): T {
  return useStore(useFinder().store, selector);
}
