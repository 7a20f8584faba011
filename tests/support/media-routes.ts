import type { BrowserContext } from '@playwright/test';
import { toneWav } from './wav';

export { toneWav };

/** The catalogs' media hosts: TikTok's CDN for CML covers and previews, Layers' R2 bucket. */
export const MEDIA_URL_PATTERNS = ['https://*.tiktokcdn.com/**', 'https://media.layers.com/**'] as const;

/** A cover: a square in a colour derived from the URL, so rows are told apart in screenshots. */
function coverSvg(url: string): string {
  let hash = 0;
  for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},70%,35%)"/></linearGradient></defs><rect width="96" height="96" fill="url(#g)"/><circle cx="48" cy="48" r="14" fill="rgba(255,255,255,.85)"/></svg>`;
}

/** Serves covers and previews locally: the real CDNs are unreachable from a test machine. */
export async function serveMedia(context: BrowserContext): Promise<void> {
  const tone = toneWav();
  for (const pattern of MEDIA_URL_PATTERNS) {
    await context.route(pattern, (route) => {
      const url = route.request().url();
      const isAudio = /\.(mp3|m4a|wav)(\?|$)/.test(url) || /preview/.test(url);
      return isAudio
        ? route.fulfill({ status: 200, contentType: 'audio/wav', body: tone })
        : route.fulfill({ status: 200, contentType: 'image/svg+xml', body: coverSvg(url) });
    });
  }
}
