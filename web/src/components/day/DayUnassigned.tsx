// Region "Unassigned today": the day's orders on no route (new orders not placed yet,
// re-deliveries, orders a repair took off, a shipment whose goods are on a vehicle that
// broke down), each with why; selecting one selects it on the map.
import { For, Show, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { MessageButton } from '../messages/MessageButton';
import { formatCount } from '../ui/format';
import { createKeyed } from '../ui/keyed';

/** Listed at most; the rest are counted (and ringed on the map). */
const SHOWN = 100;

export function DayUnassigned(): JSX.Element {
  const { day: [state], ui: [, uiActions] } = useApp();
  const items = () => state.derived?.view.plan.solution.unassigned ?? [];
  // Rows by order, kept while listed: each prediction makes the list anew, and 100 rows (each with its message
  // button) were made again at every clock step and Play tick (issue #15); a row takes its new reason in place.
  const listed = createKeyed(() => items().slice(0, SHOWN), (u) => u.orderId);
  const orderName = (id: string) => state.orderOf(id)?.customerName || id;
  return (
    <section class="panel-section at-risk day-unassigned" aria-label="Unassigned today">
      <h2 class="section-title">Unassigned today <span class={`count${items().length === 0 ? ' count--ok' : ''}`}>{formatCount(items().length)}</span></h2>
      <Show when={items().length > 0} fallback={<p class="muted">Every order of the day is on a route.</p>}>
        <ul class="at-risk__list">
          <For each={listed.keys()}>
            {(orderId) => (
              <Show when={listed.item(orderId)}>
                {(item) => (
                  <li class="at-risk__item" data-order-id={orderId}>
                    <button type="button" class="link-button" onClick={() => uiActions.selectOrder(orderId)}>{`${orderName(orderId)} · ${orderId}`}</button>
                    <MessageButton orderId={orderId} customer={orderName(orderId)} />
                    <span class="at-risk__reason">{item().reason}</span>
                  </li>
                )}
              </Show>
            )}
          </For>
        </ul>
        <Show when={items().length > SHOWN}><p class="muted">and {formatCount(items().length - SHOWN)} more, ringed on the map.</p></Show>
      </Show>
    </section>
  );
}
