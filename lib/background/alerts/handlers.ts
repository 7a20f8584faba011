/**
 * The options page's alert messages. Alerts are off until the person turns one on; the page asks
 * for the notifications permission in that click and gives it back when all are off, so the
 * background only reads whether it is there.
 */
import { browser } from 'wxt/browser';
import type { AlertPrefs, AlertState } from '../../shared/protocol';
import type { MessageHandlers } from '../messages';
import { alertPrefsItem } from '../storage';

/** Whether the browser lets Cleartune show notifications now (the permission is optional). */
export async function notificationsAllowed(): Promise<boolean> {
  if (!browser.notifications) return false;
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

export const anyAlertOn = (prefs: AlertPrefs): boolean =>
  prefs.breakoutGenres.length > 0 || prefs.favoritesTop10;

async function alertState(): Promise<AlertState> {
  return { prefs: await alertPrefsItem.get(), allowed: await notificationsAllowed() };
}

export function alertHandlers(): MessageHandlers {
  return {
    getAlerts: () => alertState(),
    async setAlerts(prefs) {
      await alertPrefsItem.set({ ...prefs, breakoutGenres: [...new Set(prefs.breakoutGenres)] });
      return alertState();
    },
  };
}
