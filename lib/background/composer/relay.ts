import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { toChosen } from '../../shared/clips';
import type { FillResult, StudioReport } from '../../shared/protocol';
import { isComposerOrigin, originPattern } from '../../shared/site-origin';
import type { ChosenTrack } from '../../shared/track';
import { type MessageHandlers, sendTabMessage } from '../messages';
import { createSerialQueue } from '../serial-queue';
import { maskSettings } from '../settings/settings';
import { chosenItem, lastComposerItem, settingsItem, studioTabsItem } from '../storage';
import { addComposerSite, removeComposerSite, syncComposerSites } from './composer-sites';

export const NOT_FILLED: FillResult = { filledInto: null, message: 'Chosen — open a composer to fill it' };

export interface ComposerBackgroundDeps {
  now(): number;
  /** The static content-script matches (TikTok Studio, and the test origin in the e2e build). */
  staticMatches(): string[];
}

const defaultDeps: ComposerBackgroundDeps = {
  now: () => Date.now(),
  staticMatches: () =>
    (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []),
};

async function tabExists(tabId: number): Promise<boolean> {
  try {
    return Boolean(await browser.tabs.get(tabId));
  } catch {
    return false;
  }
}

/** The toolbar shows that a track is chosen, and which, so "Use" has visible effect with no composer open. */
export async function showChosenOnBadge(chosen: ChosenTrack | null): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  await action.setBadgeText({ text: chosen ? '♪' : '' });
  await action.setBadgeBackgroundColor({ color: '#6d28d9' });
  await action.setTitle({
    title: chosen
      ? `Cleartune — chosen: ${chosen.title}${chosen.artist ? ` — ${chosen.artist}` : ''}`
      : 'Cleartune',
  });
}

/** Tabs where the composer content script runs: the static matches and the user's composer sites. */
async function composerTabIds(deps: ComposerBackgroundDeps): Promise<number[]> {
  const { composerSites } = await settingsItem.get();
  // Only sites today's rules accept: a stored `http://localhost:3000` made every pattern, and "Use", fail.
  const sites = composerSites.filter(isComposerOrigin).map(originPattern);
  const patterns = [...deps.staticMatches(), ...sites].map((pattern) => new MatchPattern(pattern));
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) =>
    tab.id !== undefined && tab.url && patterns.some((pattern) => pattern.includes(tab.url as string))
      ? [tab.id]
      : [],
  );
}

/** Tabs whose Studio report is kept: the most recent ones, should tabs never be closed. */
const MAX_STUDIO_TABS = 50;

/** Reports from several tabs at once: each applied to the latest stored value. */
const studioWrites = createSerialQueue();

function rememberStudio(tabId: number, report: StudioReport): Promise<void> {
  return studioWrites(async () => {
    const { [String(tabId)]: _previous, ...others } = await studioTabsItem.get();
    const kept = Object.entries(others).slice(-(MAX_STUDIO_TABS - 1));
    await studioTabsItem.set({ ...Object.fromEntries(kept), [String(tabId)]: report });
  });
}

function forgetStudio(tabId: number): Promise<void> {
  return studioWrites(async () => {
    const tabs = await studioTabsItem.get();
    if (!(String(tabId) in tabs)) return;
    const { [String(tabId)]: _gone, ...others } = tabs;
    await studioTabsItem.set(others);
  });
}

/** The background's side of the composer: the chosen track, the last composer tab, filling, sites. */
export function composerHandlers(deps: ComposerBackgroundDeps = defaultDeps): MessageHandlers {
  return {
    getChosen: () => chosenItem.get(),
    async composerPresence(presence, sender) {
      const tabId = sender.tab?.id;
      if (tabId !== undefined && presence.studio) await rememberStudio(tabId, presence.studio);
      if (tabId === undefined || !presence.hasComposer || !(presence.focused || presence.visible))
        return null;
      const last = await lastComposerItem.get();
      // Merely visible does not take over from a composer the user focused in another tab or frame.
      if (!presence.focused && last && last.tabId !== tabId && (await tabExists(last.tabId))) return null;
      const frameId = presence.focused ? sender.frameId : last?.tabId === tabId ? last.frameId : undefined;
      await lastComposerItem.set({
        tabId,
        ...(frameId === undefined ? {} : { frameId }),
        label: presence.label,
        at: deps.now(),
      });
      return null;
    },
    async useTrack({ track, clip }) {
      const chosen = toChosen(track, clip, deps.now());
      await chosenItem.set(chosen);
      await showChosenOnBadge(chosen);
      const tabIds = await composerTabIds(deps);
      await Promise.allSettled(tabIds.map((tabId) => sendTabMessage(tabId, 'chosenChanged', chosen)));
      const last = await lastComposerItem.get();
      if (!last) return NOT_FILLED;
      if (!(await tabExists(last.tabId))) {
        await lastComposerItem.remove();
        return NOT_FILLED;
      }
      try {
        // Several frames of a tab can hold composers: the one focused last answers, not the fastest.
        return await sendTabMessage(last.tabId, 'fillChosen', chosen, last.frameId);
      } catch {
        if (last.frameId === undefined) return NOT_FILLED; // no frame in that tab has a composer any more
        try {
          return await sendTabMessage(last.tabId, 'fillChosen', chosen);
        } catch {
          return NOT_FILLED;
        }
      }
    },
    getTabStudio: async ({ tabId }) => (await studioTabsItem.get())[String(tabId)] ?? null,
    addComposerSite: async ({ origin }) => maskSettings(await addComposerSite(origin)),
    removeComposerSite: async ({ origin }) => maskSettings(await removeComposerSite(origin)),
  };
}

/** Forgets a closed composer tab, keeps site registrations in line with settings, restores the badge. */
export function setupComposerRelay(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void lastComposerItem
      .get()
      .then((last) => (last?.tabId === tabId ? lastComposerItem.remove() : undefined));
    void forgetStudio(tabId).catch(() => {});
  });
  // A tab that loads another page reports again if Studio is there; until then it has no report.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetStudio(tabId).catch(() => {});
  });
  browser.permissions.onRemoved?.addListener(() => {
    void syncComposerSites().catch(() => {});
  });
  void syncComposerSites().catch((error: unknown) =>
    console.warn('Cleartune: composer sites not synced', error),
  );
  void chosenItem
    .get()
    .then(showChosenOnBadge)
    .catch(() => {});
}
