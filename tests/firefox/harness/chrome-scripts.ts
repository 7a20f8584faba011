/**
 * Code that runs inside Firefox with chrome privileges (the session is started with
 * `--remote-allow-system-access`, which lets WebDriver BiDi evaluate in the browser window's chrome
 * context). Kept as strings: it runs in Firefox, not in Node, and uses Firefox's own globals
 * (`gBrowser`, `Services`, `ChromeUtils`).
 */

/** A JS string literal. */
const literal = (value: unknown) => JSON.stringify(value);

/**
 * Opens `url` in a new, selected tab and answers its WebDriver BiDi context id. Firefox refuses a
 * navigation to `moz-extension://` pages from WebDriver; a tab opened by the browser itself, as the
 * toolbar button or `runtime.openOptionsPage` would, loads them.
 */
export const addTab = (url: string) => `(() => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const tab = gBrowser.addTab(${literal(url)}, {
    triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
  });
  gBrowser.selectedTab = tab;
  return NavigableManager.getIdForBrowser(tab.linkedBrowser);
})()`;

/**
 * Collects every error-level message from every Firefox process into `globalThis.__cleartuneErrors`
 * of the browser window: uncaught exceptions and CSP violations (nsIScriptError, which content
 * processes forward to the parent) and `console.error` calls (the console API storage of each
 * process, through a process script). Firefox's own chrome code is left out; the background page,
 * the sidebar, extension tabs, content scripts and the test's pages are all in.
 */
export const collectErrors = `(() => {
  if (globalThis.__cleartuneErrors) return;
  const errors = (globalThis.__cleartuneErrors = []);
  const ours = (source) => !/^(chrome|resource|jar|about):/.test(source || '');
  Services.console.registerListener({
    observe(message) {
      if (!(message instanceof Ci.nsIScriptError)) return;
      if (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return;
      if (!ours(message.sourceName)) return;
      // Firefox's note that an extension API call of a page already closed (a sidebar or popup the
      // person shut while it was loading) settled after all: nothing is left to act on it. Chrome
      // drops such answers without a word.
      if (/^Promise (resolved|rejected) after context unloaded/.test(message.errorMessage)) return;
      const frames = [];
      for (let frame = message.stack; frame && frames.length < 8; frame = frame.parent)
        frames.push((frame.functionDisplayName || '?') + '@' + String(frame.source).split('/').pop() + ':' + frame.line + ':' + frame.column);
      errors.push('error: ' + message.errorMessage.trim() + ' (' + message.sourceName + ':' + message.lineNumber + ':' + message.columnNumber + ')' + (frames.length ? ' at ' + frames.join(' < ') : ''));
    },
  });
  Services.ppmm.addMessageListener('cleartune-test:console', ({ data }) => {
    if (ours(data.file)) errors.push('console.error: ' + data.text + ' (' + data.file + ')');
  });
  const processScript = () => {
    const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
    storage.addLogEventListener((event) => {
      const message = event.wrappedJSObject ?? event;
      if (message.level !== 'error') return;
      const text = Array.from(message.arguments ?? [], (arg) => {
        try { return typeof arg === 'string' ? arg : String(arg?.stack ?? arg?.message ?? JSON.stringify(arg)); }
        catch { return String(arg); }
      }).join(' ');
      sendAsyncMessage('cleartune-test:console', { text, file: message.filename });
    }, Services.scriptSecurityManager.getSystemPrincipal());
  };
  Services.ppmm.loadProcessScript('data:,(' + encodeURIComponent(processScript.toString()) + ')()', true);
})()`;

/** The errors collected so far, and a clean slate. */
export const takeErrors = `(() => {
  const errors = globalThis.__cleartuneErrors ?? [];
  globalThis.__cleartuneErrors = [];
  return JSON.stringify(errors);
})()`;

/** Where each extension view's `<browser>` is, from the chrome document it is evaluated in. */
export const VIEW_BROWSER = {
  /** In the sidebar's document (`webext-panels.xhtml`). */
  sidebar: "document.getElementById('webext-panels-browser')",
  /** In the browser window: the toolbar button's popup panel. */
  popup: "document.querySelector('.webextension-popup-browser')",
} as const;

/**
 * Runs `fn(window, ...args)` in the extension page an extension view shows (the sidebar, the
 * toolbar popup: remote browsers no WebDriver context reaches) through a frame script, and
 * answers its JSON result. The function sees the page's DOM through Firefox's X-ray wrappers: DOM
 * properties and methods, not page variables.
 */
export const inView = (findBrowser: string, fnSource: string, args: unknown[]) => {
  const id = `cleartune-test:${Math.random().toString(36).slice(2)}`;
  const frameScript = `(async () => {
    try {
      const value = await (${fnSource})(content, ...${literal(args)});
      sendAsyncMessage(${literal(id)}, { ok: true, value: JSON.stringify(value ?? null) });
    } catch (error) {
      sendAsyncMessage(${literal(id)}, { ok: false, error: String(error?.message ?? error) });
    }
  })()`;
  return `new Promise((resolve, reject) => {
    const browser = ${findBrowser};
    if (!browser) return reject(new Error('that view shows no extension page'));
    const mm = browser.messageManager;
    const listener = ({ data }) => {
      mm.removeMessageListener(${literal(id)}, listener);
      data.ok ? resolve(data.value) : reject(new Error(data.error));
    };
    mm.addMessageListener(${literal(id)}, listener);
    // A page going away never answers: give up rather than wait for the protocol's timeout.
    setTimeout(() => {
      mm.removeMessageListener(${literal(id)}, listener);
      reject(new Error('the view did not answer'));
    }, 5000);
    mm.loadFrameScript('data:,' + encodeURIComponent(${literal(frameScript)}), false);
  })`;
};

/** The URL an extension view shows, or null when it is not open. */
export const viewUrl = (findBrowser: string) => `(() => {
  const browser = ${findBrowser};
  return browser?.currentURI?.spec ?? null;
})()`;

/**
 * Presses the add-on's toolbar button (Firefox's own "as if clicked by a user": the popup, or
 * `action.onClicked` when the button has no popup).
 */
export const pressToolbarButton = (geckoId: string) => `(() => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = WebExtensionPolicy.getByID(${literal(geckoId)}).extension;
  ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
})()`;

/** Closes the sidebar, as its close button does. */
export const closeSidebar = `(() => {
  SidebarController.hide();
  return SidebarController.isOpen;
})()`;

/** Switches Firefox's offline mode (what "Work Offline" does): `navigator.onLine` follows. */
export const setOffline = (offline: boolean) => `(() => {
  Services.io.manageOfflineStatus = false;
  Services.io.offline = ${literal(offline)};
  return Services.io.offline;
})()`;

/**
 * Stops the add-on's event page as Firefox does after it has been idle (its state answered:
 * `stopped`); the next event or message starts it again.
 */
export const suspendBackground = (geckoId: string) => `(async () => {
  const extension = WebExtensionPolicy.getByID(${literal(geckoId)}).extension;
  await extension.terminateBackground({ disableResetIdleForTest: true });
  return extension.backgroundState;
})()`;

/** The event page's state: `starting`, `running`, `suspending` or `stopped`. */
export const backgroundState = (geckoId: string) =>
  `WebExtensionPolicy.getByID(${literal(geckoId)}).extension.backgroundState`;

/**
 * Waits for the add-on permission prompt ("Cleartune requests additional permissions") and answers
 * it with its main button (`allow`) or its secondary one; answers what the prompt listed.
 */
export const answerPermissionPrompt = (allow: boolean) => `new Promise((resolve, reject) => {
  const until = Date.now() + 10000;
  const look = () => {
    const notification = PopupNotifications.getNotification('addon-webext-permissions');
    const element = PopupNotifications.panel.querySelector('popupnotification');
    if (notification && element) {
      const listed = Array.from(element.querySelectorAll('li, description, .addon-webext-perm-text'), (node) => node.textContent.trim()).filter(Boolean);
      const button = ${allow} ? element.button : element.secondaryButton;
      button.click();
      resolve(JSON.stringify({ listed }));
      return;
    }
    if (Date.now() > until) return reject(new Error('no permission prompt'));
    setTimeout(look, 100);
  };
  look();
})`;

/**
 * Waits for the page's context menu (the one a right-click opens), then until one of the add-on's
 * items has a label starting with `expected` (the menu may be redrawn once the add-on hears of the
 * field; up to 8 s, then it is read as it is), and answers the add-on's items with whether each is
 * enabled. `choose` (a label prefix) activates that item as a person's click does; else the menu
 * is closed.
 */
export const contextMenu = (
  choose: string | null,
  expected: string | null,
) => `new Promise((resolve, reject) => {
  const menu = document.getElementById('contentAreaContextMenu');
  const opened = Date.now() + 10000;
  let settled = 0;
  // A person reads the menu before clicking: the items must have stayed the same for 1 s (a
  // redraw replaces them).
  let seen = [];
  let since = 0;
  const ours = () => Array.from(menu.querySelectorAll('menuitem')).filter((item) => !item.hidden && item.id.includes('cleartune'));
  const look = () => {
    if (menu.state !== 'open') {
      if (Date.now() > opened) return reject(new Error('no context menu opened'));
      return setTimeout(look, 50);
    }
    settled ||= Date.now() + 8000;
    const items = ours();
    const same = items.length === seen.length && items.every((item, i) => item === seen[i] && item.label === seen[i].seenLabel);
    if (!same) {
      seen = items;
      for (const item of items) item.seenLabel = item.label;
      since = Date.now();
    }
    const wanted = ${literal(expected)};
    const found = wanted === null || items.some((item) => item.label.startsWith(wanted));
    if ((!found || Date.now() - since < 1000) && Date.now() < settled) return setTimeout(look, 50);
    const listed = items.map((item) => ({ label: item.label, enabled: !item.disabled }));
    const chosen = ${literal(choose)} === null ? null : items.find((item) => item.label.startsWith(${literal(choose)}));
    if (chosen) menu.activateItem(chosen);
    else menu.hidePopup();
    resolve(JSON.stringify(listed));
  };
  look();
})`;

/**
 * Runs the add-on's keyboard shortcut `key` with `modifiers` (e.g. "I", "alt,shift") as Firefox
 * does when it is pressed: through the key Firefox registered for it in the window. WebDriver's
 * key presses reach the page, not the browser's shortcut keys. Answers whether the key exists.
 */
export const pressShortcut = (geckoId: string, key: string, modifiers: string) => `(() => {
  const keyset = document.getElementById('ext-keyset-id-' + ${literal(geckoId)}.replace(/[^a-z0-9_-]/gi, '_'));
  const element = Array.from(keyset?.children ?? []).find(
    (k) => k.getAttribute('key') === ${literal(key)} && k.getAttribute('modifiers') === ${literal(modifiers)},
  );
  element?.doCommand();
  return Boolean(element);
})()`;

/** The text on Firefox's clipboard (what a paste would insert). */
export const readClipboard = `(() => {
  const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
  transferable.init(null);
  transferable.addDataFlavor('text/plain');
  Services.clipboard.getData(transferable, Services.clipboard.kGlobalClipboard, null);
  const data = {};
  try {
    transferable.getTransferData('text/plain', data);
  } catch {
    return null;
  }
  return data.value?.QueryInterface(Ci.nsISupportsString).data ?? null;
})()`;

/** Waits (up to 10 s) for the sidebar Firefox opens when an add-on with one is installed. */
export const sidebarOpened = `new Promise((resolve) => {
  const until = Date.now() + 10000;
  const look = () => {
    const open = SidebarController.isOpen && /sidebar-action$/.test(SidebarController.currentID ?? '');
    if (open || Date.now() > until) return resolve(open);
    setTimeout(look, 50);
  };
  look();
})`;
