// The selected stop and the keyboard way to change the plan: "Move to" a route
// (or off the plan) at a position, with the same live feasibility and cost as a
// drag, and a pin that keeps the stop on its vehicle when optimizing again. A
// stop served late under its allowance says why and what would fix it.
import { createComputed, createMemo, createSignal, For, on, createEffect, Show, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import { isOrderStep } from '../domain/solution';
import { lateness } from '../plan/timeline';
import { routeOrderIds, servesOrder } from '../plan/rebuild-route';
import { moveSlots } from '../plan/move-slots';
import { afterFrame } from '../map/chunked';
import { useApp } from '../store/context';
import { createOrderIndex } from './ui/order-index';
import { isOrderPinned } from '../store/pins';
import { selectedOrderId } from '../store/ui';
import { previewSummary } from './MoveFeedback';
import { EditOrderButton } from './orders/EditOrderButton';
import { PinToggle } from './PinToggle';
import { formatClock, plural } from './ui/format';
import { LateWhy } from './LateWhy';

const UNASSIGN = '';
const BEST = 'best';

/**
 * Where the order is now: its vehicle and 0-based position among the route's orders, or off the plan.
 * `serviceS` is the service start of its job, or of a shipment's pickup (`deliveryS`: of its delivery).
 */
function placeOf(scenario: Scenario, orderId: string): { vehicleId: string | null; position: number; numbers: number[]; serviceS: number | null; deliveryS: number | null } {
  for (const route of scenario.plan?.solution.routes ?? []) {
    // Most routes do not serve the order: a scan of their steps is cheaper than listing their order ids.
    if (!servesOrder(route, orderId)) continue;
    const position = routeOrderIds(route).indexOf(orderId);
    if (position < 0) continue;
    // Stop numbers as the map and the timeline count them: every order step, a shipment's two apart.
    const served = route.steps.filter(isOrderStep);
    const numbers = served.flatMap((s, i) => (s.id === orderId ? [i + 1] : []));
    const steps = served.filter((s) => s.id === orderId);
    const start = (type: string) => {
      const step = steps.find((s) => s.type === type);
      return step ? step.arrivalS + step.waitS : null;
    };
    const first = steps[0];
    return { vehicleId: route.vehicleId, position, numbers, serviceS: first ? first.arrivalS + first.waitS : null, deliveryS: start('pickup') === null ? null : start('delivery') };
  }
  return { vehicleId: null, position: 0, numbers: [], serviceS: null, deliveryS: null };
}

/** The "Selected stop" card; shown while a stop (order) is selected and a plan exists. */
export function MoveControls(): JSX.Element {
  const { scenario: [state], ui: [uiState] } = useApp();
  // Only while a stop is selected: opening a scenario or storing a plan does not pay for it.
  const orders = createOrderIndex(() => (selectedOrderId(uiState) ? state.scenario : null), () => state.dataChanges);
  const view = () => {
    const orderId = selectedOrderId(uiState);
    const scenario = state.scenario;
    const at = orderId ? orders.at(orderId) : undefined;
    return orderId && scenario?.plan && at !== undefined ? { orderId, scenario, at } : null;
  };
  // The card is made once per selected stop and follows the plan and data itself: made again for every new plan,
  // a move applied at 10,000 stops re-created it (its list of every vehicle included) in the click's task (issue #15).
  const shown = createMemo<ReturnType<typeof view>>((last) => view() ?? last, null);
  const selected = createMemo(() => view()?.orderId ?? null);
  return <Show when={selected()} keyed>{(orderId) => <StopCard orderId={orderId} at={shown()!.at} scenario={shown()!.scenario} orderAt={orders.at} />}</Show>;
}

/** Broken rules the card lists under a move's preview (the drag badge, following the pointer, shows the first). */
const PROBLEMS_SHOWN = 3;

/** `at`: the order's position in the scenario's orders (`orderAt` finds any order's). */
function StopCard(props: { orderId: string; at: number; scenario: Scenario; orderAt: (orderId: string) => number | undefined }): JSX.Element {
  const { ui: [, uiActions], pins: [pinsState, pinsActions], edit: [, editActions], run: [run] } = useApp();
  const order = () => props.scenario.orders[props.at];
  // Read several times per render: found once (thousands of stops to search: issue #15).
  const place = createMemo(() => placeOf(props.scenario, props.orderId));
  const vehicleName = (id: string | null) => props.scenario.vehicles.find((v) => v.id === id)?.name ?? id ?? '';
  const here = () => place().vehicleId ?? props.scenario.vehicles[0]?.id ?? UNASSIGN;
  const [vehicle, setVehicle] = createSignal<string>(here());
  const [position, setPosition] = createSignal<string>(BEST);
  createEffect(on(vehicle, () => setPosition(BEST), { defer: true }));
  const plan = () => props.scenario.plan;
  // A new plan (a move applied, a solve) starts the form again from where the stop now is.
  createEffect(on(plan, () => { setVehicle(here()); setPosition(BEST); }, { defer: true }));
  const nameOf = (id: string) => { const o = props.scenario.orders[props.orderAt(id) ?? -1]; return o?.customerName || id; };
  const slots = () => moveSlots(props.scenario.plan?.solution.routes.find((r) => r.vehicleId === vehicle()) ?? null, props.orderId, nameOf);
  const target = () => ({ vehicleId: vehicle() === UNASSIGN ? null : vehicle(), position: position() === BEST ? undefined : Number(position()) });
  // The preview re-checks the whole plan (tens of ms at 5,000 stops): it comes a frame after the card, and a frame
  // after each new plan, so neither selecting a stop nor applying a move is one long task (issue #15).
  const [settled, setSettled] = createSignal<unknown>(undefined, { equals: false });
  createComputed(on(plan, (now) => afterFrame(() => setSettled(() => now))));
  const preview = createMemo(() => (settled() === plan() ? editActions.evaluate(props.orderId, target()) : null));
  /** Seconds the stop (or its latest step) is served after its window closed: from its own route's steps, not all. */
  const lateBy = () => {
    const route = props.scenario.plan?.solution.routes.find((r) => r.vehicleId === place().vehicleId);
    return Math.max(0, ...(route?.steps ?? []).filter(isOrderStep).filter((st) => st.id === props.orderId).map((st) => lateness(order(), st.arrivalS, st.type)));
  };
  // The move lands a frame after the click: at 10,000 stops the click's own task (hit test, layout) and the plan's
  // landing (every view following it) together came within a few ms of 50 (issue #15). Disabled meanwhile.
  const [applying, setApplying] = createSignal(false);
  const applyMove = () => {
    const orderId = props.orderId;
    const to = target();
    setApplying(true);
    afterFrame(() => { setApplying(false); editActions.requestMove(orderId, to); });
  };
  const unassignedReason = () => props.scenario.plan?.solution.unassigned.find((u) => u.orderId === props.orderId)?.reason;
  const status = () => (place().vehicleId === null
    ? `Unassigned — ${unassignedReason() ?? 'not on any route'}`
    : place().deliveryS !== null
      ? `Stops ${place().numbers.join(' and ')} on ${vehicleName(place().vehicleId)} · pickup ${formatClock(place().serviceS ?? 0)}, delivery ${formatClock(place().deliveryS ?? 0)}`
      : `Stop ${place().numbers[0]} on ${vehicleName(place().vehicleId)} · service ${formatClock(place().serviceS ?? 0)}`);
  return (
    <section class="panel-section stop-card" aria-label="Selected stop">
      <div class="section-head">
        <h2 class="section-title">Selected stop</h2>
        <EditOrderButton orderId={props.orderId} />
        <button type="button" class="btn btn--ghost btn--small" onClick={() => uiActions.clearSelection()}>Close</button>
      </div>
      <div class="stop-card__who">
        <PinToggle
          pinned={isOrderPinned(pinsState, props.scenario.id, props.orderId)}
          label={`stop ${order().customerName || props.orderId}`}
          disabled={place().vehicleId === null}
          onToggle={() => pinsActions.toggleOrder(props.scenario.id, props.orderId, place().vehicleId!)}
        />
        <div>
          <strong>{order().customerName || props.orderId}</strong> <span class="muted">{props.orderId}</span>
          <div class="muted">{order().address}</div>
          <div>{status()}</div>
        </div>
      </div>
      <Show when={lateBy() > 0}>
        <LateWhy orderId={props.orderId} scenario={props.scenario} lateS={lateBy()} />
      </Show>
      <div class="move-form">
        <label class="field">
          <span class="field__label">Move to</span>
          <select value={vehicle()} onChange={(e) => setVehicle(e.currentTarget.value)} disabled={run.status === 'running'}>
            <For each={props.scenario.vehicles}>{(v) => <option value={v.id}>{v.name || v.id}</option>}</For>
            <option value={UNASSIGN}>Unassigned (off the plan)</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">Position</span>
          <select value={position()} onChange={(e) => setPosition(e.currentTarget.value)} disabled={vehicle() === UNASSIGN || run.status === 'running'}>
            <option value={BEST}>Best</option>
            <For each={slots()}>{(slot) => <option value={String(slot.value)}>{slot.label}</option>}</For>
          </select>
        </label>
        <button type="button" class="btn btn--primary" disabled={!preview() || applying() || run.status === 'running'} onClick={applyMove}>
          {preview() && preview()!.problems.length > 0 ? 'Move anyway…' : 'Move'}
        </button>
      </div>
      <p class={`move-preview${preview()?.problems.length ? ' move-preview--bad' : ''}`} role="status" aria-label="Move preview">
        {preview() ? previewSummary(preview()!) : 'Choose another route or position to see the effect.'}
        <For each={preview()?.problems.slice(0, PROBLEMS_SHOWN) ?? []}>{(p) => <span class="move-preview__problem">{p}</span>}</For>
        <Show when={(preview()?.problems.length ?? 0) > PROBLEMS_SHOWN}>
          <span class="move-preview__problem">and {plural((preview()?.problems.length ?? 0) - PROBLEMS_SHOWN, 'more rule')}</span>
        </Show>
      </p>
    </section>
  );
}
