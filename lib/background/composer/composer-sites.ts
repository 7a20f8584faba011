/**
 * Composer sites the user enabled in options: the composer content script is registered there at
 * run time (`scripting.registerContentScripts`, kept across sessions), and the registrations are
 * brought back in line with the settings each time the background starts. Registration runs inside
 * the settings change, so a registration racing an unregistration cannot leave either behind.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Settings } from '../../shared/protocol';
import { isComposerOrigin, normalizeOrigin, originPattern } from '../../shared/site-origin';
import { changeSettings } from '../settings/settings-store';

export const SCRIPT_ID_PREFIX = 'cleartune-composer:';
/** The built composer content script (WXT's output name for `entrypoints/composer.content.ts`). */
export const COMPOSER_SCRIPT_FILE = 'content-scripts/composer.js';

export const scriptIdFor = (origin: string): string => `${SCRIPT_ID_PREFIX}${origin}`;

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

export async function addComposerSite(input: string): Promise<Settings> {
  const origin = normalizeOrigin(input);
  const { next } = await changeSettings(async (latest) => {
    if (!(await hasAccess(origin))) {
      throw new Error(i18n.t('background.siteNotAllowed', { origin }));
    }
    await register(origin);
    return { ...latest, composerSites: [...new Set([...latest.composerSites, origin])] };
  });
  return next;
}

export async function removeComposerSite(input: string): Promise<Settings> {
  const { next } = await changeSettings(async (latest) => {
    // A stored site is removed as stored, even one today's rules refuse (an older release's port).
    const origin = latest.composerSites.includes(input) ? input : normalizeOrigin(input);
    await unregister([scriptIdFor(origin)]);
    try {
      await browser.permissions.remove({ origins: [originPattern(origin)] });
    } catch {
      // A permission the manifest requires, or a pattern this browser cannot read: nothing to give back.
    }
    return { ...latest, composerSites: latest.composerSites.filter((site) => site !== origin) };
  });
  return next;
}

/** Whether the browser still grants a site; a pattern it cannot read counts as not granted. */
async function stillGranted(origin: string): Promise<boolean> {
  try {
    return isComposerOrigin(origin) && (await hasAccess(origin));
  } catch {
    return false;
  }
}

/**
 * Registers every enabled site that is missing, unregisters ours that are no longer enabled, and
 * forgets sites whose access the user revoked in the browser or that today's rules refuse (a port
 * or IPv6 address stored by an older release): one of those must not stop the others.
 */
export async function syncComposerSites(): Promise<void> {
  await changeSettings(async (latest) => {
    const allowed: string[] = [];
    for (const origin of latest.composerSites) if (await stillGranted(origin)) allowed.push(origin);
    const registered = (await browser.scripting.getRegisteredContentScripts())
      .map((script) => script.id)
      .filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
    const wanted = new Set(allowed.map(scriptIdFor));
    await unregister(registered.filter((id) => !wanted.has(id)));
    for (const origin of allowed) if (!registered.includes(scriptIdFor(origin))) await register(origin);
    return allowed.length === latest.composerSites.length ? latest : { ...latest, composerSites: allowed };
  });
}
