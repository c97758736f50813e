// A small note that follows the pointer during an HTML5 drag (the browser's drag
// image cannot change while dragging, so live feedback needs its own element).
import { createSignal, onCleanup, onMount, type JSX } from 'solid-js';

/** Pointer-following badge; mount it only while a drag is in progress. */
export function DragBadge(props: { label: string; tone: 'ok' | 'bad' | 'idle'; children: JSX.Element }): JSX.Element {
  const [at, setAt] = createSignal<{ x: number; y: number } | null>(null);
  onMount(() => {
    const follow = (event: DragEvent) => setAt({ x: event.clientX, y: event.clientY });
    // Capture phase: drop targets stop the event from bubbling.
    document.addEventListener('dragover', follow, true);
    onCleanup(() => document.removeEventListener('dragover', follow, true));
  });
  return (
    <div
      class={`drag-badge drag-badge--${props.tone}`}
      role="status"
      aria-label={props.label}
      style={at() ? { left: `${at()!.x + 18}px`, top: `${at()!.y + 14}px` } : { visibility: 'hidden' }}
    >
      {props.children}
    </div>
  );
}
