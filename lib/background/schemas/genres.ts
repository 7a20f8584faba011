import * as z from 'zod/mini';
import { DATE_RANGES, GENRES } from '../../shared/genres';

export * from '../../shared/genres';

export const genreSchema = z.enum(GENRES);
export type Genre = z.infer<typeof genreSchema>;

export const dateRangeSchema = z.enum(DATE_RANGES);
export type DateRange = z.infer<typeof dateRangeSchema>;
