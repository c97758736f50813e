// Orders the plan leaves out, each with the solver's reason: never dropped silently.
import { For, Show, type JSX } from 'solid-js';
import type { Order } from '../domain/scenario';
import type { UnassignedOrder } from '../domain/solution';

/** List of unassigned orders with reasons; renders nothing when every order is routed. */
export function UnassignedList(props: { unassigned: UnassignedOrder[]; orders: Order[] }): JSX.Element {
  const byId = () => new Map(props.orders.map((o) => [o.id, o]));
  return (
    <Show when={props.unassigned.length > 0}>
      <section class="unassigned" aria-labelledby="unassigned-heading">
        <h3 id="unassigned-heading" class="section-title">
          Unassigned orders <span class="count">{props.unassigned.length}</span>
        </h3>
        <ul class="unassigned__list">
          <For each={props.unassigned}>
            {(item) => (
              <li>
                <span class="unassigned__marker" aria-hidden="true" />
                <span class="unassigned__name">{byId().get(item.orderId)?.customerName ?? item.orderId}</span>
                <span class="muted">{item.orderId} · {item.reason || 'no reason given'}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
