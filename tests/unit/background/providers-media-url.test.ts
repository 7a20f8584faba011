/**
 * Issue #12, items 1 and 5: one function decides what a usable media URL is (an https URL on one of
 * the providers' media hosts, written the way a browser writes it), and the quick check the cache
 * read uses agrees with it.
 */
import { describe, expect, it } from 'vitest';
import { isStoredMediaUrl, usableMediaUrl } from '@/lib/shared/media-url';
import { FOREIGN_MEDIA_URLS, ODD_MEDIA_URLS } from '@/tests/simulator';

/** Everything odd a provider could write, and the ordinary URLs both catalogs serve. */
const CORPUS: string[] = [
  ...ODD_MEDIA_URLS,
  ...FOREIGN_MEDIA_URLS,
  'https://media.layers.com/music/8f1d6c3e/cover.jpg',
  'https://p16-sign-va.tiktokcdn.com/tos-maliva-v-2774/ab~c5_720x720.jpeg?x-expires=1771200000&x-signature=Ab%3D',
  'https://sf16-ies-music-va.tiktokcdn.com/obj/ies-music-ttp-dup-us/7349215836019472385.mp3?x-expires=1',
  'https://p16-sign.tiktokcdn-us.com/obj/cover.jpeg',
  'https://p16-sign.tiktokcdn-eu.com/obj/cover.jpeg',
  'https://media.layers.com',
  'https://media.layers.com/x.jpg#frag ment',
  'https://media.layers.com/x.jpg?a=b c&d=\\e',
  'https://media.layers.com/x<y>.jpg',
  'https://media.layers.com/%zz.jpg',
  'https://media.layers.com/x.jpg?q="a"',
  'https://media.layers.com/a/../b.jpg',
  'https://media.layers.com/a/%2e%2e/b.jpg',
  'https://media.layers.com/x.jpg#',
  'https://media.layers.com/x.jpg?{a}|^`',
  'https://media.layers.com/x.jpg\\@tracker.example/',
  'https://media.layers.com\\@tracker.example/x.jpg',
  'https://media.layers.com@tracker.example/x.jpg',
  'https://media.layers.com%2f@tracker.example/x.jpg',
  'https://media.layers.com/x.jpg\t',
  'https://media.layers.com./x.jpg',
  'https://MEDIA.LAYERS.COM:443/x.jpg',
  'https://média.layers.com/x.jpg',
  'https://x.media.layers.com/x.jpg',
  'https://tiktokcdn.com/x.jpg',
  'https://a.b.tiktokcdn.com/x.jpg',
  'https://p16-sign-va.tiktokcdn.com/\u0000x.jpg',
  'https://p16-sign-va.tiktokcdn.com/\u202Ex.jpg',
  'https://p16-sign-va.tiktokcdn.com/x.jpg?\u{1F3B5}',
  `https://media.layers.com/${'a'.repeat(4100)}`,
  `https://media.layers.com/${'é'.repeat(700)}`,
  'javascript:alert(1)',
  'data:image/png;base64,AAAA',
  'blob:https://media.layers.com/1',
  'https://',
  'https:// media.layers.com/x.jpg',
  '',
  '   ',
  'not a url',
];

describe('a usable media URL', () => {
  it.each([
    ['a Layers cover', 'https://media.layers.com/music/8f1d6c3e/cover.jpg'],
    [
      'a signed TikTok cover',
      'https://p16-sign-va.tiktokcdn.com/tos/ab~c5_720x720.jpeg?x-expires=1&x-signature=A%3D',
    ],
    ['a TikTok preview', 'https://sf16-ies-music-va.tiktokcdn.com/obj/ies-music-ttp-dup-us/1.mp3'],
    ['a TikTok US CDN cover', 'https://p16-sign.tiktokcdn-us.com/obj/cover.jpeg'],
    ['a TikTok EU CDN cover', 'https://p16-sign.tiktokcdn-eu.com/obj/cover.jpeg'],
  ])('keeps %s as it is', (_, url) => {
    expect(usableMediaUrl(url)).toBe(url);
  });

  it.each([
    [
      'a leading space',
      ' https://media.layers.com/music/a/cover.jpg',
      'https://media.layers.com/music/a/cover.jpg',
    ],
    ['an upper-case scheme', 'HTTPS://media.layers.com/a.jpg', 'https://media.layers.com/a.jpg'],
    ['a space in the path', 'https://media.layers.com/a b.jpg', 'https://media.layers.com/a%20b.jpg'],
    ['backslashes', 'https:\\\\media.layers.com\\a\\b.jpg', 'https://media.layers.com/a/b.jpg'],
    [
      'an upper-case host',
      'https://P16-SIGN-VA.TikTokCDN.com/a.jpeg',
      'https://p16-sign-va.tiktokcdn.com/a.jpeg',
    ],
    ['the default port', 'https://media.layers.com:443/a.jpg', 'https://media.layers.com/a.jpg'],
    ['a trailing newline', 'https://media.layers.com/a.jpg\n', 'https://media.layers.com/a.jpg'],
  ])('writes a URL with %s the way the browser would', (_, url, canonical) => {
    expect(usableMediaUrl(url)).toBe(canonical);
  });

  it.each([
    ['user info', 'https://user@media.layers.com/a.jpg'],
    ['a user and password', 'https://user:secret@p16-sign-va.tiktokcdn.com/a.jpeg'],
    ['http', 'http://media.layers.com/a.jpg'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/png;base64,AAAA'],
    ['nothing', ''],
    ['no URL at all', 'not a url'],
    ['more than 4,096 characters', `https://media.layers.com/${'a'.repeat(4100)}`],
  ])('refuses a URL with %s', (_, url) => {
    expect(usableMediaUrl(url)).toBeNull();
  });

  it.each(FOREIGN_MEDIA_URLS.map((url) => [url]))('refuses %s: not a provider media host', (url) => {
    expect(usableMediaUrl(url)).toBeNull();
  });

  it.each([
    ['a subdomain of media.layers.com', 'https://x.media.layers.com/a.jpg'],
    ['the bare tiktokcdn.com', 'https://tiktokcdn.com/a.jpg'],
    ['a trailing-dot host', 'https://media.layers.com./a.jpg'],
    ['a look-alike IDN host', 'https://média.layers.com/a.jpg'],
  ])('refuses %s', (_, url) => {
    expect(usableMediaUrl(url)).toBeNull();
  });
});

describe('the quick check of a stored URL', () => {
  it('accepts every URL the full check gives, as it is, and nothing the full check would change', () => {
    let usable = 0;
    for (const raw of CORPUS) {
      const canonical = usableMediaUrl(raw);
      if (canonical !== null) {
        usable++;
        expect(isStoredMediaUrl(canonical), canonical).toBe(true);
        expect(usableMediaUrl(canonical), canonical).toBe(canonical);
      }
      // Whatever the quick check lets through, the full check takes too, and loads from the same host.
      if (isStoredMediaUrl(raw)) {
        expect(usableMediaUrl(raw), JSON.stringify(raw)).not.toBeNull();
        expect(new URL(usableMediaUrl(raw) ?? '').host).toBe(raw.slice(8, raw.indexOf('/', 8)));
      }
    }
    expect(usable).toBeGreaterThan(15);
  });
});
