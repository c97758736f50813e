// The "Signature" canvas: the recipient draws with a finger, pen or mouse
// (pointer events). Optional: keyboard users tab past it. The drawing becomes a
// PNG media item on Save.
import { createSignal, onMount, type JSX } from 'solid-js';
import type { PodMedia } from '../../domain/day/events';
import { signatureMedia } from '../../io/pod-capture';

/** Canvas pixels; CSS scales it to the card's width. */
const WIDTH = 600;
const HEIGHT = 200;

/** What the form asks of the pad on Save. */
export interface SignatureHandle {
  /** The drawing as a PNG media item, or null when nothing was drawn. */
  media(): PodMedia | null;
}

/** The signature pad; `ref` receives its handle. */
export function SignaturePad(props: { ref: (handle: SignatureHandle) => void }): JSX.Element {
  let canvas!: HTMLCanvasElement;
  const [drawn, setDrawn] = createSignal(false);
  let drawing = false;
  const context = () => canvas.getContext('2d')!;
  const point = (e: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    return { x: ((e.clientX - box.left) * WIDTH) / box.width, y: ((e.clientY - box.top) * HEIGHT) / box.height };
  };
  const clear = () => {
    const ctx = context();
    // A white page, so the PNG reads on any background.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    setDrawn(false);
  };
  const down = (e: PointerEvent) => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    const { x, y } = point(e);
    context().beginPath();
    context().moveTo(x, y);
  };
  const move = (e: PointerEvent) => {
    if (!drawing) return;
    const { x, y } = point(e);
    context().lineTo(x, y);
    context().stroke();
    setDrawn(true);
  };
  const up = () => { drawing = false; };
  onMount(() => {
    clear();
    props.ref({ media: () => (drawn() ? signatureMedia(canvas) : null) });
  });
  return (
    <div class="driver-signature">
      <canvas ref={canvas} class="driver-signature__canvas" width={WIDTH} height={HEIGHT} aria-label="Signature" role="img"
        onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up} />
      <div class="driver-signature__bar">
        <span class="muted">{drawn() ? 'Signed' : 'Sign above (optional)'}</span>
        <button type="button" class="btn btn--small" onClick={clear} disabled={!drawn()}>Clear signature</button>
      </div>
    </div>
  );
}
