import { z } from 'zod';
import { PROVIDER_NAMES, providerSchema } from './track';

/** Every way a provider call can fail, as data the popup can render and act on. */
export const providerErrorKindSchema = z.enum([
  'unauthenticated',
  'forbidden',
  'not-found',
  'bad-request',
  'rate-limited',
  'server',
  'offline',
  'network',
  'timeout',
  'invalid-response',
  'not-configured',
]);
export type ProviderErrorKind = z.infer<typeof providerErrorKindSchema>;

export const providerErrorSchema = z.object({
  kind: providerErrorKindSchema,
  provider: providerSchema,
  /** One sentence naming the provider, the cause and the fix. Never contains a key. */
  message: z.string(),
  status: z.number().nullable(),
  requestId: z.string().nullable(),
  /** For rate limits: when a retry may be made, epoch ms. */
  retryAt: z.number().nullable(),
  /** What the user can do about it: the popup turns this into a button. */
  action: z.enum(['open-settings', 'retry', 'wait']),
});
export type ProviderError = z.infer<typeof providerErrorSchema>;

export { PROVIDER_NAMES };
