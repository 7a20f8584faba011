import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { i18n } from '#i18n';
import { toChosen } from '../../shared/clips';
import type { FillResult, TabStatus } from '../../shared/protocol';
import { isComposerOrigin, originPattern } from '../../shared/site-origin';
import type { ChosenTrack } from '../../shared/track';
import { type MessageHandlers, sendTabMessage } from '../messages';
import { createSerialQueue } from '../serial-queue';
import { maskSettings } from '../settings/settings';
import { chosenItem, composerFramesItem, lastComposerItem, settingsItem } from '../storage';
import { recordFillResult, recordVerified } from '../usage/usage-record';
import { addComposerSite, removeComposerSite, syncComposerSites } from './composer-sites';

export const NOT_FILLED: FillResult = { filledInto: null, message: i18n.t('background.fill.notFilled') };
export const NO_COMPOSER_HERE: FillResult = {
  filledInto: null,
  message: i18n.t('background.fill.noComposerHere'),
};

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
  const title = chosen
    ? i18n.t('background.chosenTitle', {
        track: chosen.artist ? `${chosen.title} — ${chosen.artist}` : chosen.title,
      })
    : 'Cleartune';
  await action.setTitle({ title });
  await Promise.allSettled([...tabTitles].map((tabId) => action.setTitle({ title, tabId })));
}

/**
 * Tabs given a title of their own (a reason nothing was inserted there). Chrome cannot clear a
 * tab's title back to the global one, so each is set to the global title, and kept in step.
 */
const tabTitles = new Set<number>();

/** Puts a tab's button title back to what every tab shows. */
export async function followGlobalTitle(tabId: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  tabTitles.add(tabId);
  await action.setTitle({ title: await action.getTitle({}), tabId });
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

/** Frames whose report is kept: the most recent ones, should tabs never be closed. */
const MAX_COMPOSER_FRAMES = 100;

/** Presence reports, handled in the order they arrive. */
const presenceReports = createSerialQueue();

/** Reports from several frames at once: each applied to the latest stored value. */
const frameWrites = createSerialQueue();

const frameKey = (tabId: number, frameId: number) => `${tabId}:${frameId}`;

/**
 * Keeps (or, with null, forgets) what one frame of a tab reported about its composers; true when
 * Studio now shows the chosen track attached and did not before (a verified attach).
 */
function rememberFrame(tabId: number, frameId: number, status: TabStatus | null): Promise<boolean> {
  const key = frameKey(tabId, frameId);
  return frameWrites(async () => {
    const { [key]: previous, ...others } = await composerFramesItem.get();
    if (!status && !previous) return false;
    const verified = status?.studio?.verdict === 'chosen' && previous?.studio?.verdict !== 'chosen';
    const kept = Object.entries(others).slice(-(MAX_COMPOSER_FRAMES - 1));
    await composerFramesItem.set({ ...Object.fromEntries(kept), ...(status ? { [key]: status } : {}) });
    return verified;
  });
}

function forgetTab(tabId: number): Promise<void> {
  return frameWrites(async () => {
    const frames = await composerFramesItem.get();
    const kept = Object.entries(frames).filter(([key]) => !key.startsWith(`${tabId}:`));
    if (kept.length !== Object.keys(frames).length) await composerFramesItem.set(Object.fromEntries(kept));
  });
}

/** A frame of the tab holding a composer, Studio's first. */
async function composerFrame(tabId: number): Promise<number | undefined> {
  const frames = Object.entries(await composerFramesItem.get()).filter(
    ([key, status]) => key.startsWith(`${tabId}:`) && (status.studio || status.composers > 0),
  );
  const [key] = frames.find(([, status]) => status.studio) ?? frames[0] ?? [];
  return key === undefined ? undefined : Number(key.split(':')[1]);
}

/** A tab's frames taken together: Studio's report when it has one, and every composer counted. */
export async function tabStatus(tabId: number): Promise<TabStatus | null> {
  const frames = Object.entries(await composerFramesItem.get())
    .filter(([key]) => key.startsWith(`${tabId}:`))
    .map(([, status]) => status);
  if (frames.length === 0) return null;
  const studio = frames.find((frame) => frame.studio)?.studio ?? null;
  const named =
    frames.find((frame) => frame.studio) ?? frames.find((frame) => frame.composers > 0) ?? frames[0];
  return {
    label: named?.label ?? '',
    composers: frames.reduce((sum, frame) => sum + frame.composers, 0),
    studio,
  };
}

/** The background's side of the composer: the chosen track, the last composer tab, filling, sites. */
export function composerHandlers(deps: ComposerBackgroundDeps = defaultDeps): MessageHandlers {
  return {
    getChosen: () => chosenItem.get(),
    // Applied one at a time in the order they came: a frame's older report never lands after a
    // newer one from the frame the user moved to.
    composerPresence: (presence, sender) =>
      presenceReports(async () => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined) {
          const composers = presence.composers ?? (presence.hasComposer ? 1 : 0);
          const verified = await rememberFrame(
            tabId,
            sender.frameId ?? 0,
            presence.hasComposer || presence.studio
              ? { label: presence.label, composers, studio: presence.studio ?? null }
              : null,
          );
          // The chosen track attached on Studio and checked there: recorded as a verified use, once
          // per choice (a reload, a draft reopened or the label flickering shows it again).
          const chosen = verified ? await chosenItem.get() : null;
          if (chosen) await recordVerified(chosen, deps.now()).catch(() => {});
        }
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
      }),
    async useTrack({ track, clip, tabId, from }) {
      const chosen = toChosen(track, clip, deps.now(), from);
      const result = await fillWith(chosen, tabId);
      await recordFillResult(chosen, result, deps.now()).catch(() => {});
      return result;
    },
    getTabStatus: ({ tabId }) => tabStatus(tabId),
    addComposerSite: async ({ origin }) => maskSettings(await addComposerSite(origin)),
    removeComposerSite: async ({ origin }) => maskSettings(await removeComposerSite(origin)),
  };

  /** Stores the choice, tells every composer tab, and fills the tab asked for or the one focused last. */
  async function fillWith(chosen: ChosenTrack, tabId: number | undefined): Promise<FillResult> {
    await chosenItem.set(chosen);
    await showChosenOnBadge(chosen);
    const tabIds = await composerTabIds(deps);
    await Promise.allSettled(tabIds.map((id) => sendTabMessage(id, 'chosenChanged', chosen)));
    const lastFocused = await lastComposerItem.get();
    // From the side panel: the tab beside it, in the frame focused last if that was this tab.
    const last =
      tabId === undefined
        ? lastFocused
        : (await tabStatus(tabId))
          ? {
              tabId,
              frameId: lastFocused?.tabId === tabId ? lastFocused.frameId : await composerFrame(tabId),
            }
          : null;
    if (!last) return tabId === undefined ? NOT_FILLED : NO_COMPOSER_HERE;
    if (!(await tabExists(last.tabId))) {
      // Forgotten only if it is that tab: the panel's closed tab says nothing of another one.
      if (lastFocused?.tabId === last.tabId) await lastComposerItem.remove();
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
  }
}

/** Forgets a closed composer tab, keeps site registrations in line with settings, restores the badge. */
export function setupComposerRelay(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    tabTitles.delete(tabId);
    void lastComposerItem
      .get()
      .then((last) => (last?.tabId === tabId ? lastComposerItem.remove() : undefined));
    void forgetTab(tabId).catch(() => {});
  });
  // A tab that loads another page reports again if it has a composer; until then it has no report.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId).catch(() => {});
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
