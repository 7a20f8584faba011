import { handleMessages } from './messaging';
import { chosenItem, takeNotices } from './storage';

/** Wires the background: message handlers, alarms, dynamic content scripts. */
export function setupBackground(): void {
  handleMessages({
    getChosen: () => chosenItem.get(),
    takeNotices: () => takeNotices(),
  });
}
