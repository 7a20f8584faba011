export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * CML preview URLs stop working six hours after bundle.social hands them out: nothing CML is fresh
 * longer, and a remembered screen older than this would show previews that no longer play.
 */
export const CML_PREVIEW_LIFETIME_MS = 6 * HOUR_MS;
