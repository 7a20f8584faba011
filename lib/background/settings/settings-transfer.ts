/** Settings as a file: export (keys only when asked) and import, field by field. */

import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { MaskedSettings, Settings } from '../../shared/protocol';
import { dateRangeSchema, genreSchema } from '../schemas/genres';
import { apiKeySchema, favoritesSchema } from '../schemas/settings';
import { favoritesItem, settingsItem } from '../storage';
import { type SettingsDeps, settingsChanged } from './settings';
import { changeFavorites, changeSettings } from './settings-store';

const EXPORT_FORMAT = 'cleartune-settings';

/** A file a user can keep or move to another browser: defaults, team, favorites; keys only when asked. */
export async function exportSettings(includeKeys: boolean, now: number): Promise<Record<string, unknown>> {
  const [settings, favorites] = await Promise.all([settingsItem.get(), favoritesItem.get()]);
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

const importFields = {
  teamId: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  defaultGenre: genreSchema,
  defaultRange: dateRangeSchema,
  favorites: favoritesSchema,
  bundleSocialKey: apiKeySchema,
  layersKey: apiKeySchema,
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
    throw new Error(i18n.t('background.import.notExport'));
  }
  const taken: Partial<Settings> = {};
  const warnings: string[] = [];
  let favorites: string[] | null = null;
  for (const [field, value] of Object.entries(data)) {
    if (INFORMATIONAL.has(field)) continue;
    if (field === 'composerSites') {
      if (Array.isArray(value) && value.length > 0) {
        warnings.push(i18n.t('background.import.sitesNotImported'));
      }
      continue;
    }
    if (!Object.hasOwn(importFields, field)) {
      warnings.push(i18n.t('background.import.unknownField', { field: field.slice(0, 40) }));
      continue;
    }
    if ((field === 'bundleSocialKey' || field === 'layersKey') && value == null) continue;
    const parsed = importFields[field as keyof typeof importFields].safeParse(value);
    if (!parsed.success) {
      warnings.push(i18n.t('background.import.invalidField', { field }));
      continue;
    }
    if (field === 'favorites') favorites = parsed.data as string[];
    else Object.assign(taken, { [field]: parsed.data });
  }
  if (favorites) {
    const imported = favorites;
    await changeFavorites((current) => [...new Set([...current, ...imported])]);
  }
  const { previous, next } = await changeSettings((latest) => ({ ...latest, ...taken }));
  return { settings: await settingsChanged(previous, next, deps), warnings };
}
