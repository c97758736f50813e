// "Scan status QR": the laptop camera (getUserMedia) shown in a small video;
// frames are decoded a few times a second (jsQR via io/qr-read.ts) until a QR
// code is read, then the camera stops and the text goes to `onText`.
import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { frameSize, readQrFrame } from '../../io/qr-read';

/** Milliseconds between two decoded frames: the main thread stays free. */
const SCAN_EVERY_MS = 200;

/** The camera view; stops the camera on a read, on "Stop" and when removed. */
export function QrScan(props: { onText: (text: string) => void; onClose: () => void }): JSX.Element {
  const [error, setError] = createSignal<string | null>(null);
  let video!: HTMLVideoElement;
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const canvas = document.createElement('canvas');
  const stop = () => {
    clearTimeout(timer);
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
  };
  const scan = () => {
    if (!stream) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      const size = frameSize(video.videoWidth, video.videoHeight);
      Object.assign(canvas, size);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context?.drawImage(video, 0, 0, size.width, size.height);
      const text = context ? readQrFrame(context.getImageData(0, 0, size.width, size.height)) : null;
      if (text) {
        stop();
        props.onText(text);
        return;
      }
    }
    timer = setTimeout(scan, SCAN_EVERY_MS);
  };
  onMount(async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      video.srcObject = stream;
      await video.play();
      scan();
    } catch (err) {
      setError(`The camera could not be opened (${(err as Error)?.message ?? String(err)}): paste the status instead.`);
    }
  });
  onCleanup(stop);
  return (
    <div class="qr-scan" role="group" aria-label="Scan status QR">
      <video ref={video} class="qr-scan__video" muted playsinline aria-label="Camera" />
      <Show when={error()} fallback={<p class="muted">Hold the driver’s status QR code in front of the camera.</p>}>
        {(text) => <p class="day-risk" role="alert">{text()}</p>}
      </Show>
      <button type="button" class="btn btn--small" onClick={() => { stop(); props.onClose(); }}>Stop</button>
    </div>
  );
}
