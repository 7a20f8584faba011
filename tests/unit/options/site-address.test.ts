/**
 * The options page says why an address is refused in its own language (lib/options/site-address.ts);
 * in English those sentences are exactly normalizeOrigin's, for every way an address can be wrong.
 */
import { describe, expect, it } from 'vitest';
import { siteOrigin } from '@/lib/options/site-address';
import { normalizeOrigin } from '@/lib/shared/site-origin';

function thrown(address: string): string | null {
  try {
    normalizeOrigin(/^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('siteOrigin', () => {
  it('takes a bare host as https', () => {
    expect(siteOrigin(' app.example.com ')).toEqual({
      origin: 'https://app.example.com',
      pattern: 'https://app.example.com/*',
    });
  });

  it('asks for an address when there is none', () => {
    expect(siteOrigin('  ')).toEqual({ error: 'Enter a site address, like https://app.example.com.' });
  });

  it.each([
    'ftp://files.example.com',
    'https://app.example.com/compose',
    'https://app.example.com/?draft=1',
    'https://app.example.com/#top',
    'https://user:pw@app.example.com',
    'https://*.example.com',
    'http://[::1]',
    'http://[::1]:3000',
    'http://localhost:3000',
    'https://app.example.com:8443',
    'https://app.example.com:8443/compose',
    'http://',
    'not a url',
  ])('refuses %s with the words normalizeOrigin uses', (address) => {
    const expected = thrown(address);
    expect(expected).not.toBeNull();
    expect(siteOrigin(address)).toEqual({ error: expected });
  });
});
