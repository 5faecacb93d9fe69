#!/usr/bin/env node
// Generates the add-in icons in assets/ (icon-16/32/64/80/128.png) with Node alone:
// shapes are rasterised with 8×8 supersampling, the PNG is written chunk by chunk
// (IHDR, IDAT deflated with zlib, IEND) with our own CRC-32.
//
// Design: a deep red (#B3261E) rounded square holding three white bars that step
// upwards on a baseline (the ranking of nominees), on a 16-unit grid so that every size we ship
// (16, 32, 64, 80, 128 = 16 × 1, 2, 4, 5, 8) puts bar edges exactly on pixel edges.
//
//   node scripts/make-icons.mjs            writes assets/icon-*.png
//   node scripts/make-icons.mjs --out DIR  writes them into DIR

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const SIZES = [16, 32, 64, 80, 128];

const BACKGROUND = [0xb3, 0x26, 0x1e]; // deep red
const FOREGROUND = [0xff, 0xff, 0xff]; // white

// Geometry on a 16 × 16 grid (units scale by size / 16).
const GRID = 16;
const CORNER_RADIUS = 3;
/** White shapes as [x0, y0, x1, y1]: three bars rising left to right on a baseline (axis). */
const BARS = [
  [3, 9, 5, 12],
  [7, 6, 9, 12],
  [11, 3, 13, 12],
  [2, 12, 14, 13], // baseline: makes it read as a chart, not a signal-strength meter
];

// ---------------------------------------------------------------------------
// Rasterising

function insideRoundedSquare(x, y, size, radius) {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= radius * radius;
}

function insideRect(x, y, [x0, y0, x1, y1]) {
  return x >= x0 && x < x1 && y >= y0 && y < y1;
}

/** Snaps a grid coordinate to the pixel grid of an icon of `size` px. */
function snap(value, size) {
  return Math.round((value * size) / GRID);
}

/** Returns RGBA bytes (row-major, 4 per pixel) for an icon of `size` px. */
export function renderIcon(size) {
  const radius = (CORNER_RADIUS * size) / GRID;
  const bars = BARS.map((bar) => bar.map((v) => snap(v, size)));
  const samples = 8;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          if (!insideRoundedSquare(x, y, size, radius)) continue;
          bg++;
          if (bars.some((bar) => insideRect(x, y, bar))) fg++;
        }
      }
      const total = samples * samples;
      const alpha = bg / total;
      const mix = bg === 0 ? 0 : fg / bg; // share of the covered area that is bar
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(BACKGROUND[c] * (1 - mix) + FOREGROUND[c] * mix);
      }
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffers) {
  let crc = 0xffffffff;
  for (const buf of buffers) {
    for (let i = 0; i < buf.length; i++) crc = CRC_TABLE[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeBuf = Buffer.from(type, 'ascii');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32([typeBuf, data]), 0);
  return Buffer.concat([length, typeBuf, data, crc]);
}

/** Encodes RGBA bytes as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------

function main(argv) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : path.join(repoRoot, 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
