/**
 * The popup's own `localStorage` keys. They are the exception to "every stored value is declared
 * in lib/background/storage.ts" (which says why): the popup reads them synchronously before its
 * first paint, without zod and without waiting for the background. None holds a key or a setting
 * the background does not already have.
 */

/** The first screen the popup last showed (`first-screen-memory.ts`). */
export const FIRST_SCREEN_KEY = 'cleartune:first-screen';
/** The DOM of that first screen as React drew it, per page (`first-paint.ts`), painted before React starts. */
export const FIRST_PAINT_KEY = 'cleartune:first-paint';
/** The default genre and range last seen in settings, so the first `getCatalog` need not wait for them. */
export const DEFAULTS_KEY = 'cleartune:defaults';
