/** Settings as extension pages handle them: keys masked on the way out, saves as patches. */
import type * as z from 'zod/mini';
import type { MaskedSettings, Settings, Team } from '../../shared/protocol';
import type { settingsPatchSchema } from '../schemas/settings';
import { rateLimitItem, settingsItem } from '../storage';
import { changeSettings } from './settings-store';

/** `pk_live_…9f2c`: enough to recognise a key, never enough to use it. Short keys show less. */
export function maskKey(key: string | null): string | null {
  if (!key) return null;
  if (key.length >= 16) return `${key.slice(0, 8)}…${key.slice(-4)}`;
  return key.length >= 8 ? `…${key.slice(-2)}` : '…';
}

export function maskSettings(settings: Settings): MaskedSettings {
  return {
    ...settings,
    bundleSocialKey: maskKey(settings.bundleSocialKey),
    layersKey: maskKey(settings.layersKey),
  };
}

export interface SettingsDeps {
  listTeams: (apiKey: string) => Promise<{ teams: Team[] }>;
  /** Told when a key or the team changed, so failures they caused are retried. */
  onCredentialsChanged: () => Promise<void>;
}

/** What follows a stored change of keys or team; answers with the settings masked. */
export async function settingsChanged(
  previous: Settings,
  next: Settings,
  deps: SettingsDeps,
): Promise<MaskedSettings> {
  const bundleKeyChanged = next.bundleSocialKey !== previous.bundleSocialKey;
  const layersKeyChanged = next.layersKey !== previous.layersKey;
  if (bundleKeyChanged || layersKeyChanged) {
    // Rate limits are per key: a new key starts with a clean slate.
    const limits = await rateLimitItem.get();
    await rateLimitItem.set({
      ...limits,
      ...(bundleKeyChanged ? { 'bundle-social': undefined } : {}),
      ...(layersKeyChanged ? { layers: undefined } : {}),
    });
  }
  if (bundleKeyChanged || layersKeyChanged || next.teamId !== previous.teamId)
    await deps.onCredentialsChanged();
  return maskSettings(next);
}

/** Patch semantics: an omitted field keeps its value, null clears it. */
export async function saveSettings(
  patch: z.output<typeof settingsPatchSchema>,
  deps: SettingsDeps,
): Promise<MaskedSettings> {
  const newKey = patch.bundleSocialKey ?? null;
  // With exactly one team there is nothing to choose: pick it, so the catalog works at once. Asked
  // before the change is queued, so a slow request never holds up another window's save.
  let onlyTeam: string | null = null;
  if (newKey && patch.teamId === undefined) {
    if ((await settingsItem.get()).bundleSocialKey !== newKey) {
      const { teams } = await deps.listTeams(newKey);
      if (teams.length === 1 && teams[0]) onlyTeam = teams[0].id;
    }
  }
  const { previous, next } = await changeSettings((latest) => {
    const next: Settings = { ...latest };
    if (patch.bundleSocialKey !== undefined) next.bundleSocialKey = patch.bundleSocialKey;
    if (patch.layersKey !== undefined) next.layersKey = patch.layersKey;
    if (patch.teamId !== undefined) next.teamId = patch.teamId?.trim() || null;
    if (patch.defaultGenre) next.defaultGenre = patch.defaultGenre;
    if (patch.defaultRange) next.defaultRange = patch.defaultRange;
    if (onlyTeam && next.bundleSocialKey !== latest.bundleSocialKey) next.teamId = onlyTeam;
    return next;
  });
  return settingsChanged(previous, next, deps);
}
