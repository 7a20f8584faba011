import * as z from 'zod/mini';
import { providerSchema } from './track';

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
  /** A 3xx: not followed, since `x-api-key` and `Authorization` would go along to wherever it points. */
  'redirected',
  /** An answer past the byte limit, or a list larger than its share of the cache: refused whole. */
  'too-large',
]);

export const providerErrorSchema = z.object({
  kind: providerErrorKindSchema,
  provider: providerSchema,
  /** One sentence naming the provider, the cause and the fix. Never contains a key. */
  message: z.string(),
  status: z.nullable(z.number()),
  requestId: z.nullable(z.string()),
  /** For rate limits: when a retry may be made, epoch ms. */
  retryAt: z.nullable(z.number()),
  /** What the user can do about it: the popup turns this into a button. */
  action: z.enum(['open-settings', 'retry', 'wait']),
});
