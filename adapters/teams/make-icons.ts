import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * Draws the Teams app icons and writes them as PNGs (run once: `npx tsx adapters/teams/make-icons.ts`;
 * the PNGs are committed). Teams wants a 192×192 full-colour icon and a 32×32 white-on-transparent
 * outline. The motif is a ring with a gap and a dot: a rotation.
 */

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG: every scanline unfiltered, the whole image deflated into one IDAT. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage (0–1) of the ring-with-a-gap-and-dot motif at a point, sampled 4×4 for smooth edges. */
function motif(size: number, x: number, y: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const px = (x + (i + 0.5) / 4) / size - 0.5;
      const py = (y + (j + 0.5) / 4) / size - 0.5;
      const r = Math.hypot(px, py);
      const angle = Math.atan2(py, px);
      const ring = r > 0.27 && r < 0.38 && !(angle > -Math.PI / 2 && angle < -Math.PI / 5);
      const dot = Math.hypot(px - 0.2, py + 0.25) < 0.07 || r < 0.09;
      if (ring || dot) hits++;
    }
  }
  return hits / 16;
}

const ACCENT: Rgba = [0x1f, 0x5a, 0xa6, 255];

function colorIcon(x: number, y: number): Rgba {
  const a = motif(192, x, y);
  return [
    Math.round(ACCENT[0] + (255 - ACCENT[0]) * a),
    Math.round(ACCENT[1] + (255 - ACCENT[1]) * a),
    Math.round(ACCENT[2] + (255 - ACCENT[2]) * a),
    255,
  ];
}

function outlineIcon(x: number, y: number): Rgba {
  return [255, 255, 255, Math.round(255 * motif(32, x, y))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(import.meta.dirname, 'app-package');
  writeFileSync(join(dir, 'color.png'), encodePng(192, 192, colorIcon));
  writeFileSync(join(dir, 'outline.png'), encodePng(32, 32, outlineIcon));
  console.log(`wrote ${dir}/color.png and outline.png`);
}
