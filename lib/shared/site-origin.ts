/**
 * Composer-site origins, zod-free so the options page can use the same rules when it asks the
 * browser for access: `https://app.example.com` in, the match pattern `https://app.example.com/*` out.
 */
const INVALID_ORIGIN =
  'Enter the address of a site as an origin, like https://app.example.com (no path, no wildcard).';

/**
 * The origin of an http(s) site address; throws a user-facing error for anything else. A port is
 * refused with the way round it: Firefox's match patterns take no port at all, and in every
 * browser a pattern without one covers all ports, so `http://localhost` is what serves
 * `http://localhost:3000`. IPv6 literals are refused: match patterns cannot name them.
 */
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
  if (url.hostname.startsWith('[')) {
    throw new Error(
      `Cleartune cannot work on an IPv6 address like ${url.hostname}: use a host name for that computer instead, like http://localhost.`,
    );
  }
  if (url.port !== '') {
    const whole = `${url.protocol}//${url.hostname}`;
    throw new Error(
      `Enter the site without its port: ${whole} lets Cleartune work on ${url.host} and every other port of ${url.hostname}.`,
    );
  }
  return url.origin;
}

/**
 * Whether a stored site is one the rules above accept: sites stored by older releases (with a port,
 * say) are skipped wherever patterns are built, so one of them never breaks "Use" for the others.
 */
export function isComposerOrigin(origin: string): boolean {
  try {
    return normalizeOrigin(origin) === origin;
  } catch {
    return false;
  }
}

/** The host permission and content-script match for a site: every page under the origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
