import type { BrowserContext } from '@playwright/test';

/** The catalogs' media hosts: TikTok's CDN for CML covers and previews, Layers' R2 bucket. */
export const MEDIA_URL_PATTERNS = ['https://*.tiktokcdn.com/**', 'https://media.layers.com/**'] as const;

/** A cover: a square in a colour derived from the URL, so rows are told apart in screenshots. */
function coverSvg(url: string): string {
  let hash = 0;
  for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},70%,35%)"/></linearGradient></defs><rect width="96" height="96" fill="url(#g)"/><circle cx="48" cy="48" r="14" fill="rgba(255,255,255,.85)"/></svg>`;
}

/** One second of a quiet 440 Hz tone as a 8 kHz mono WAV: enough for an `<audio>` element to play. */
export function toneWav(seconds = 1): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++)
    wav[44 + i] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return wav;
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
