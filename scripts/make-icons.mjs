// Draws the toolbar icons (a note on a rounded teal square) as PNGs with no image library:
// a few hundred bytes of code instead of a native dependency for four static files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function draw(size) {
  const s = (v) => v * size; // coordinates in 0..1
  const inside = (x, y) => {
    const r = s(0.22);
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const note = (x, y) => {
    const head = (x - s(0.42)) ** 2 / s(0.13) ** 2 + (y - s(0.7)) ** 2 / s(0.1) ** 2 <= 1;
    const stem = x >= s(0.5) && x <= s(0.58) && y >= s(0.22) && y <= s(0.7);
    const flag = y >= s(0.22) && y <= s(0.34) && x >= s(0.5) && x <= s(0.76) - (y - s(0.22)) * 0.6;
    return head || stem || flag;
  };
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      if (!inside(px, py)) row.push(0, 0, 0, 0);
      else if (note(px, py)) row.push(255, 255, 255, 255);
      else row.push(13, 148 - Math.round((py / size) * 40), 136, 255);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, draw(size));
