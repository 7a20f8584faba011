/**
 * The output type of a zod schema, as a type-only import: contexts outside the background name the
 * schemas' types without bundling zod (`import type` is erased at build time).
 */
import type * as z from 'zod/mini';

export type Infer<T extends z.ZodMiniType> = z.infer<T>;
export type InferInput<T extends z.ZodMiniType> = z.input<T>;
