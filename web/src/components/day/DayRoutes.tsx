// Day mode's route list: per route its progress (done/total), a "Delay" report
// (minutes lost by the vehicle from now on), and its stops in driving order with
// their status, actual or predicted time, at-risk reason and the "Done" /
// "Failed" (with a reason) actions for the stops not yet left.
import { createEffect, createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import type { PredictedRoute, PredictedStop } from '../../domain/day/eta';
import { FAIL_REASONS, type FailReason } from '../../domain/day/events';
import { useApp } from '../../store/context';
import { ShareRoute } from '../handoff/ShareRoute';
import { MessageButton } from '../messages/MessageButton';
import { MessageHistory } from '../messages/MessageHistory';
import { formatClock, formatCount, formatShare } from '../ui/format';
import { createProgressive } from '../ui/progressive';
import { createVehicleNames } from '../ui/vehicle-names';
import { isOrderSelected, isRouteSelected, selectedOrderId } from '../../store/ui';
import { scrollIntoViewSoon } from '../ui/scroll-soon';
import { createKeyed } from '../ui/keyed';
import { StopPod } from './PodView';

const FAIL_LABELS: Record<FailReason, string> = { 'not-home': 'not home', refused: 'refused', damaged: 'damaged', 'no-access': 'no access', other: 'other' };
const STATUS_LABELS: Record<string, string> = { planned: 'planned', 'en-route': 'en route', arrived: 'arrived', done: 'done', failed: 'failed', cancelled: 'cancelled' };

/**
 * Up to this many stops in the day, every route lists its stops. A larger day lists each route folded (its
 * progress, return, risk and actions) and a route's stops once opened ("Show stops"), or selected on the map,
 * timeline or lists: 10,000 stops listed at once, each with its actions, were over 100,000 elements, seconds
 * to render and to update at every clock step (issue #15).
 */
export const LIST_ALL_STOPS_UP_TO = 300;
/** Route rows rendered at once, then per frame (progressive.ts). */
const ROUTES_PER_FRAME = 40;

/** The routes of the day with their progress and stop actions (region "Routes of the day"). */
export function DayRoutes(): JSX.Element {
  const { day: [state], ui: [uiState], scenario: [scenarioState] } = useApp();
  const vehicleName = createVehicleNames(() => scenarioState.scenario, () => scenarioState.dataChanges);
  const used = createMemo(() => (state.derived?.prediction.routes ?? []).filter((r) => r.stops.length > 0));
  // Keyed by vehicle and stop: each estimate re-derives the routes as new objects, and an open POD must stay open.
  const routes = createKeyed(used, (r) => r.vehicleId);
  const shown = createProgressive(routes.keys, ROUTES_PER_FRAME);
  const folded = createMemo(() => used().reduce((n, r) => n + r.stops.length, 0) > LIST_ALL_STOPS_UP_TO);
  const [opened, setOpened] = createSignal<ReadonlySet<string>>(new Set());
  // The route of the selected stop opens with it (found once per selection and prediction, not per route).
  const selectedRoute = createMemo(() => {
    const id = selectedOrderId(uiState);
    return id === null ? null : used().find((r) => r.stops.some((s) => s.orderId === id))?.vehicleId ?? null;
  });
  const isOpen = (vehicleId: string) => !folded() || opened().has(vehicleId) || selectedRoute() === vehicleId || isRouteSelected(uiState, vehicleId);
  const toggle = (vehicleId: string) => setOpened((was) => {
    const next = new Set(was);
    if (!next.delete(vehicleId)) next.add(vehicleId);
    return next;
  });
  return (
    <section class="panel-section day-routes" aria-label="Routes of the day">
      <h2 class="section-title">Routes</h2>
      <Show when={folded()}>
        <p class="muted">{formatCount(routes.keys().length)} routes, {formatCount(used().reduce((n, r) => n + r.stops.length, 0))} stops: open a route, or select a stop, to list its stops.</p>
      </Show>
      <For each={shown()}>
        {(id) => <Show when={routes.item(id)}>{(route) => <DayRoute route={route()} name={vehicleName(id) || id} folded={folded()} open={isOpen(id)} onToggle={() => toggle(id)} />}</Show>}
      </For>
    </section>
  );
}

function DayRoute(props: { route: PredictedRoute; name: string; folded: boolean; open: boolean; onToggle: () => void }): JSX.Element {
  const name = () => props.name;
  const done = () => props.route.stops.filter((s) => s.status === 'done').length;
  const headId = () => `day-route-${props.route.vehicleId}`;
  const listId = () => `day-route-stops-${props.route.vehicleId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <article class={`day-route${props.route.risk ? ' is-at-risk' : ''}`} aria-labelledby={headId()} data-vehicle-id={props.route.vehicleId}>
      <header class="day-route__head">
        <h3 id={headId()} class="day-route__name">{name()}</h3>
        <span class="day-route__progress num" aria-label={`${done()} of ${props.route.stops.length} stops done`}>{done()}/{props.route.stops.length}</span>
        <span class="muted num">back {formatClock(props.route.endS)}</span>
        <DelayControl vehicleId={props.route.vehicleId} name={name()} />
        <ShareRoute vehicleId={props.route.vehicleId} name={name()} day />
        <Show when={props.folded}>
          <button type="button" class="btn btn--small" aria-expanded={props.open} aria-controls={props.open ? listId() : undefined} aria-describedby={headId()} onClick={() => props.onToggle()}>
            {props.open ? 'Hide stops' : 'Show stops'}
          </button>
        </Show>
      </header>
      <Show when={props.route.risk}>{(risk) => <p class="day-risk">{risk()}</p>}</Show>
      <Show when={props.open}>
        <DayStops route={props.route} name={name()} id={listId()} />
      </Show>
    </article>
  );
}

/** A route's stops in driving order, each with its status, time and actions. */
function DayStops(props: { route: PredictedRoute; name: string; id: string }): JSX.Element {
  const stops = createKeyed(() => props.route.stops, (s) => s.key);
  return (
    <ol class="day-stops" id={props.id} aria-label={`Stops of ${props.name}`}>
      <For each={stops.keys()}>{(key) => <Show when={stops.item(key)}>{(stop) => <DayStopItem stop={stop()} />}</Show>}</For>
    </ol>
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
  const { day: [state, actions], ui: [uiState, uiActions] } = useApp();
  // A stop selected anywhere (the map, the timeline, At risk) is marked and brought into view in the list, after
  // the frame that lays it out (its route may have just opened for it).
  const selected = () => isOrderSelected(uiState, props.stop.orderId);
  let item!: HTMLLIElement;
  createEffect(() => { if (selected()) scrollIntoViewSoon(item, { block: 'nearest' }, selected); });
  const [reason, setReason] = createSignal<FailReason>('not-home');
  const label = () => state.orderOf(props.stop.orderId)?.customerName || props.stop.orderId;
  const open = () => ['planned', 'en-route', 'arrived'].includes(props.stop.status);
  const nameId = () => `day-stop-${props.stop.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const stopRef = () => ({ order: props.stop.orderId, ...(props.stop.type === 'job' ? {} : { stop: props.stop.type }) });
  const time = () => (props.stop.startS === null ? '—' : `${props.stop.source === 'predicted' ? '≈' : ''}${formatClock(props.stop.startS)}`);
  return (
    <li ref={item} class={`day-stop day-stop--${props.stop.status}${props.stop.risk ? ' is-at-risk' : ''}${selected() ? ' is-selected' : ''}`} data-order-id={props.stop.orderId} data-stop-key={props.stop.key} data-status={props.stop.status}>
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
