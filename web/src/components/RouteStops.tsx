// The stops of one route in visiting order: service time, window and lateness,
// a pin per stop. Drag a stop onto another stop to put it just before that one,
// onto the end slot to make it last, or onto another route's row to move it there.
import { createEffect, For, type JSX } from 'solid-js';
import type { Order, Scenario } from '../domain/scenario';
import type { Route } from '../domain/solution';
import { positionBefore } from '../plan/move';
import { routeOrderIds } from '../plan/rebuild-route';
import { lateness } from '../plan/timeline';
import { useApp } from '../store/context';
import { isOrderPinned } from '../store/pins';
import { isOrderSelected } from '../store/ui';
import { PinToggle } from './PinToggle';
import { dragSource, dropTarget } from './ui/dnd';
import { formatClock, formatDayMinutes } from './ui/format';

function windowText(order: Order | undefined): string {
  if (!order || order.timeWindows.length === 0) return 'any time';
  return order.timeWindows.map((w) => `${formatDayMinutes(w.start)}–${formatDayMinutes(w.end)}`).join(', ');
}

/** Ordered, draggable stop list of `route`. */
export function RouteStops(props: { route: Route; scenario: Scenario; editable: boolean }): JSX.Element {
  const { ui: [uiState, uiActions], pins: [pinsState, pinsActions], edit } = useApp();
  const orders = () => new Map(props.scenario.orders.map((o) => [o.id, o]));
  const jobs = () => props.route.steps.filter((s) => s.type === 'job');
  const sequence = () => routeOrderIds(props.route);
  const before = (beforeId: string | null) => (_: DragEvent, moving: string) =>
    (props.editable ? { vehicleId: props.route.vehicleId, position: positionBefore(sequence(), moving, beforeId) } : null);
  return (
    <ol class="route-stops" aria-label="Stops in visiting order">
      <For each={jobs()}>
        {(step, index) => {
          const order = () => orders().get(step.id);
          const selected = () => isOrderSelected(uiState, step.id);
          const late = () => (order() ? lateness(order()!, step.arrivalS) : 0);
          let item!: HTMLLIElement;
          createEffect(() => { if (selected()) item.scrollIntoView({ block: 'nearest' }); });
          return (
            <li
              ref={item}
              class={`route-stop${selected() ? ' is-selected' : ''}${late() > 0 ? ' is-late' : ''}`}
              data-order-id={step.id}
              {...dragSource(edit, () => step.id, () => !props.editable)}
              {...dropTarget(edit, before(step.id))}
              onClick={() => uiActions.selectOrder(step.id)}
            >
              <span class="route-stop__seq">{index() + 1}</span>
              <span class="route-stop__name">{order()?.customerName || step.id}</span>
              <span class="route-stop__time num">{formatClock(step.arrivalS + step.waitS)}</span>
              <span class="route-stop__window muted">{late() > 0 ? `late ${Math.round(late() / 60)} min · ` : ''}{windowText(order())}</span>
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
