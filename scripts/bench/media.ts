/**
 * Covers for the benchmark: 720×720 PNGs, like the catalog's `~c5_720x720.jpeg` covers, instead of
 * the SVGs the demo serves. Chromium renders an SVG image on the page's main thread but decodes a
 * raster image off it, so SVG covers would make scrolling look several times slower than it is.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { BrowserContext } from '@playwright/test';
import { MEDIA_URL_PATTERNS, toneWav } from '../../tests/support/media-routes';

const SIZE = 720;
const VARIANTS = 24;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.byteLength, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A diagonal two-colour gradient: about 18 KB, the size of a real cover, and a full 720×720 decode. */
function coverPng(variant: number): Buffer {
  const hue = (variant * 360) / VARIANTS;
  const rgb = (h: number, l: number) => {
    const a = 0.6 * Math.min(l, 1 - l);
    const f = (n: number) => {
      const k = (n + h / 30) % 12;
      return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)] as const;
  };
  const from = rgb(hue, 0.55);
  const to = rgb((hue + 50) % 360, 0.35);
  const raw = Buffer.alloc((SIZE * 3 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < SIZE; x++) {
      const t = (x + y) / (2 * SIZE);
      for (let c = 0; c < 3; c++) {
        const value = (from[c] as number) * (1 - t) + (to[c] as number) * t;
        raw[row + 1 + x * 3 + c] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Serves PNG covers and the WAV preview for every media URL of both catalogs. */
export async function serveBenchMedia(context: BrowserContext): Promise<void> {
  const covers = Array.from({ length: VARIANTS }, (_, i) => coverPng(i));
  const tone = toneWav();
  for (const pattern of MEDIA_URL_PATTERNS) {
    await context.route(pattern, (route) => {
      const url = route.request().url();
      if (/\.(mp3|m4a|wav)(\?|$)/.test(url) || /preview/.test(url)) {
        return route.fulfill({ status: 200, contentType: 'audio/wav', body: tone });
      }
      let hash = 0;
      for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
      return route.fulfill({ status: 200, contentType: 'image/png', body: covers[hash % VARIANTS] });
    });
  }
}
