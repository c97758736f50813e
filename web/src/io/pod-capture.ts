// Proof-of-delivery media on the phone: a camera photo shrunk to a JPEG that fits
// 1280 px (quality 0.7) through a canvas, a signature canvas as PNG, both as the
// base64 media items of the status file, and fresh ids for events and media.
import type { PodMedia } from '../domain/day/events';
import { fitWithin, PHOTO_MAX_SIDE, PHOTO_QUALITY } from '../domain/driver/image-size';

/** A random id with a prefix ("pod-1f3a…"): unique across phones, kept in the phone's store once made. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The base64 part of a `data:` URL. */
function dataUrlBase64(url: string): string {
  return url.slice(url.indexOf(',') + 1);
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(dataUrlBase64(String(reader.result)));
    reader.onerror = () => reject(reader.error ?? new Error('the image could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** A photo file (any size the browser can decode) → a JPEG media item at most 1280 px on its longest side. */
export async function compressPhoto(file: Blob): Promise<PodMedia> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('This file is not a picture the browser can read.');
  }
  const size = fitWithin(bitmap.width, bitmap.height, PHOTO_MAX_SIDE);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY));
  if (!blob) throw new Error('The photo could not be compressed.');
  return { id: newId('photo'), type: 'image/jpeg', data: await blobToBase64(blob) };
}

/** A drawn signature canvas → a PNG media item. */
export function signatureMedia(canvas: HTMLCanvasElement): PodMedia {
  return { id: newId('signature'), type: 'image/png', data: dataUrlBase64(canvas.toDataURL('image/png')) };
}

/** A media item as an image URL (`data:`; the CSP admits it). */
export function mediaUrl(item: PodMedia): string {
  return `data:${item.type};base64,${item.data}`;
}

/** Where the phone is, when the user allows it; null after `timeoutMs` or on refusal. Never throws. */
export function currentPosition(timeoutMs = 15_000): Promise<{ lat: number; lng: number; accuracyM: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (p) => { clearTimeout(timer); resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) }); },
      () => { clearTimeout(timer); resolve(null); },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
