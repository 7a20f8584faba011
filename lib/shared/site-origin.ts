/**
 * Composer-site origins, zod-free so the options page can use the same rules when it asks the
 * browser for access: `https://app.example.com` in, the match pattern `https://app.example.com/*` out.
 */
const INVALID_ORIGIN =
  'Enter the address of a site as an origin, like https://app.example.com (no path, no wildcard).';

/** The origin of an http(s) site address; throws a user-facing error for anything else. */
export function normalizeOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(INVALID_ORIGIN);
  }
  const plain =
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    !/[*%]/.test(url.hostname) &&
    !url.username &&
    !url.password &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash;
  if (!plain) throw new Error(INVALID_ORIGIN);
  return url.origin;
}

/** The host permission and content-script match for a site: every page under the origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
