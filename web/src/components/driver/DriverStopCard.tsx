// One stop on the phone: what the driver needs to find and serve it (window,
// ETA, service, notes, items, customer, tel: and navigation links), its status,
// and the "Arrived" / "Done" / "Failed" actions. A finished stop can be
// corrected by a later Done or Failed: that adds an event, it never edits one.
import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { formatDayTime } from '../../domain/day/events';
import { stopProgress, type DriverEvent } from '../../domain/driver/driver-log';
import { appleMapsLink, geoLink, googleMapsLink, telLink } from '../../domain/driver/nav-links';
import { formatDayMinutes, plural } from '../../domain/format';
import type { DriverStop } from '../../domain/handoff/driver-route';
import type { DriverStore } from './DriverApp';
import { FailForm } from './FailForm';
import { FAIL_REASON_TEXT } from './labels';
import { PodForm } from './PodForm';

const STATUS_TEXT = { planned: 'To do', arrived: 'Arrived', done: 'Done', failed: 'Failed' } as const;

function windowsText(stop: DriverStop): string {
  return stop.windows.length ? stop.windows.map((w) => `${formatDayMinutes(w.start)}–${formatDayMinutes(w.end)}`).join(', ') : 'any time';
}

/** What the latest done/failed event recorded ("Recipient Ann · signature · 1 photo · not home"), '' when nothing. */
function podSummary(last: DriverEvent | undefined): string {
  if (!last || last.type === 'arrived') return '';
  const pod = last.pod ?? {};
  const parts = [
    last.type === 'failed' ? `Failed: ${FAIL_REASON_TEXT[last.reason].toLowerCase()}` : '',
    pod.recipient ? `Recipient ${pod.recipient}` : '',
    pod.signature ? 'signature' : '',
    pod.photos?.length ? plural(pod.photos.length, 'photo') : '',
    pod.note ? `“${pod.note}”` : '',
    pod.lat !== undefined ? 'position' : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A stop with its details and actions. */
export function DriverStopCard(props: { stop: DriverStop; number: number; store: DriverStore }): JSX.Element {
  const [state, actions] = props.store;
  const [form, setForm] = createSignal<'none' | 'done' | 'failed'>('none');
  const progress = () => stopProgress(state.log, props.stop);
  const headId = () => `driver-stop-${props.number}`;
  const finished = () => progress().status === 'done' || progress().status === 'failed';
  return (
    <article class="driver-stop" aria-labelledby={headId()} data-status={progress().status} data-order={props.stop.order}>
      <h2 id={headId()} class="driver-stop__title">
        {props.number}. {props.stop.customerName || props.stop.order}
        <Show when={props.stop.side}>{(side) => <span class="muted"> ({side()})</span>}</Show>
      </h2>
      <p class="driver-stop__status" data-status={progress().status}>
        {STATUS_TEXT[progress().status]}
        <Show when={progress().last}>{(last) => <span> at {formatDayTime(last().at).slice(0, 5)}</span>}</Show>
        <Show when={progress().outcomes > 1}><span> (corrected)</span></Show>
      </p>
      <Show when={podSummary(progress().last)}>{(text) => <p class="driver-stop__pod">{text()}</p>}</Show>
      <StopDetails stop={props.stop} />
      <Switch>
        <Match when={form() === 'done'}>
          <PodForm stop={props.stop} store={props.store} onClose={() => setForm('none')} />
        </Match>
        <Match when={form() === 'failed'}>
          <FailForm stop={props.stop} store={props.store} onClose={() => setForm('none')} />
        </Match>
        <Match when={form() === 'none'}>
          <Show when={finished()}><p class="muted">Done or Failed again records a correction.</p></Show>
          <div class="driver-actions">
            <button type="button" class="btn" disabled={progress().status !== 'planned'} onClick={() => void actions.report(props.stop, { type: 'arrived' }, [])}>Arrived</button>
            <button type="button" class="btn btn--primary" onClick={() => setForm('done')}>Done</button>
            <button type="button" class="btn btn--danger" onClick={() => setForm('failed')}>Failed</button>
          </div>
        </Match>
      </Switch>
    </article>
  );
}

/** Window, ETA, service, items, notes, customer contact and navigation. */
function StopDetails(props: { stop: DriverStop }): JSX.Element {
  const tel = () => telLink(props.stop.phone);
  return (
    <dl class="driver-details">
      <dt>Window</dt><dd class="num">{windowsText(props.stop)}</dd>
      <dt>ETA</dt><dd class="num">{formatDayMinutes(props.stop.eta)}</dd>
      <dt>Service</dt><dd>{props.stop.serviceType} · {props.stop.serviceMinutes} min</dd>
      <Show when={props.stop.items}><dt>Items</dt><dd>{props.stop.items}</dd></Show>
      <Show when={props.stop.notes}><dt>Notes</dt><dd class="driver-notes">{props.stop.notes}</dd></Show>
      <dt>Customer</dt><dd>{props.stop.customerName}</dd>
      <Show when={tel()}>{(href) => <><dt>Phone</dt><dd><a href={href()}>{props.stop.phone}</a></dd></>}</Show>
      <dt>Address</dt><dd>{props.stop.address}</dd>
      <dt>Navigate</dt>
      <dd class="driver-nav">
        <a href={geoLink(props.stop)}>Navigate</a>
        <a href={googleMapsLink(props.stop)} target="_blank" rel="noopener noreferrer">Google Maps</a>
        <a href={appleMapsLink(props.stop)} target="_blank" rel="noopener noreferrer">Apple Maps</a>
      </dd>
    </dl>
  );
}
