/**
 * The message contract as every context sees it, without zod: which messages exist, who may send
 * each, and the types of their payloads and answers (taken from the background's schemas by
 * type-only imports, so they are erased from every bundle but the background's).
 */
import type { alertPrefsSchema, alertStateSchema } from '../background/schemas/alerts';
import type {
  catalogAnswerSchema,
  catalogPartSchema,
  catalogQuerySchema,
  fillResultSchema,
  lastUsesSchema,
  protocol,
  studioReportSchema,
  tabProtocol,
  tabStatusSchema,
  teamSchema,
  toolbarOpensSchema,
} from '../background/schemas/protocol';
import type { providerErrorSchema } from '../background/schemas/provider-error';
import type { settingsSchema } from '../background/schemas/settings';
import type { Infer, InferInput } from './infer';

export const SOURCES = ['bundle-social', 'layers', 'all'] as const;
export type Source = (typeof SOURCES)[number];

/** The most a limited `getCatalog` answers with: a first screen, not a page of the catalog. */
export const MAX_CATALOG_LIMIT = 200;

/**
 * Who may send each message: `extension` pages (popup, options, side panel), `content` scripts, or
 * `any` of them. A content script may send only what carries nothing about keys or settings.
 */
export const MESSAGE_SENDERS = {
  getCatalog: 'extension',
  refreshCatalog: 'extension',
  listTeams: 'extension',
  testConnection: 'extension',
  getSettings: 'extension',
  saveSettings: 'extension',
  exportSettings: 'extension',
  importSettings: 'extension',
  addComposerSite: 'extension',
  removeComposerSite: 'extension',
  useTrack: 'extension',
  getFavorites: 'extension',
  toggleFavorite: 'extension',
  takeNotices: 'extension',
  getChosen: 'any',
  composerPresence: 'content',
  contextTarget: 'content',
  recordFill: 'content',
  getUsage: 'extension',
  clearUsage: 'extension',
  restoreUsage: 'extension',
  getLastUses: 'extension',
  setRotationDays: 'extension',
  getTabStatus: 'extension',
  getToolbarOpens: 'extension',
  setToolbarOpens: 'extension',
  getAlerts: 'extension',
  setAlerts: 'extension',
} as const satisfies Record<keyof typeof protocol, 'extension' | 'content' | 'any'>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type SenderKind = 'extension' | 'content';
/** The messages a sender of this kind may send. */
export type MessageFrom<S extends SenderKind> = {
  [T in MessageType]: (typeof MESSAGE_SENDERS)[T] extends S | 'any' ? T : never;
}[MessageType];
export type Input<T extends MessageType> = InferInput<Protocol[T]['input']>;
export type Output<T extends MessageType> = Infer<Protocol[T]['output']>;

export type TabProtocol = typeof tabProtocol;
export type TabMessageType = keyof TabProtocol;
export type TabInput<T extends TabMessageType> = Infer<TabProtocol[T]['input']>;
export type TabOutput<T extends TabMessageType> = Infer<TabProtocol[T]['output']>;

/** What every message is sent as, and what every answer comes back as. */
export interface Envelope {
  type: string;
  data?: unknown;
}
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export type CatalogQuery = Infer<typeof catalogQuerySchema>;
export type CatalogPart = Infer<typeof catalogPartSchema>;
export type CatalogAnswer = Infer<typeof catalogAnswerSchema>;
export type Team = Infer<typeof teamSchema>;
export type Settings = Infer<typeof settingsSchema>;
/** Settings as extension pages see them: the stored shape, with keys only ever masked. */
export type MaskedSettings = Settings;
export type FillResult = Infer<typeof fillResultSchema>;
export type LastUses = Infer<typeof lastUsesSchema>;
/** Unless changed in the options: "Hide tracks used in the last 14 days". */
export const DEFAULT_ROTATION_DAYS = 14;
export type StudioReport = Infer<typeof studioReportSchema>;
export type TabStatus = Infer<typeof tabStatusSchema>;
export type ToolbarOpens = Infer<typeof toolbarOpensSchema>;
export type AlertPrefs = Infer<typeof alertPrefsSchema>;
export type AlertState = Infer<typeof alertStateSchema>;
/** Alerts are off until the person turns one on in the options. */
export const NO_ALERTS: AlertPrefs = { breakoutGenres: [], favoritesTop10: false };
export type ProviderError = Infer<typeof providerErrorSchema>;
export type ProviderErrorKind = ProviderError['kind'];

/** The part of a query that names a list: two queries that differ only in `limit` read the same entries. */
export type ListQuery = Pick<CatalogQuery, 'source' | 'genre' | 'range'>;
export function sameList(a: ListQuery, b: ListQuery): boolean {
  return a.source === b.source && a.genre === b.genre && a.range === b.range;
}
