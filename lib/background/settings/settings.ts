/** Settings as the options page handles them: masked keys, patch saves, export and import. */
import * as z from 'zod/mini';
import type { MaskedSettings, Team } from '../../shared/protocol';
import { rateLimitItem } from '../catalog/query-usage';
import { dateRangeSchema, genreSchema } from '../schemas/genres';
import type { settingsPatchSchema } from '../schemas/protocol';
import { favoritesItem, type Settings, settingsItem } from '../storage';

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

async function store(next: Settings, previous: Settings, deps: SettingsDeps): Promise<MaskedSettings> {
  await settingsItem.set(next);
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
  const previous = await settingsItem.get();
  const next: Settings = { ...previous };
  if (patch.bundleSocialKey !== undefined) next.bundleSocialKey = patch.bundleSocialKey;
  if (patch.layersKey !== undefined) next.layersKey = patch.layersKey;
  if (patch.teamId !== undefined) next.teamId = patch.teamId?.trim() || null;
  if (patch.defaultGenre) next.defaultGenre = patch.defaultGenre;
  if (patch.defaultRange) next.defaultRange = patch.defaultRange;
  const newKey = next.bundleSocialKey !== previous.bundleSocialKey ? next.bundleSocialKey : null;
  if (newKey && patch.teamId === undefined) {
    // With exactly one team there is nothing to choose: pick it, so the catalog works at once.
    const { teams } = await deps.listTeams(newKey);
    if (teams.length === 1 && teams[0]) next.teamId = teams[0].id;
  }
  return store(next, previous, deps);
}

const EXPORT_FORMAT = 'cleartune-settings';

/** A file a user can keep or move to another browser: defaults, team, favorites; keys only when asked. */
export async function exportSettings(includeKeys: boolean, now: number): Promise<Record<string, unknown>> {
  const settings = await settingsItem.get();
  const favorites = await favoritesItem.get();
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: new Date(now).toISOString(),
    teamId: settings.teamId,
    defaultGenre: settings.defaultGenre,
    defaultRange: settings.defaultRange,
    composerSites: settings.composerSites,
    favorites,
    ...(includeKeys ? { bundleSocialKey: settings.bundleSocialKey, layersKey: settings.layersKey } : {}),
  };
}

const key = z.string().check(z.trim(), z.minLength(1), z.maxLength(512));
const importFields = {
  teamId: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  defaultGenre: genreSchema,
  defaultRange: dateRangeSchema,
  favorites: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(5000)),
  bundleSocialKey: key,
  layersKey: key,
} as const;
const INFORMATIONAL = new Set(['format', 'version', 'exportedAt']);

/**
 * Takes what it can from an export: each field on its own, so one bad value does not cost the rest.
 * Unknown fields and bad values are reported, never fatal. Keys are taken only when present.
 */
export async function importSettings(
  data: Record<string, unknown>,
  deps: SettingsDeps,
): Promise<{ settings: MaskedSettings; warnings: string[] }> {
  if (data.format !== undefined && data.format !== EXPORT_FORMAT) {
    throw new Error('This file is not a Cleartune settings export: choose a file Cleartune exported.');
  }
  const previous = await settingsItem.get();
  const next: Settings = { ...previous };
  const warnings: string[] = [];
  let favorites: string[] | null = null;
  for (const [field, value] of Object.entries(data)) {
    if (INFORMATIONAL.has(field)) continue;
    if (field === 'composerSites') {
      if (Array.isArray(value) && value.length > 0) {
        warnings.push(
          'Composer sites were not imported: add them again in Settings so your browser can grant access.',
        );
      }
      continue;
    }
    if (!Object.hasOwn(importFields, field)) {
      warnings.push(`Ignored the unknown field "${field.slice(0, 40)}".`);
      continue;
    }
    if ((field === 'bundleSocialKey' || field === 'layersKey') && value == null) continue;
    const parsed = importFields[field as keyof typeof importFields].safeParse(value);
    if (!parsed.success) {
      warnings.push(`Ignored "${field}": its value is not valid.`);
      continue;
    }
    if (field === 'favorites') favorites = parsed.data as string[];
    else Object.assign(next, { [field]: parsed.data });
  }
  if (favorites) {
    const current = await favoritesItem.get();
    await favoritesItem.set([...new Set([...current, ...favorites])].slice(0, 5000));
  }
  return { settings: await store(next, previous, deps), warnings };
}

/** Adds or removes a favorite (by `trackKey`); answers with the new list. */
export async function toggleFavorite(trackKey: string): Promise<string[]> {
  const favorites = await favoritesItem.get();
  const next = favorites.includes(trackKey)
    ? favorites.filter((k) => k !== trackKey)
    : [...favorites, trackKey];
  await favoritesItem.set(next.slice(-5000));
  return next.slice(-5000);
}
