import { changeFavorites } from './settings-store';

/** Adds or removes a favorite (by `trackKey`); answers with the new list. */
export function toggleFavorite(trackKey: string): Promise<string[]> {
  return changeFavorites((favorites) =>
    favorites.includes(trackKey) ? favorites.filter((key) => key !== trackKey) : [...favorites, trackKey],
  );
}
