/**
 * What a person types as a site address, made into the origin the composer rules take. A bare host
 * (`app.example.com`) means https; everything else follows lib/shared/site-origin.ts, whose refusals
 * are said here again in the page's language.
 */
import { i18n } from '#i18n';
import { normalizeOrigin, originPattern } from '../shared/site-origin';

export function siteOrigin(input: string): { origin: string; pattern: string } | { error: string } {
  const text = input.trim();
  if (text === '') return { error: i18n.t('options.sites.empty') };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const origin = normalizeOrigin(withScheme);
    return { origin, pattern: originPattern(origin) };
  } catch {
    return { error: refusal(withScheme) };
  }
}

/**
 * Why normalizeOrigin refused an address: its host or its port alone when the same address on a
 * plain host without a port passes, else it is no site origin at all.
 */
function refusal(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
    const plain = new URL(url.href);
    plain.hostname = 'example.com';
    plain.port = '';
    normalizeOrigin(plain.href);
  } catch {
    return i18n.t('options.sites.invalid');
  }
  if (url.hostname.startsWith('[')) return i18n.t('options.sites.ipv6', { host: url.hostname });
  if (url.port !== '')
    return i18n.t('options.sites.port', {
      site: `${url.protocol}//${url.hostname}`,
      host: url.host,
      hostname: url.hostname,
    });
  return i18n.t('options.sites.invalid');
}
