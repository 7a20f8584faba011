import { browser } from 'wxt/browser';
import { sendFromPage } from '../shared/messages';
import type { OptionsDeps } from './deps';

/** The options page's outside world in a real extension page; component tests build their own. */
export function browserOptionsDeps(): OptionsDeps {
  return {
    send: sendFromPage,
    requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
    requestPermission: (permission) => browser.permissions.request({ permissions: [permission] }),
    removePermission: (permission) => browser.permissions.remove({ permissions: [permission] }),
    download: (fileName, text, type = 'application/json') => {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    // Chrome lists shortcuts on a page only the extension can open; Firefox has its own function.
    openShortcuts() {
      const commands = browser.commands as typeof browser.commands & {
        openShortcutSettings?: () => Promise<void>;
      };
      if (commands.openShortcutSettings) void commands.openShortcutSettings().catch(() => {});
      else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => {});
    },
    watchSettings(changed) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        // `secrets` holds the sealed keys, stored apart from the rest of the settings.
        if (area === 'local' && ('settings' in changes || 'secrets' in changes)) changed();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
