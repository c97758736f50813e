// The proof of delivery of a done or failed stop (issue #13): photo(s) and
// signature as images from the media store ("not received yet" when a status
// named one that has not come), recipient, note, time, and how far from the
// address the phone recorded it (flagged beyond 100 m). "POD" toggles it open
// on a stop of the day's routes or a done/failed line of the event log.
import { createMemo, createSignal, Show, type JSX } from 'solid-js';
import { podEntry, podMediaIds, podOfEvent, type PodEntry } from '../../domain/day/pod';
import { formatDayTime, type DayEvent } from '../../domain/day/events';
import type { StopStatus } from '../../domain/day/day-state';
import { useApp } from '../../store/context';
import { createMediaUrls } from '../../store/pod';
import { PodDistance, PodMediaList, podOutcome } from './PodParts';
import { PodPrintButton } from './PodReport';
import '../../pod.css';

/** The day's state, changing with the log only: the clock's ticks (new predictions) do not recompute PODs. */
function useDayState() {
  const { day: [state] } = useApp();
  const dayState = createMemo(() => state.derived?.state ?? null);
  // The log the state was derived from, as plain data (the store's own would be a proxy: each of a long log's
  // events read through it, and tracked, at every look-up).
  return { dayState, events: () => state.derived?.day.events ?? [] };
}

/** "POD" on a done or failed stop of the day's routes, opening its proof of delivery below it. */
export function StopPod(props: { stopKey: string; status: StopStatus; label: string }): JSX.Element {
  const { dayState, events } = useDayState();
  const entry = createMemo(() => (dayState() ? podEntry(dayState()!, events(), props.stopKey) : null));
  return <Show when={props.status === 'done' || props.status === 'failed' ? entry() : null}>{(e) => <PodToggle entry={e()} label={props.label} />}</Show>;
}

/** "POD" on a done or failed event of the log (the POD that event recorded, even when later corrected). */
export function EventPod(props: { event: DayEvent }): JSX.Element {
  const { dayState, events } = useDayState();
  const entry = createMemo(() => ((props.event.type === 'done' || props.event.type === 'failed') && dayState() ? podOfEvent(dayState()!, events(), props.event.id) : null));
  return <Show when={entry()}>{(e) => <PodToggle entry={e()} label={e().order.customerName || e().order.id} />}</Show>;
}

function PodToggle(props: { entry: PodEntry; label: string }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button type="button" class="btn btn--small" aria-expanded={open()} aria-label={`POD of ${props.label}`} onClick={() => setOpen(!open())}>POD</button>
      <Show when={open()}><PodView entry={props.entry} label={props.label} /></Show>
    </>
  );
}

/** The proof of delivery of one stop (region "Proof of delivery of <customer>"). */
export function PodView(props: { entry: PodEntry; label: string }): JSX.Element {
  const { pod } = useApp();
  const urls = createMediaUrls(pod, () => podMediaIds(props.entry.pod));
  const e = () => props.entry;
  return (
    <div class="pod-view" role="region" aria-label={`Proof of delivery of ${props.label}`}>
      <p class="pod-view__head"><strong>{podOutcome(e())}</strong> at <span class="num">{formatDayTime(e().event.at)}</span> · {e().order.id}</p>
      <dl class="pod-view__facts">
        <div><dt>Recipient</dt><dd>{e().pod.recipient || '—'}</dd></div>
        <div><dt>Note</dt><dd class="pod-view__note">{e().pod.note || '—'}</dd></div>
        <div><dt>Position</dt><dd><PodDistance entry={e()} /></dd></div>
        <Show when={e().redeliveryId}>{(id) => <div><dt>Re-delivery</dt><dd>{id()}</dd></div>}</Show>
      </dl>
      <PodMediaList entry={e()} label={props.label} urls={urls()} />
      <PodPrintButton scope={{ orderId: e().order.id }} label={`Print POD of ${props.label}`} />
    </div>
  );
}
