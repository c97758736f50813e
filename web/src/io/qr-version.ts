// The QR version the app draws a text at: the smallest that holds it at the
// given error correction, skipping versions a common decoder cannot read.
// jsQR 1.4 (the laptop camera's scanner, io/qr-read.ts) has a wrong alignment
// pattern table for version 23 (cozmo/jsQR#251: 78 read as 74), so every
// version-23 code fails there; phone scanners read it, the app's own does not.
// A text that would need 23 is drawn at 24, one size up.
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';

/** Versions never drawn (see the header). */
export const UNREADABLE_QR_VERSIONS: ReadonlySet<number> = new Set([23]);

/** The version (1–40) to draw `text` at, or null when it fits none. */
export function readableQrVersion(text: string, level: QRCodeErrorCorrectionLevel): number | null {
  let version: number;
  try {
    version = QRCode.create(text, { errorCorrectionLevel: level }).version;
  } catch {
    return null;
  }
  while (UNREADABLE_QR_VERSIONS.has(version)) version += 1;
  return version <= 40 ? version : null;
}
