// The stops of one route in visiting order: service time, window and lateness,
// a pin per stop. Drag a stop onto another stop to put it just before that one,
// onto the end slot to make it last, or onto another route's row to move it there.
import { createEffect, For, type JSX } from 'solid-js';
import type { Order, Scenario } from '../domain/scenario';
import { isOrderStep, type OrderStepType, type Route } from '../domain/solution';
import { positionBefore } from '../plan/move';
import { routeOrderIds } from '../plan/rebuild-route';
import { lateness, stepKindLabel, stepWindows } from '../plan/timeline';
import { useApp } from '../store/context';
import { isOrderPinned } from '../store/pins';
import { isOrderSelected } from '../store/ui';
import { PinToggle } from './PinToggle';
import { dragSource, dropTarget } from './ui/dnd';
import { formatClock, formatDayMinutes } from './ui/format';

function windowText(order: Order | undefined, stepType: OrderStepType): string {
  const windows = order ? stepWindows(order, stepType) : [];
  if (windows.length === 0) return 'any time';
  return windows.map((w) => `${formatDayMinutes(w.start)}–${formatDayMinutes(w.end)}`).join(', ');
}

/** Ordered, draggable stop list of `route`. */
export function RouteStops(props: { route: Route; scenario: Scenario; editable: boolean }): JSX.Element {
  const { ui: [uiState, uiActions], pins: [pinsState, pinsActions], edit } = useApp();
  const orders = () => new Map(props.scenario.orders.map((o) => [o.id, o]));
  // Every stop: a job, or a shipment's pickup and (later) its delivery, both with the order's id.
  const stops = () => props.route.steps.filter(isOrderStep);
  const sequence = () => routeOrderIds(props.route);
  const before = (beforeId: string | null) => (_: DragEvent, moving: string) =>
    (props.editable ? { vehicleId: props.route.vehicleId, position: positionBefore(sequence(), moving, beforeId) } : null);
  return (
    <ol class="route-stops" aria-label="Stops in visiting order">
      <For each={stops()}>
        {(step, index) => {
          const order = () => orders().get(step.id);
          const selected = () => isOrderSelected(uiState, step.id);
          const late = () => (order() ? lateness(order()!, step.arrivalS, step.type) : 0);
          let item!: HTMLLIElement;
          createEffect(() => { if (selected()) item.scrollIntoView({ block: 'nearest' }); });
          return (
            <li
              ref={item}
              class={`route-stop${selected() ? ' is-selected' : ''}${late() > 0 ? ' is-late' : ''}`}
              data-order-id={step.id}
              data-step-type={step.type}
              {...dragSource(edit, () => step.id, () => !props.editable)}
              {...dropTarget(edit, before(step.id))}
              onClick={() => uiActions.selectOrder(step.id)}
            >
              <span class="route-stop__seq">{index() + 1}</span>
              <span class="route-stop__name">
                {step.type !== 'job' && <span class={`route-stop__kind route-stop__kind--${step.type}`}>{stepKindLabel(step.type)}</span>}
                {order()?.customerName || step.id}
              </span>
              <span class="route-stop__time num">{formatClock(step.arrivalS + step.waitS)}</span>
              <span class="route-stop__window muted">{late() > 0 ? `late ${Math.round(late() / 60)} min · ` : ''}{step.type === 'pickup' && order()?.pickup?.address ? `${order()!.pickup!.address} · ` : ''}{windowText(order(), step.type)}</span>
              <PinToggle
                pinned={isOrderPinned(pinsState, props.scenario.id, step.id)}
                label={`stop ${order()?.customerName || step.id}`}
                onToggle={() => pinsActions.toggleOrder(props.scenario.id, step.id, props.route.vehicleId)}
              />
            </li>
          );
        }}
      </For>
      <li class="route-stops__end muted" {...dropTarget(edit, before(null))}>Drop here to make it the last stop</li>
    </ol>
  );
}
