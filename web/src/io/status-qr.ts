// The QR code of a driver's status events (no media): drawn by the `qrcode`
// package when the text fits in one code at low error correction, else null.
import QRCode from 'qrcode';
import { readableQrVersion } from './qr-version';

/** Error correction of the status QR: lowest, so the most events fit (a phone screen is a clean medium). */
const LEVEL = 'L';

/** The QR version (1–40) `text` is drawn at (never one the scanner misreads), or null when it does not fit in any. */
export function statusQrVersion(text: string): number | null {
  return readableQrVersion(text, LEVEL);
}

/** A PNG data URL of the QR code of `text`, or null when it is too long for one. */
export async function statusQrImage(text: string): Promise<string | null> {
  const version = statusQrVersion(text);
  if (version === null) return null;
  return QRCode.toDataURL(text, { errorCorrectionLevel: LEVEL, version, margin: 2, width: 360 });
}
