// Reading a driver's status QR from a camera frame: a status (events only, with
// non-ASCII text) drawn as a QR code by the encoder the driver view uses reads
// back as the same text; a frame without a code reads as null; frames are scaled down.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { frameSize, QR_FRAME_MAX_WIDTH, readQrFrame } from '../../../web/src/io/qr-read';

/** RGBA pixels of the QR code of `text`: `scale` px per module, a 4-module quiet zone, on a frame `pad` px wider each side. */
function qrFrame(text: string, scale = 4, pad = 20): { data: Uint8ClampedArray; width: number; height: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const side = (modules.size + 8) * scale + 2 * pad;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const row = Math.floor((y - pad) / scale) - 4;
      const col = Math.floor((x - pad) / scale) - 4;
      const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
      if (dark) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, width: side, height: side };
}

describe('status QR reading', () => {
  it('reads back the exact status text, accents and all', () => {
    const status = JSON.stringify({
      type: 'fmp-events', version: 1,
      events: [
        { id: 'drv:van-1:1', type: 'done', order: 'LYO-1003', at: '10:05', pod: { recipient: 'Zoé Müller', note: 'Laissé au voisin', signature: 'drv:van-1:sig-1' } },
        { id: 'drv:van-1:2', type: 'failed', order: 'LYO-1010', at: '10:20', reason: 'not-home' },
      ],
    });
    expect(readQrFrame(qrFrame(status))).toBe(status);
  });

  it('reads nothing from a frame without a code', () => {
    const blank = { data: new Uint8ClampedArray(200 * 150 * 4).fill(255), width: 200, height: 150 };
    expect(readQrFrame(blank)).toBeNull();
  });

  it('scales wide frames down to the decoding width, keeping the aspect', () => {
    expect(frameSize(1280, 720)).toEqual({ width: QR_FRAME_MAX_WIDTH, height: 360 });
    expect(frameSize(320, 240)).toEqual({ width: 320, height: 240 });
  });
});
