/**
 * Covers for the benchmark: 720×720 JPEGs, as both catalogs serve (CML's `~c5_720x720.jpeg`,
 * Layers' `cover.jpg`), instead of the SVGs the demo serves. Chromium renders an SVG image on the
 * page's main thread but decodes a raster image off it, so SVG covers would make scrolling look
 * several times slower than it is; and it decodes a JPEG at the size shown where a PNG must be
 * decoded whole, so PNG covers would too. Encoded by the browser under test (canvas → JPEG,
 * quality 0.85, about 20 KB each), so no image library is needed.
 */
import type { BrowserContext } from '@playwright/test';
import { MEDIA_URL_PATTERNS, toneWav } from '../../tests/support/media-routes';

const SIZE = 720;
const VARIANTS = 24;

/** Diagonal two-colour gradients with a little texture, one per variant. */
async function coverJpegs(context: BrowserContext): Promise<Buffer[]> {
  const page = await context.newPage();
  try {
    const encoded = await page.evaluate(
      ({ size, variants }) => {
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        return Array.from({ length: variants }, (_, variant) => {
          const hue = (variant * 360) / variants;
          const gradient = ctx.createLinearGradient(0, 0, size, size);
          gradient.addColorStop(0, `hsl(${hue} 60% 55%)`);
          gradient.addColorStop(1, `hsl(${(hue + 50) % 360} 60% 35%)`);
          ctx.fillStyle = gradient;
          ctx.fillRect(0, 0, size, size);
          ctx.fillStyle = 'rgba(255,255,255,0.15)';
          for (let i = 0; i < 40; i++) ctx.fillRect((i * 97) % size, (i * 53) % size, 60, 60);
          return canvas.toDataURL('image/jpeg', 0.85).split(',')[1] as string;
        });
      },
      { size: SIZE, variants: VARIANTS },
    );
    return encoded.map((base64) => Buffer.from(base64, 'base64'));
  } finally {
    await page.close();
  }
}

/** Serves JPEG covers and the WAV preview for every media URL of both catalogs. */
export async function serveBenchMedia(context: BrowserContext): Promise<void> {
  const covers = await coverJpegs(context);
  const tone = toneWav();
  for (const pattern of MEDIA_URL_PATTERNS) {
    await context.route(pattern, (route) => {
      const url = route.request().url();
      if (/\.(mp3|m4a|wav)(\?|$)/.test(url) || /preview/.test(url)) {
        return route.fulfill({ status: 200, contentType: 'audio/wav', body: tone });
      }
      let hash = 0;
      for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
      return route.fulfill({ status: 200, contentType: 'image/jpeg', body: covers[hash % VARIANTS] });
    });
  }
}
