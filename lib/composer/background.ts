import type { MessageHandlers } from '../messaging';
import { chosenItem } from '../storage';

/** The background's side of the composer: the chosen track, the last composer tab, filling. */
export function composerHandlers(): MessageHandlers {
  return {
    getChosen: () => chosenItem.get(),
  };
}

/** Dynamic content-script registration for user-enabled composer sites; badge updates. */
export function setupComposerRelay(): void {}
