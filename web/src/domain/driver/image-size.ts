// Size maths of a proof-of-delivery photo: the phone shrinks a camera picture to
// fit a square box before it is stored and sent (pure; the canvas work is io/).

/** Longest side of a stored photo, pixels. */
export const PHOTO_MAX_SIDE = 1280;
/** JPEG quality of a stored photo. */
export const PHOTO_QUALITY = 0.7;

/**
 * The size of a `width` × `height` image scaled down (never up) so that neither side exceeds
 * `max`, keeping its aspect ratio; sides are whole pixels, at least 1.
 */
export function fitWithin(width: number, height: number, max = PHOTO_MAX_SIDE): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) throw new Error(`image size must be positive, got ${width} × ${height}`);
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
