// Day mode's route list: per route its progress (done/total), a "Delay" report
// (minutes lost by the vehicle from now on), and its stops in driving order with
// their status, actual or predicted time, at-risk reason and the "Done" /
// "Failed" (with a reason) actions for the stops not yet left.
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { PredictedRoute, PredictedStop } from '../../domain/day/eta';
import { FAIL_REASONS, type FailReason } from '../../domain/day/events';
import { useApp } from '../../store/context';
import { ShareRoute } from '../handoff/ShareRoute';
import { MessageButton } from '../messages/MessageButton';
import { MessageHistory } from '../messages/MessageHistory';
import { formatClock, formatShare } from '../ui/format';
import { createKeyed } from '../ui/keyed';
import { StopPod } from './PodView';

const FAIL_LABELS: Record<FailReason, string> = { 'not-home': 'not home', refused: 'refused', damaged: 'damaged', 'no-access': 'no access', other: 'other' };
const STATUS_LABELS: Record<string, string> = { planned: 'planned', 'en-route': 'en route', arrived: 'arrived', done: 'done', failed: 'failed', cancelled: 'cancelled' };

/** The routes of the day with their progress and stop actions (region "Routes of the day"). */
export function DayRoutes(): JSX.Element {
  const { day: [state] } = useApp();
  // Keyed by vehicle and stop: each estimate re-derives the routes as new objects, and an open POD must stay open.
  const routes = createKeyed(() => (state.derived?.prediction.routes ?? []).filter((r) => r.stops.length > 0), (r) => r.vehicleId);
  return (
    <section class="panel-section day-routes" aria-label="Routes of the day">
      <h2 class="section-title">Routes</h2>
      <For each={routes.keys()}>{(id) => <Show when={routes.item(id)}>{(route) => <DayRoute route={route()} />}</Show>}</For>
    </section>
  );
}

function DayRoute(props: { route: PredictedRoute }): JSX.Element {
  const { scenario: [scenarioState] } = useApp();
  const name = () => scenarioState.scenario?.vehicles.find((v) => v.id === props.route.vehicleId)?.name || props.route.vehicleId;
  const done = () => props.route.stops.filter((s) => s.status === 'done').length;
  const headId = () => `day-route-${props.route.vehicleId}`;
  const stops = createKeyed(() => props.route.stops, (s) => s.key);
  return (
    <article class={`day-route${props.route.risk ? ' is-at-risk' : ''}`} aria-labelledby={headId()} data-vehicle-id={props.route.vehicleId}>
      <header class="day-route__head">
        <h3 id={headId()} class="day-route__name">{name()}</h3>
        <span class="day-route__progress num" aria-label={`${done()} of ${props.route.stops.length} stops done`}>{done()}/{props.route.stops.length}</span>
        <span class="muted num">back {formatClock(props.route.endS)}</span>
        <DelayControl vehicleId={props.route.vehicleId} name={name()} />
        <ShareRoute vehicleId={props.route.vehicleId} day />
      </header>
      <Show when={props.route.risk}>{(risk) => <p class="day-risk">{risk()}</p>}</Show>
      <ol class="day-stops" aria-label={`Stops of ${name()}`}>
        <For each={stops.keys()}>{(key) => <Show when={stops.item(key)}>{(stop) => <DayStopItem stop={stop()} />}</Show>}</For>
      </ol>
    </article>
  );
}

/** "Delay": minutes the vehicle loses from now on. */
function DelayControl(props: { vehicleId: string; name: string }): JSX.Element {
  const { day: [, actions] } = useApp();
  const [minutes, setMinutes] = createSignal('15');
  const report = () => actions.addEvent({ type: 'delay', vehicle: props.vehicleId, minutes: Number(minutes()) });
  return (
    <span class="day-delay">
      <label class="field--inline">
        <span class="visually-hidden">Delay minutes of {props.name}</span>
        <input class="input input--minutes num" type="number" min="1" max="1440" step="1" value={minutes()} onInput={(e) => setMinutes(e.currentTarget.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') report(); }} />
      </label>
      <button type="button" class="btn btn--small" aria-describedby={`day-route-${props.vehicleId}`} onClick={report}>Delay</button>
    </span>
  );
}

function DayStopItem(props: { stop: PredictedStop }): JSX.Element {
  const { day: [state, actions], ui: [, uiActions] } = useApp();
  const [reason, setReason] = createSignal<FailReason>('not-home');
  const order = () => state.derived?.state.orders.find((o) => o.id === props.stop.orderId);
  const label = () => order()?.customerName || props.stop.orderId;
  const open = () => ['planned', 'en-route', 'arrived'].includes(props.stop.status);
  const nameId = () => `day-stop-${props.stop.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const stopRef = () => ({ order: props.stop.orderId, ...(props.stop.type === 'job' ? {} : { stop: props.stop.type }) });
  const time = () => (props.stop.startS === null ? '—' : `${props.stop.source === 'predicted' ? '≈' : ''}${formatClock(props.stop.startS)}`);
  return (
    <li class={`day-stop day-stop--${props.stop.status}${props.stop.risk ? ' is-at-risk' : ''}`} data-order-id={props.stop.orderId} data-stop-key={props.stop.key} data-status={props.stop.status}>
      <button type="button" class="link-button day-stop__name" id={nameId()} onClick={() => uiActions.selectOrder(props.stop.orderId)}>{label()}</button>
      <span class="day-stop__status">{STATUS_LABELS[props.stop.status]}</span>
      <span class="day-stop__time num" title={props.stop.source === 'predicted' ? 'predicted start' : 'actual start'}>{time()}</span>
      <Show when={open()}>
        <span class="day-stop__actions">
          <button type="button" class="btn btn--small" aria-describedby={nameId()} onClick={() => actions.addEvent({ type: 'done', ...stopRef() })}>Done</button>
          <label class="field--inline">
            <span class="visually-hidden">Reason of {label()}</span>
            <select class="input" value={reason()} onChange={(e) => setReason(e.currentTarget.value as FailReason)}>
              <For each={[...FAIL_REASONS]}>{(r) => <option value={r}>{FAIL_LABELS[r]}</option>}</For>
            </select>
          </label>
          <button type="button" class="btn btn--small" aria-describedby={nameId()} onClick={() => actions.addEvent({ type: 'failed', reason: reason(), ...stopRef() })}>Failed</button>
        </span>
      </Show>
      <MessageButton orderId={props.stop.orderId} customer={label()} describedBy={nameId()} />
      <DayStopChance stop={props.stop} />
      <Show when={props.stop.risk}>{(risk) => <span class="day-risk">{risk()}</span>}</Show>
      <MessageHistory orderId={props.stop.orderId} customer={label()} />
      <StopPod stopKey={props.stop.key} status={props.stop.status} label={label()} />
    </li>
  );
}

/** A remaining stop's chance of starting on time and its likely start (P10–P90), from the day's risk estimate. */
function DayStopChance(props: { stop: PredictedStop }): JSX.Element {
  const { day: [state] } = useApp();
  const figures = () => (props.stop.source === 'predicted' ? state.risk?.stopRisk(props.stop.orderId, props.stop.type === 'job' ? undefined : props.stop.type) : undefined);
  return (
    <Show when={figures()}>
      {(f) => (
        <span class="day-stop__chance num" data-testid="day-stop-chance" title="chance of starting on time · likely start (P10–P90)">
          {formatShare(f().pOnTime)} on time · {formatClock(f().startP10S)}–{formatClock(f().startP90S)}
        </span>
      )}
    </Show>
  );
}
