/** The popup's store and actions, created once per popup and handed to components by context. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { type CatalogActions, createCatalogActions } from './catalog-actions';
import type { PopupDeps } from './deps';
import { createPreviewActions, type PreviewActions } from './preview-actions';
import { createPopupStore, type PopupState, type PopupStore } from './store';
import { createTrackActions, type TrackActions } from './track-actions';

export interface PopupApp {
  store: PopupStore;
  catalog: CatalogActions;
  tracks: TrackActions;
  preview: PreviewActions;
  deps: PopupDeps;
}

export function createPopupApp(deps: PopupDeps, initial: Partial<PopupState> = {}): PopupApp {
  const store = createPopupStore(initial);
  const catalog = createCatalogActions(store, deps);
  const tracks = createTrackActions(store, deps);
  const preview = createPreviewActions(store, deps, catalog, tracks);
  return { store, catalog, tracks, preview, deps };
}

export const PopupAppContext = createContext<PopupApp | null>(null);

export function usePopupApp(): PopupApp {
  const app = useContext(PopupAppContext);
  if (!app) throw new Error('PopupAppContext is missing');
  return app;
}

/** A narrow read of the popup state: the component re-renders only when this slice changes. */
export function usePopup<T>(selector: (state: PopupState) => T): T {
  return useStore(usePopupApp().store, selector);
}
