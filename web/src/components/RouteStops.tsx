// The stops of one route in visiting order: service time, window and lateness,
// a pin per stop, and the driver's breaks where they fall (not draggable). Drag a stop onto another stop to put it just before that one,
// onto the end slot to make it last, or onto another route's row to move it there.
import { createEffect, createMemo, For, Show, type JSX } from 'solid-js';
import type { Order, Scenario, TimeWindow } from '../domain/scenario';
import { isOrderStep, type OrderStepType, type Route, type Step } from '../domain/solution';
import { positionBefore } from '../plan/move';
import { routeOrderIds } from '../plan/rebuild-route';
import { lateness, stepKindLabel, stepWindows } from '../plan/timeline';
import { useApp } from '../store/context';
import { isOrderPinned } from '../store/pins';
import { isOrderSelected } from '../store/ui';
import { MessageButton } from './messages/MessageButton';
import { PinToggle } from './PinToggle';
import { createOrderIndex } from './ui/order-index';
import { dragSource, dropTarget } from './ui/dnd';
import { formatClock, formatDayMinutes, formatMinutes } from './ui/format';

/** Windows as "08:00–10:00, 15:00–17:00". */
const windowList = (windows: readonly TimeWindow[]): string => windows.map((w) => `${formatDayMinutes(w.start)}–${formatDayMinutes(w.end)}`).join(', ');

function windowText(order: Order | undefined, stepType: OrderStepType): string {
  const windows = order ? stepWindows(order, stepType) : [];
  return windows.length === 0 ? 'any time' : windowList(windows);
}

/** Ordered, draggable stop list of `route`. */
export function RouteStops(props: { route: Route; scenario: Scenario; editable: boolean }): JSX.Element {
  const { scenario: [scenarioState], ui: [uiState, uiActions], pins: [pinsState, pinsActions], edit } = useApp();
  // Each stop's order by id, without walking 10,000 orders through the store (issue #15).
  const orders = createOrderIndex(() => props.scenario, () => scenarioState.dataChanges);

  // Every stop: a job, or a shipment's pickup and (later) its delivery, both with the order's id; and
  // the breaks between them. `seq` numbers the stops only.
  const items = () => {
    let seq = 0;
    return props.route.steps.filter((st) => isOrderStep(st) || st.type === 'break')
      .map((step) => ({ step, seq: isOrderStep(step) ? ++seq : 0 }));
  };
  const sequence = () => routeOrderIds(props.route);
  const before = (beforeId: string | null) => (_: DragEvent, moving: string) =>
    (props.editable ? { vehicleId: props.route.vehicleId, position: positionBefore(sequence(), moving, beforeId) } : null);
  return (
    <ol class="route-stops" aria-label="Stops in visiting order">
      <For each={items()}>
        {({ step: any, seq }) => {
          if (!isOrderStep(any)) return <BreakItem step={any} route={props.route} scenario={props.scenario} />;
          const step = any;
          // Looked up once per item (its text reads it five times), again only when the data changes.
          const order = createMemo(() => orders.order(step.id));
          const selected = () => isOrderSelected(uiState, step.id);
          const late = () => (order() ? lateness(order()!, step.arrivalS, step.type) : 0);
          let item!: HTMLLIElement;
          createEffect(() => { if (selected()) item.scrollIntoView({ block: 'nearest' }); });
          // Handlers set one by one, not spread (a spread makes all the item's attributes one diffed effect).
          const drag = dragSource(edit, () => step.id, () => !props.editable);
          const dropOn = dropTarget(edit, before(step.id));
          return (
            <li
              ref={item}
              class={`route-stop${selected() ? ' is-selected' : ''}${late() > 0 ? ' is-late' : ''}`}
              data-order-id={step.id}
              data-step-type={step.type}
              draggable={props.editable}
              onDragStart={drag.onDragStart}
              onDragEnd={drag.onDragEnd}
              onDragOver={dropOn.onDragOver}
              onDragLeave={dropOn.onDragLeave}
              onDrop={dropOn.onDrop}
              onClick={() => uiActions.selectOrder(step.id)}
            >
              <span class="route-stop__seq">{seq}</span>
              <span class="route-stop__name">
                {step.type !== 'job' && <span class={`route-stop__kind route-stop__kind--${step.type}`}>{stepKindLabel(step.type)}</span>}
                {order()?.customerName || step.id}
              </span>
              <span class="route-stop__time num">{formatClock(step.arrivalS + step.waitS)}</span>
              <span class="route-stop__window muted">{late() > 0 ? `late ${formatMinutes(late())} · ` : ''}{step.type === 'pickup' && order()?.pickup?.address ? `${order()!.pickup!.address} · ` : ''}{windowText(order(), step.type)}</span>
              <MessageButton orderId={step.id} customer={order()?.customerName || step.id} class="route-stop__message" />
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

/** A break in the stop list: when it is taken and the window it may start in. */
function BreakItem(props: { step: Step; route: Route; scenario: Scenario }): JSX.Element {
  const windows = () => props.scenario.vehicles.find((v) => v.id === props.route.vehicleId)?.breaks?.find((b) => b.id === props.step.id)?.timeWindows ?? [];
  return (
    <li class="route-stop route-stop--break" data-break-id={props.step.id} data-step-type="break">
      <span class="route-stop__seq" />
      <span class="route-stop__name">
        <span class="route-stop__kind route-stop__kind--break">Break</span>
        {props.step.id}
      </span>
      <span class="route-stop__time num">{formatClock(props.step.arrivalS + props.step.waitS)}</span>
      <span class="route-stop__window muted">
        {formatMinutes(props.step.serviceS)}
        <Show when={windows().length > 0}>{` · may start ${windowList(windows())}`}</Show>
      </span>
    </li>
  );
}
