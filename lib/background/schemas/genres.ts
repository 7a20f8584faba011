import * as z from 'zod/mini';
import { DATE_RANGES, GENRES } from '../../shared/genres';

export const genreSchema = z.enum(GENRES);
export const dateRangeSchema = z.enum(DATE_RANGES);
