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
import { scrollIntoViewSoon } from './ui/scroll-soon';

/** Windows as "08:00–10:00, 15:00–17:00". */
const windowList = (windows: readonly TimeWindow[]): string => windows.map((w) => `${formatDayMinutes(w.start)}–${formatDayMinutes(w.end)}`).join(', ');

function windowText(order: Order | undefined, stepType: OrderStepType): string {
  const windows = order ? stepWindows(order, stepType) : [];
  return windows.length === 0 ? 'any time' : windowList(windows);
}

/** A stop or break of the list, and the stop's number on the route (0 for a break). */
interface Item { step: Step; seq: number }

/** A row's key: a shipment's pickup and delivery share the order's id, so the kind is part of it. */
const itemKey = (step: Step): string => `${step.type}\u0000${step.id}`;

/** Ordered, draggable stop list of `route`. */
export function RouteStops(props: { route: Route; scenario: Scenario; editable: boolean }): JSX.Element {
  const { scenario: [scenarioState], ui: [uiState, uiActions], pins: [pinsState, pinsActions], edit } = useApp();
  // Each stop's order by id, without walking 10,000 orders through the store (issue #15).
  const orders = createOrderIndex(() => props.scenario, () => scenarioState.dataChanges);

  // Every stop: a job, or a shipment's pickup and (later) its delivery, both with the order's id; and
  // the breaks between them, by key (kind and id). `seq` numbers the stops only.
  const items = createMemo(() => {
    let seq = 0;
    const byKey = new Map<string, Item>();
    for (const step of props.route.steps) {
      if (!isOrderStep(step) && step.type !== 'break') continue;
      // A stop listed twice (a plan that breaks that rule is still shown) keeps a row for each time.
      let key = itemKey(step);
      for (let n = 2; byKey.has(key); n++) key = `${itemKey(step)}\u0000${n}`;
      byKey.set(key, { step, seq: isOrderStep(step) ? ++seq : 0 });
    }
    return byKey;
  });
  // Rows follow keys, not step objects: a new plan (a move, a solve) has new steps, and a row made again for each
  // of them re-made the whole open route's list in the click's task (issue #15). A row stays while its stop
  // does, and only its figures change.
  const keys = createMemo(() => [...items().keys()]);
  const sequence = () => routeOrderIds(props.route);
  const before = (beforeId: string | null) => (_: DragEvent, moving: string) =>
    (props.editable ? { vehicleId: props.route.vehicleId, position: positionBefore(sequence(), moving, beforeId) } : null);
  return (
    <ol class="route-stops" aria-label="Stops in visiting order">
      <For each={keys()}>
        {(key) => {
          // The row's stop in the current plan (while a removed row is taken down, the one it last had).
          const item = createMemo<Item>((last) => items().get(key) ?? last, items().get(key)!);
          const first = item().step;
          if (!isOrderStep(first)) return <BreakItem step={item().step} route={props.route} scenario={props.scenario} />;
          const id = first.id;
          const type = first.type;
          const step = () => item().step;
          // Looked up once per item (its text reads it five times), again only when the data changes.
          const order = createMemo(() => orders.order(id));
          const selected = () => isOrderSelected(uiState, id);
          const late = () => (order() ? lateness(order()!, step().arrivalS, type) : 0);
          let row!: HTMLLIElement;
          // Into view after the frame that lays the list out (scroll-soon.ts).
          createEffect(() => { if (selected()) scrollIntoViewSoon(row, { block: 'nearest' }, selected); });
          // Handlers set one by one, not spread (a spread makes all the item's attributes one diffed effect).
          const drag = dragSource(edit, () => id, () => !props.editable);
          const dropOn = dropTarget(edit, before(id));
          return (
            <li
              ref={row}
              class={`route-stop${selected() ? ' is-selected' : ''}${late() > 0 ? ' is-late' : ''}`}
              data-order-id={id}
              data-step-type={type}
              draggable={props.editable}
              onDragStart={drag.onDragStart}
              onDragEnd={drag.onDragEnd}
              onDragOver={dropOn.onDragOver}
              onDragLeave={dropOn.onDragLeave}
              onDrop={dropOn.onDrop}
              onClick={() => uiActions.selectOrder(id)}
            >
              <span class="route-stop__seq">{item().seq}</span>
              <span class="route-stop__name">
                {type !== 'job' && <span class={`route-stop__kind route-stop__kind--${type}`}>{stepKindLabel(type)}</span>}
                {order()?.customerName || id}
              </span>
              <span class="route-stop__time num">{formatClock(step().arrivalS + step().waitS)}</span>
              <span class="route-stop__window muted">{late() > 0 ? `late ${formatMinutes(late())} · ` : ''}{type === 'pickup' && order()?.pickup?.address ? `${order()!.pickup!.address} · ` : ''}{windowText(order(), type)}</span>
              <MessageButton orderId={id} customer={order()?.customerName || id} class="route-stop__message" />
              <PinToggle
                pinned={isOrderPinned(pinsState, props.scenario.id, id)}
                label={`stop ${order()?.customerName || id}`}
                onToggle={() => pinsActions.toggleOrder(props.scenario.id, id, props.route.vehicleId)}
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
