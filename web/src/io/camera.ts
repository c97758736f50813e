// Whether the laptop has a camera to scan a driver's status QR with (issue #13). Apart from the QR decoder
// (qr-read.ts, jsQR: a large library) so that the Day panel can ask without loading it.

/** True when the browser can open a camera and lists one (no permission prompt: labels stay hidden until granted). */
export async function hasCamera(): Promise<boolean> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!media?.getUserMedia || !media.enumerateDevices) return false;
  try {
    return (await media.enumerateDevices()).some((d) => d.kind === 'videoinput');
  } catch {
    return false;
  }
}
