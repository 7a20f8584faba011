/**
 * Composer sites the user enabled in options: the composer content script is registered there at
 * run time (`scripting.registerContentScripts`, kept across sessions), and the registrations are
 * brought back in line with the settings each time the background starts.
 */
import { browser } from 'wxt/browser';
import { normalizeOrigin, originPattern } from '../../shared/site-origin';
import { type Settings, settingsItem } from '../storage';

export const SCRIPT_ID_PREFIX = 'cleartune-composer:';
/** The built composer content script (WXT's output name for `entrypoints/composer.content.ts`). */
export const COMPOSER_SCRIPT_FILE = 'content-scripts/composer.js';

export const scriptIdFor = (origin: string): string => `${SCRIPT_ID_PREFIX}${origin}`;

let queue: Promise<unknown> = Promise.resolve();
/** Site changes run one at a time: a registration racing an unregistration would leave either. */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

const hasAccess = (origin: string) => browser.permissions.contains({ origins: [originPattern(origin)] });

async function register(origin: string): Promise<void> {
  const id = scriptIdFor(origin);
  const script = {
    id,
    matches: [originPattern(origin)],
    js: [COMPOSER_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

async function unregister(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    await browser.scripting.unregisterContentScripts({ ids });
  } catch {
    // Already gone: nothing to undo.
  }
}

export function addComposerSite(input: string): Promise<Settings> {
  const origin = normalizeOrigin(input);
  return serially(async () => {
    if (!(await hasAccess(origin))) {
      throw new Error(
        `Cleartune may not open ${origin} yet: allow access when your browser asks, then add it again.`,
      );
    }
    await register(origin);
    const settings = await settingsItem.get();
    const next = { ...settings, composerSites: [...new Set([...settings.composerSites, origin])] };
    await settingsItem.set(next);
    return next;
  });
}

export function removeComposerSite(input: string): Promise<Settings> {
  const origin = normalizeOrigin(input);
  return serially(async () => {
    await unregister([scriptIdFor(origin)]);
    try {
      await browser.permissions.remove({ origins: [originPattern(origin)] });
    } catch {
      // A permission the manifest requires cannot be given back; the script is gone all the same.
    }
    const settings = await settingsItem.get();
    const next = { ...settings, composerSites: settings.composerSites.filter((site) => site !== origin) };
    await settingsItem.set(next);
    return next;
  });
}

/**
 * Registers every enabled site that is missing, unregisters ours that are no longer enabled, and
 * forgets sites whose access the user revoked in the browser.
 */
export function syncComposerSites(): Promise<void> {
  return serially(async () => {
    const settings = await settingsItem.get();
    const allowed: string[] = [];
    for (const origin of settings.composerSites) if (await hasAccess(origin)) allowed.push(origin);
    if (allowed.length !== settings.composerSites.length) {
      await settingsItem.set({ ...settings, composerSites: allowed });
    }
    const registered = (await browser.scripting.getRegisteredContentScripts())
      .map((script) => script.id)
      .filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
    const wanted = new Set(allowed.map(scriptIdFor));
    await unregister(registered.filter((id) => !wanted.has(id)));
    for (const origin of allowed) if (!registered.includes(scriptIdFor(origin))) await register(origin);
  });
}
