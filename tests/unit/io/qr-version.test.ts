// QR versions the app draws: a text that needs version 23 is drawn at 24,
// because the app's scanner (jsQR) misreads every version-23 code; the codes
// are rendered to pixels here and decoded with that very scanner.
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { readableQrVersion } from '../../../web/src/io/qr-version';
import { readQrFrame } from '../../../web/src/io/qr-read';

/** The code of `text` at `version` as RGBA pixels, `px` pixels per module, 4-module quiet zone. */
function render(text: string, version: number, px = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L', version });
  const margin = 4;
  const width = (modules.size + 2 * margin) * px;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < px; dy += 1) {
        const row = ((y + margin) * px + dy) * width;
        for (let dx = 0; dx < px; dx += 1) data.fill(0, (row + (x + margin) * px + dx) * 4, (row + (x + margin) * px + dx) * 4 + 3);
      }
    }
  }
  return { data, width, height: width };
}

/** A link-like text of `length` characters (the route links are base64url after a fragment). */
function text(length: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = 'http://localhost:4173/#driver=';
  let x = seed;
  while (s.length < length) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += alphabet[(x >>> 16) % 64];
  }
  return s;
}

const natural = (t: string) => QRCode.create(t, { errorCorrectionLevel: 'L' }).version;

describe('readableQrVersion', () => {
  it('draws a text that needs version 23 at 24, which the scanner reads; at 23 it does not', () => {
    const needs23 = [1000, 1020, 1040, 1060].map((n, i) => text(n, i + 1)).filter((t) => natural(t) === 23);
    expect(needs23.length).toBeGreaterThan(0);
    for (const t of needs23) {
      expect(readableQrVersion(t, 'L')).toBe(24);
      expect(readQrFrame(render(t, 24))).toBe(t);
      expect(jsQR(render(t, 23).data, render(t, 23).width, render(t, 23).height)?.data ?? null).not.toBe(t);
    }
  });

  it('keeps the smallest version otherwise, and null when the text fits no code', () => {
    for (const n of [40, 300, 900, 1200, 2300]) {
      const t = text(n, n);
      expect(readableQrVersion(t, 'L')).toBe(natural(t));
      expect(readQrFrame(render(t, natural(t)))).toBe(t);
    }
    expect(readableQrVersion(text(3000, 7), 'L')).toBeNull();
  });
});
