/**
 * The message contract's zod schemas: every payload the background receives is parsed with these
 * before a handler runs. Who may send each message, and the types every context uses, are in
 * `lib/shared/protocol.ts`.
 */
import * as z from 'zod/mini';
import { ALL_GENRES } from '../../shared/genres';
import { MAX_CATALOG_LIMIT, SOURCES } from '../../shared/protocol';
import { alertPrefsSchema, alertStateSchema } from './alerts';
import { dateRangeSchema, genreSchema } from './genres';
import { providerErrorSchema } from './provider-error';
import { apiKeySchema, settingsPatchSchema, settingsSchema } from './settings';
import { chosenTrackSchema, clipChoiceSchema, idKindSchema, providerSchema, trackSchema } from './track';

export const sourceSchema = z.enum(SOURCES);

export const catalogQuerySchema = z.object({
  source: sourceSchema,
  genre: z.union([genreSchema, z.literal(ALL_GENRES)]),
  range: dateRangeSchema,
  /**
   * Only the first this-many tracks in the popup's default order (rank, then the engine's order),
   * with `total` saying how many there are: the popup paints its first screen from these at once.
   */
  limit: z.optional(z.int().check(z.positive(), z.maximum(MAX_CATALOG_LIMIT))),
  /** Answer with the tracks packed (lib/shared/wire.ts): what the popup asks for. */
  packed: z.optional(z.literal(true)),
});

export const catalogStatusSchema = z.enum(['fresh', 'stale', 'refreshing', 'error', 'empty']);

/** The state of one provider's slice of an answer. */
export const catalogPartSchema = z.object({
  provider: providerSchema,
  status: catalogStatusSchema,
  fetchedAt: z.nullable(z.number()),
  dropped: z.int().check(z.nonnegative()),
  error: z.nullable(providerErrorSchema),
});

export const catalogAnswerSchema = z.object({
  tracks: z.array(trackSchema),
  parts: z.array(catalogPartSchema),
  offline: z.boolean(),
  /** Set when a `limit` cut the list: how many tracks the whole answer holds. */
  total: z.optional(z.int().check(z.nonnegative())),
  /** With `packed` asked: the tracks, packed, as JSON text, and `tracks` empty. Made by the background, never parsed. */
  packed: z.optional(z.string()),
});

export const teamSchema = z.object({ id: z.string(), name: z.string() });

export const connectionResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  error: z.nullable(providerErrorSchema),
});

export const fillResultSchema = z.object({
  /** The name of the composer the track went into ("TikTok Studio", "composer.test"), null when none was open. */
  filledInto: z.nullable(z.string()),
  message: z.string(),
  /** Filled, but the field already held this id (not a new use). */
  unchanged: z.optional(z.boolean()),
});

const none = z.undefined();

/** What the content script sees on a TikTok Studio tab, for the popup's line about that tab. */
export const studioReportSchema = z.object({
  form: z.nullable(z.enum(['video', 'photo'])),
  editorOpen: z.boolean(),
  picker: z.nullable(z.enum(['sounds', 'photo'])),
  tab: z.nullable(z.enum(['unlimited', 'favorites', 'other'])),
  /** Studio's label of the sound on the post. */
  attached: z.nullable(z.string().check(z.maxLength(200))),
  /** Whether that sound is the chosen track. */
  verdict: z.nullable(z.enum(['chosen', 'other'])),
  /** A sound added in the editor that only its Save keeps. */
  pendingSave: z.boolean(),
  copyright: z.nullable(z.enum(['checking', 'clear', 'issues'])),
  /** Set when Studio's markup was not what Cleartune knows: a sentence to show instead. */
  problem: z.nullable(z.string().check(z.maxLength(200))),
});
/** What a tab shows, for the popup's and the side panel's line about it. */
export const tabStatusSchema = z.object({
  /** "TikTok Studio", or the site's name. */
  label: z.string().check(z.maxLength(100)),
  /** Composers found in the tab (all its frames). */
  composers: z.int().check(z.nonnegative()),
  studio: z.nullable(studioReportSchema),
});
export const toolbarOpensSchema = z.enum(['popup', 'sidePanel']);

/** "Hide tracks used in the last N days" (options; 14 unless changed). */
export const rotationDaysSchema = z.int().check(z.minimum(1), z.maximum(365));
/** `[provider, id, at, site]` per id, newest use only: compact, the popup reads it on every open. */
export const lastUsesSchema = z.object({
  days: rotationDaysSchema,
  uses: z.array(z.tuple([providerSchema, z.string(), z.number(), z.string()])),
});

/** One entry of the usage record as pages see it (lib/shared/usage-csv.ts's `UsageRow`). */
export const usageRowSchema = z.object({
  at: z.number(),
  provider: providerSchema,
  id: z.string(),
  idKind: idKindSchema,
  clip: z.nullable(clipChoiceSchema),
  title: z.string(),
  artist: z.string(),
  cleared: z.boolean(),
  genre: z.nullable(z.string()),
  range: z.nullable(z.string()),
  rank: z.nullable(z.int()),
  site: z.string(),
  verified: z.nullable(z.boolean()),
});
const originInput = z.object({ origin: z.string().check(z.maxLength(300)) });

/**
 * Each message the background answers: its input and its output. The options page sees settings
 * with keys masked, which is the stored shape with the keys replaced, so one schema serves both.
 */
export const protocol = {
  getCatalog: { input: catalogQuerySchema, output: catalogAnswerSchema },
  refreshCatalog: { input: catalogQuerySchema, output: catalogAnswerSchema },
  listTeams: {
    input: z.object({ apiKey: z.optional(apiKeySchema) }),
    output: z.object({ teams: z.array(teamSchema), error: z.nullable(providerErrorSchema) }),
  },
  testConnection: { input: z.object({ provider: providerSchema }), output: connectionResultSchema },
  getSettings: { input: none, output: settingsSchema },
  saveSettings: { input: settingsPatchSchema, output: settingsSchema },
  exportSettings: {
    input: z.object({ includeKeys: z.boolean() }),
    output: z.record(z.string(), z.unknown()),
  },
  importSettings: {
    input: z.record(z.string(), z.unknown()),
    output: z.object({ settings: settingsSchema, warnings: z.array(z.string()) }),
  },
  addComposerSite: { input: originInput, output: settingsSchema },
  removeComposerSite: { input: originInput, output: settingsSchema },
  useTrack: {
    input: z.object({
      track: trackSchema,
      clip: z.nullable(clipChoiceSchema),
      /** Fill the composer in this tab (the side panel's tab beside it), not the last one focused. */
      tabId: z.optional(z.int()),
      /** The list it was chosen from, for the usage record. */
      from: z.optional(z.object({ genre: z.string().check(z.maxLength(40)), range: dateRangeSchema })),
    }),
    output: fillResultSchema,
  },
  getFavorites: { input: none, output: z.array(z.string()) },
  toggleFavorite: {
    input: z.object({ key: z.string().check(z.maxLength(200)) }),
    output: z.array(z.string()),
  },
  /** Notices (storage resets and the like) the popup shows once. */
  takeNotices: { input: none, output: z.array(z.string()) },
  getChosen: { input: none, output: z.nullable(chosenTrackSchema) },
  composerPresence: {
    input: z.object({
      hasComposer: z.boolean(),
      focused: z.boolean(),
      visible: z.boolean(),
      label: z.string().check(z.maxLength(100)),
      /** How many composers this frame holds. */
      composers: z.optional(z.int().check(z.nonnegative(), z.maximum(100))),
      /** Only on TikTok Studio. */
      studio: z.optional(studioReportSchema),
    }),
    output: z.null(),
  },
  getToolbarOpens: { input: none, output: toolbarOpensSchema },
  setToolbarOpens: { input: z.object({ opens: toolbarOpensSchema }), output: toolbarOpensSchema },
  /** A person's click on the in-page Insert filled a field on `site` (for the usage record). */
  recordFill: { input: z.object({ site: z.string().check(z.maxLength(100)) }), output: z.null() },
  /** The usage record, newest first. */
  getUsage: { input: none, output: z.array(usageRowSchema) },
  /** Empties the record; answers what it removed (newest first), which Undo gives back. */
  clearUsage: { input: none, output: z.array(usageRowSchema) },
  /**
   * Puts cleared entries back, merged with anything recorded since (the newest 5,000 kept); entries
   * already there are not doubled. Answers the record, newest first.
   */
  restoreUsage: {
    input: z.object({ rows: z.array(usageRowSchema).check(z.maxLength(5000)) }),
    output: z.array(usageRowSchema),
  },
  /** When each id was last used and where, newest use per id, and the rotation window in days. */
  getLastUses: { input: none, output: lastUsesSchema },
  setRotationDays: { input: z.object({ days: rotationDaysSchema }), output: rotationDaysSchema },
  /** The kind of id the field just right-clicked takes (null: not a composer id field), for the menu. */
  contextTarget: { input: z.object({ kind: z.nullable(idKindSchema) }), output: z.null() },
  /** What the content scripts last reported about a tab's composers; null when it has none. */
  getTabStatus: { input: z.object({ tabId: z.int() }), output: z.nullable(tabStatusSchema) },
  /** The alerts chosen in the options page, and whether notifications are allowed now. */
  getAlerts: { input: none, output: alertStateSchema },
  /** Stores the alerts; the page asks for the notifications permission first, and gives it back. */
  setAlerts: { input: alertPrefsSchema, output: alertStateSchema },
} as const satisfies Record<string, { input: z.ZodMiniType; output: z.ZodMiniType }>;

/** Messages the background sends to a content script in a tab. */
export const tabProtocol = {
  fillChosen: { input: chosenTrackSchema, output: fillResultSchema },
  chosenChanged: { input: z.nullable(chosenTrackSchema), output: z.null() },
  /** The shortcut (the focused field) or the context menu (the field right-clicked). */
  insertChosen: {
    input: z.object({ chosen: chosenTrackSchema, target: z.enum(['focused', 'context']) }),
    output: fillResultSchema,
  },
} as const satisfies Record<string, { input: z.ZodMiniType; output: z.ZodMiniType }>;
