/**
 * What a person types as a site address, made into the origin the composer rules take. A bare host
 * (`app.example.com`) means https; everything else follows lib/shared/site-origin.ts.
 */
import { normalizeOrigin, originPattern } from '../shared/site-origin';

export function siteOrigin(input: string): { origin: string; pattern: string } | { error: string } {
  const text = input.trim();
  if (text === '') return { error: 'Enter a site address, like https://app.example.com.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const origin = normalizeOrigin(withScheme);
    return { origin, pattern: originPattern(origin) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
