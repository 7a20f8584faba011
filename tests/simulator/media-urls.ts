/**
 * Media URLs a provider may send that are not written the way a browser would write them. Each one
 * is accepted by `new URL()` as https, and each broke a structural check of the stored form before
 * issue #12 (a whole cached list became unreadable). Some canonicalize to a usable URL on the real
 * media host; the user-info ones must become no URL at all.
 */
export const ODD_MEDIA_URLS = [
  ' https://media.layers.com/music/odd-1/cover.jpg',
  'HTTPS://media.layers.com/music/odd-2/cover.jpg',
  'https://media.layers.com/music/odd 3/cover.jpg',
  'https://user@media.layers.com/music/odd-4/cover.jpg',
  'https:\\\\media.layers.com\\music\\odd-5\\cover.jpg',
  'https://p16-sign-va.tiktokcdn.com/odd-6/cover.jpeg\n',
  'https://user:secret@p16-sign-va.tiktokcdn.com/odd-7/cover.jpeg',
  'https://P16-SIGN-VA.TikTokCDN.com/odd-8/cover.jpeg',
  'https://media.layers.com/music/é-9/cover.jpg',
  'https:media.layers.com/music/odd-10/cover.jpg',
] as const;

/** Media URLs on hosts that are not the providers' media hosts: never loaded. */
export const FOREIGN_MEDIA_URLS = [
  'https://tracker.example/cover.jpg',
  'https://p16-sign-va.tiktokcdn.com.tracker.example/cover.jpeg',
  'https://media.layers.com.tracker.example/cover.jpg',
  'https://tracker.example/x.jpg?https://media.layers.com/',
  'https://media.layers.com:8443/music/a/cover.jpg',
  'https://127.0.0.1/cover.jpg',
  'https://[::1]/cover.jpg',
  'http://media.layers.com/music/a/cover.jpg',
] as const;
