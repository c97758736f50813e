// Reads a QR code from one camera frame (issue #13: a driver's status QR scanned
// with the laptop camera). jsQR decodes the RGBA pixels; this module owns the
// frame size, so the component stays a thin loop (the camera check is camera.ts).
import jsQR from 'jsqr';

/** Frames are scaled down to at most this width before decoding: enough for a QR held near the camera, cheap to scan. */
export const QR_FRAME_MAX_WIDTH = 640;

/** The text of the QR code in an RGBA frame, or null when there is none. */
export function readQrFrame(frame: { data: Uint8ClampedArray; width: number; height: number }): string | null {
  return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** The size a frame of `width` × `height` is decoded at (aspect kept, at most QR_FRAME_MAX_WIDTH wide). */
export function frameSize(width: number, height: number): { width: number; height: number } {
  const scale = width > QR_FRAME_MAX_WIDTH ? QR_FRAME_MAX_WIDTH / width : 1;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
