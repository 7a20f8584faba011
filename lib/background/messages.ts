/**
 * The one message contract between the parts of the extension.
 *
 * Written here rather than on @webext-core/messaging: every message needs its payload parsed with
 * zod and its sender classified (extension page vs content script) before a handler runs, which
 * that library leaves to the caller; the transport itself is a dozen lines.
 */
import { type Browser, browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { dateRangeSchema, genreSchema } from './schemas/genres';
import { providerErrorSchema } from './schemas/provider-error';
import { chosenTrackSchema, clipChoiceSchema, providerSchema, trackSchema } from './schemas/track';

export const sourceSchema = z.enum(['bundle-social', 'layers', 'all']);
export type Source = z.infer<typeof sourceSchema>;

/** `ALL` is ours, not bundle.social's: every genre of the range, merged (tracks in several genres once). */
export const ALL_GENRES = 'ALL' as const;
/** The most a limited `getCatalog` answers with: a first screen, not a page of the catalog. */
export const MAX_CATALOG_LIMIT = 200;
export const catalogQuerySchema = z.object({
  source: sourceSchema,
  genre: z.union([genreSchema, z.literal(ALL_GENRES)]),
  range: dateRangeSchema,
  /**
   * Only the first this-many tracks in the popup's default order (rank, then the engine's order),
   * with `total` saying how many there are: the popup paints its first screen from these at once.
   */
  limit: z.optional(z.int().check(z.positive(), z.maximum(MAX_CATALOG_LIMIT))),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export const catalogStatusSchema = z.enum(['fresh', 'stale', 'refreshing', 'error', 'empty']);

/** The state of one provider's slice of an answer. */
export const catalogPartSchema = z.object({
  provider: providerSchema,
  status: catalogStatusSchema,
  fetchedAt: z.nullable(z.number()),
  dropped: z.int().check(z.nonnegative()),
  error: z.nullable(providerErrorSchema),
});
export type CatalogPart = z.infer<typeof catalogPartSchema>;

export const catalogAnswerSchema = z.object({
  tracks: z.array(trackSchema),
  parts: z.array(catalogPartSchema),
  offline: z.boolean(),
  /** Set when a `limit` cut the list: how many tracks the whole answer holds. */
  total: z.optional(z.int().check(z.nonnegative())),
});
export type CatalogAnswer = z.infer<typeof catalogAnswerSchema>;

export const teamSchema = z.object({ id: z.string(), name: z.string() });
export type Team = z.infer<typeof teamSchema>;

/** Settings as the options page sees them: keys only ever masked. */
export const maskedSettingsSchema = z.object({
  bundleSocialKey: z.nullable(z.string()),
  layersKey: z.nullable(z.string()),
  teamId: z.nullable(z.string()),
  defaultGenre: genreSchema,
  defaultRange: dateRangeSchema,
  composerSites: z.array(z.string()),
});
export type MaskedSettings = z.infer<typeof maskedSettingsSchema>;

export const settingsPatchSchema = z.object({
  /** A new key; omitted or undefined keeps the stored one, null removes it. */
  bundleSocialKey: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(512)))),
  layersKey: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(512)))),
  teamId: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  defaultGenre: z.optional(genreSchema),
  defaultRange: z.optional(dateRangeSchema),
});

export const connectionResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  error: z.nullable(providerErrorSchema),
});

export const fillResultSchema = z.object({
  /** The name of the composer the track went into ("TikTok Studio", "composer.test"), null when none was open. */
  filledInto: z.nullable(z.string()),
  message: z.string(),
});
export type FillResult = z.infer<typeof fillResultSchema>;

const none = z.undefined();

/**
 * Each message: its input, its output, and who may send it. `content` messages are the only ones a
 * content script may send; they carry nothing about keys or settings.
 */
export const protocol = {
  getCatalog: { input: catalogQuerySchema, output: catalogAnswerSchema, from: 'extension' },
  refreshCatalog: { input: catalogQuerySchema, output: catalogAnswerSchema, from: 'extension' },
  listTeams: {
    input: z.object({ apiKey: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(512))) }),
    output: z.object({ teams: z.array(teamSchema), error: z.nullable(providerErrorSchema) }),
    from: 'extension',
  },
  testConnection: {
    input: z.object({ provider: providerSchema }),
    output: connectionResultSchema,
    from: 'extension',
  },
  getSettings: { input: none, output: maskedSettingsSchema, from: 'extension' },
  saveSettings: { input: settingsPatchSchema, output: maskedSettingsSchema, from: 'extension' },
  exportSettings: {
    input: z.object({ includeKeys: z.boolean() }),
    output: z.record(z.string(), z.unknown()),
    from: 'extension',
  },
  importSettings: {
    input: z.record(z.string(), z.unknown()),
    output: z.object({ settings: maskedSettingsSchema, warnings: z.array(z.string()) }),
    from: 'extension',
  },
  addComposerSite: {
    input: z.object({ origin: z.string().check(z.maxLength(300)) }),
    output: maskedSettingsSchema,
    from: 'extension',
  },
  removeComposerSite: {
    input: z.object({ origin: z.string().check(z.maxLength(300)) }),
    output: maskedSettingsSchema,
    from: 'extension',
  },
  useTrack: {
    input: z.object({ track: trackSchema, clip: z.nullable(clipChoiceSchema) }),
    output: fillResultSchema,
    from: 'extension',
  },
  getFavorites: { input: none, output: z.array(z.string()), from: 'extension' },
  toggleFavorite: {
    input: z.object({ key: z.string().check(z.maxLength(200)) }),
    output: z.array(z.string()),
    from: 'extension',
  },
  /** Notices (storage resets and the like) the popup shows once. */
  takeNotices: { input: none, output: z.array(z.string()), from: 'extension' },
  getChosen: { input: none, output: z.nullable(chosenTrackSchema), from: 'any' },
  composerPresence: {
    input: z.object({
      hasComposer: z.boolean(),
      focused: z.boolean(),
      visible: z.boolean(),
      label: z.string().check(z.maxLength(100)),
    }),
    output: z.null(),
    from: 'content',
  },
} as const satisfies Record<
  string,
  { input: z.ZodMiniType; output: z.ZodMiniType; from: 'extension' | 'content' | 'any' }
>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type Input<T extends MessageType> = z.input<Protocol[T]['input']>;
export type Output<T extends MessageType> = z.output<Protocol[T]['output']>;

/** Messages the background sends to a content script in a tab. */
export const tabProtocol = {
  fillChosen: { input: chosenTrackSchema, output: fillResultSchema },
  chosenChanged: { input: z.nullable(chosenTrackSchema), output: z.null() },
} as const;
export type TabMessageType = keyof typeof tabProtocol;

const envelopeSchema = z.object({ type: z.string().check(z.maxLength(64)), data: z.optional(z.unknown()) });

export type SenderClass = 'extension' | 'content' | 'foreign';

/** Extension pages (popup, options) vs our own content scripts vs anything else. */
export function classifySender(
  sender: Browser.runtime.MessageSender,
  ownId: string,
  ownUrl: string,
): SenderClass {
  if (sender.id !== ownId) return 'foreign';
  if (sender.url?.startsWith(ownUrl) && !sender.tab?.url?.startsWith('http')) return 'extension';
  if (sender.tab) return 'content';
  return sender.url?.startsWith(ownUrl) ? 'extension' : 'foreign';
}

export async function sendMessage<T extends MessageType>(
  type: T,
  ...args: Input<T> extends undefined ? [] : [Input<T>]
): Promise<Output<T>> {
  const reply: unknown = await browser.runtime.sendMessage({ type, data: args[0] });
  return unwrapReply(reply, protocol[type].output) as Output<T>;
}

export async function sendTabMessage<T extends TabMessageType>(
  tabId: number,
  type: T,
  data: z.input<(typeof tabProtocol)[T]['input']>,
  frameId?: number,
): Promise<z.output<(typeof tabProtocol)[T]['output']>> {
  const reply: unknown =
    frameId === undefined
      ? await browser.tabs.sendMessage(tabId, { type, data })
      : await browser.tabs.sendMessage(tabId, { type, data }, { frameId });
  return unwrapReply(reply, tabProtocol[type].output) as z.output<(typeof tabProtocol)[T]['output']>;
}

const replySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

function unwrapReply(reply: unknown, output: z.ZodMiniType): unknown {
  const parsed = replySchema.safeParse(reply);
  if (!parsed.success) throw new Error('Cleartune got no answer from its background: reload the extension.');
  if (!parsed.data.ok) throw new Error(parsed.data.error);
  return output.parse(parsed.data.value);
}

export type MessageHandlers = {
  [T in MessageType]?: (
    data: z.output<Protocol[T]['input']>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<Output<T>> | Output<T>;
};
type Reply = { ok: true; value: unknown } | { ok: false; error: string };
type Listener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (reply: Reply) => void,
) => true | undefined;

function respond(run: () => unknown, sendResponse: (reply: Reply) => void): true {
  // Chrome ignores a Promise returned from onMessage listeners: answer through sendResponse.
  Promise.resolve()
    .then(run)
    .then(
      (value) => sendResponse({ ok: true, value: value ?? null }),
      (error: unknown) =>
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  return true;
}

/**
 * The background's listener: unknown types, bad payloads and senders that may not send a type are
 * refused with an error reply, and the handler never runs.
 */
export function createMessageListener(handlers: MessageHandlers, ownId: string, ownUrl: string): Listener {
  return (message, sender, sendResponse) => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    const type = envelope.data.type;
    if (!Object.hasOwn(protocol, type)) {
      return respond(() => Promise.reject(new Error(`Unknown message "${type}".`)), sendResponse);
    }
    const spec = protocol[type as MessageType];
    const handler = handlers[type as MessageType] as
      | ((data: unknown, sender: Browser.runtime.MessageSender) => unknown)
      | undefined;
    const from = classifySender(sender, ownId, ownUrl);
    const refusal =
      from === 'foreign' || (spec.from !== 'any' && spec.from !== from)
        ? `Message "${type}" is not allowed from this sender.`
        : !handler
          ? `Message "${type}" has no handler.`
          : null;
    if (refusal) return respond(() => Promise.reject(new Error(refusal)), sendResponse);
    const input = spec.input.safeParse(envelope.data.data);
    if (!input.success) {
      return respond(
        () => Promise.reject(new Error(`Message "${type}" had an invalid payload.`)),
        sendResponse,
      );
    }
    return respond(() => handler?.(input.data, sender), sendResponse);
  };
}

export function handleMessages(handlers: MessageHandlers): () => void {
  const listener = createMessageListener(handlers, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

type TabHandlers = {
  [T in TabMessageType]?: (
    data: z.output<(typeof tabProtocol)[T]['input']>,
  ) => Promise<z.output<(typeof tabProtocol)[T]['output']>> | z.output<(typeof tabProtocol)[T]['output']>;
};

/** Answers the background's messages in a content script; only our own extension's background may send them. */
export function handleTabMessages(handlers: TabHandlers): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || !Object.hasOwn(tabProtocol, envelope.data.type)) return undefined;
    const type = envelope.data.type as TabMessageType;
    const handler = handlers[type] as ((data: unknown) => unknown) | undefined;
    if (!handler) return undefined;
    const input = tabProtocol[type].input.safeParse(envelope.data.data);
    if (!input.success) return respond(() => Promise.reject(new Error('invalid payload')), sendResponse);
    return respond(() => handler(input.data), sendResponse);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
