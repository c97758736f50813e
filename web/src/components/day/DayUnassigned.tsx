// Region "Unassigned today": the day's orders on no route (new orders not placed yet,
// re-deliveries, orders a repair took off, a shipment whose goods are on a vehicle that
// broke down), each with why; selecting one selects it on the map.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { MessageButton } from '../messages/MessageButton';
import { formatCount } from '../ui/format';

/** Listed at most; the rest are counted (and ringed on the map). */
const SHOWN = 100;

export function DayUnassigned(): JSX.Element {
  const { day: [state], ui: [, uiActions] } = useApp();
  const items = () => state.derived?.view.plan.solution.unassigned ?? [];
  const names = createMemo(() => {
    const listed = new Set(items().slice(0, SHOWN).map((u) => u.orderId));
    return new Map((state.derived?.state.orders ?? []).filter((o) => listed.has(o.id)).map((o) => [o.id, o.customerName]));
  });
  const orderName = (id: string) => names().get(id) || id;
  return (
    <section class="panel-section at-risk day-unassigned" aria-label="Unassigned today">
      <h2 class="section-title">Unassigned today <span class={`count${items().length === 0 ? ' count--ok' : ''}`}>{formatCount(items().length)}</span></h2>
      <Show when={items().length > 0} fallback={<p class="muted">Every order of the day is on a route.</p>}>
        <ul class="at-risk__list">
          <For each={items().slice(0, SHOWN)}>
            {(item) => (
              <li class="at-risk__item" data-order-id={item.orderId}>
                <button type="button" class="link-button" onClick={() => uiActions.selectOrder(item.orderId)}>{`${orderName(item.orderId)} · ${item.orderId}`}</button>
                <MessageButton orderId={item.orderId} customer={orderName(item.orderId)} />
                <span class="at-risk__reason">{item.reason}</span>
              </li>
            )}
          </For>
        </ul>
        <Show when={items().length > SHOWN}><p class="muted">and {formatCount(items().length - SHOWN)} more, ringed on the map.</p></Show>
      </Show>
    </section>
  );
}
