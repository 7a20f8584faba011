/**
 * What a usable cover or preview URL is: https, on one of the hosts the providers serve media from,
 * no user info, no port, at most 4,096 characters, written the way the browser writes it (`URL.href`).
 * Normalization stores only that canonical form, so the cache read can check it structurally; a URL
 * either check refuses costs only itself (placeholder cover, no preview), never its track or list.
 *
 * The hosts are also the manifest's `img-src` / `media-src` (wxt.config.ts) and PRIVACY.md's media row.
 */

/** Layers serves covers and previews from its own R2 host (docs/reference/seed-layers-tiktok-music.md). */
export const LAYERS_MEDIA_HOST = 'media.layers.com';
/**
 * bundle.social passes on TikTok's signed CDN URLs (`p16-sign-va.tiktokcdn.com` covers,
 * `sf16-ies-music-va.tiktokcdn.com` previews); TikTok serves the same files from regional
 * `tiktokcdn-us.com` and `tiktokcdn-eu.com` hosts, always on a subdomain.
 */
export const TIKTOK_MEDIA_DOMAINS = ['tiktokcdn.com', 'tiktokcdn-us.com', 'tiktokcdn-eu.com'] as const;

export const MAX_MEDIA_URL_LENGTH = 4096;

/**
 * The stored form: `https://`, an allowed host in lower case, then a path of printable ASCII without
 * spaces (what `URL.href` percent-encodes everything else to). No `@` or `:` can sit in the host part.
 */
const STORED_MEDIA_URL =
  /^https:\/\/(?:media\.layers\.com|(?:[a-z0-9-]+\.)+tiktokcdn(?:-us|-eu)?\.com)\/[\x21-\x7e]*$/;

/** The cheap check of a URL read back from storage; true exactly for what `usableMediaUrl` returns. */
export function isStoredMediaUrl(value: string): boolean {
  return value.length <= MAX_MEDIA_URL_LENGTH && STORED_MEDIA_URL.test(value);
}

/** The canonical form of a provider's cover or preview URL, or null when it is not one to load. */
export function usableMediaUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > MAX_MEDIA_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null;
  const href = url.href;
  // The host allowlist is in the pattern, so both ends apply one rule.
  return isStoredMediaUrl(href) ? href : null;
}
