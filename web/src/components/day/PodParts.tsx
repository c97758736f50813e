// Pieces of a proof of delivery shared by the POD view and the printed report:
// the outcome line, the distance of the recorded position (flagged beyond
// 100 m) and the signature and photos as images ("not received yet" when missing).
import { For, Show, type JSX } from 'solid-js';
import { describePodDistance, type PodEntry } from '../../domain/day/pod';

const FAIL_TEXT: Record<string, string> = { 'not-home': 'not home', refused: 'refused', damaged: 'damaged', 'no-access': 'no access', other: 'other' };

/** "Done", or "Failed (not home)". */
export function podOutcome(entry: PodEntry): string {
  const event = entry.event;
  return event.type === 'failed' ? `Failed (${FAIL_TEXT[event.reason] ?? event.reason})` : 'Done';
}

/** The distance of the recorded position from the address, flagged beyond 100 m, with the phone's accuracy when it gave one. */
export function PodDistance(props: { entry: PodEntry }): JSX.Element {
  return (
    <Show when={props.entry.distanceM !== null} fallback={<span class="muted">no position recorded</span>}>
      <span class={props.entry.far ? 'pod-far' : undefined} data-far={props.entry.far ? 'yes' : 'no'}>
        {props.entry.far ? '⚠ ' : ''}{describePodDistance(props.entry.distanceM!)}
      </span>
      <Show when={props.entry.pod.accuracyM}>{(m) => <span class="muted"> (phone accuracy ±{Math.round(m())} m)</span>}</Show>
    </Show>
  );
}

/** Signature then photos as images; an id not received shows "not received yet". */
export function PodMediaList(props: { entry: PodEntry; label: string; urls: Map<string, string | null> | undefined }): JSX.Element {
  const items = () => [
    ...(props.entry.pod.signature ? [{ id: props.entry.pod.signature, name: `Signature of ${props.label}` }] : []),
    ...(props.entry.pod.photos ?? []).map((id, i) => ({ id, name: `Photo ${i + 1} of ${props.label}` })),
  ];
  return (
    <Show when={items().length > 0} fallback={<p class="muted pod-media__none">No photo or signature.</p>}>
      <ul class="pod-media" aria-label={`Photos and signature of ${props.label}`}>
        <For each={items()}>
          {(item) => (
            <li class="pod-media__item">
              <Show when={props.urls?.get(item.id)} fallback={<span class="muted">{item.name}: {props.urls ? 'not received yet' : 'loading…'}</span>}>
                {(url) => <img class="pod-media__img" src={url()} alt={item.name} />}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
