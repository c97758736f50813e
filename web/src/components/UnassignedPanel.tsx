// Orders the plan leaves out (region "Unassigned"), each with its reason and,
// once the domain explains them, the smallest fixes. Drag an order onto a route
// to assign it; drop a routed stop here to take it off its route.
import { For, Show, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { UnassignedOrder } from '../domain/solution';
import { useApp } from '../store/context';
import { isOrderSelected } from '../store/ui';
import { dragSource, dropTarget } from './ui/dnd';

/** An unassigned order as listed; `fixes` appear when the explanation provides them. */
type ExplainedOrder = UnassignedOrder & { fixes?: readonly string[] };

/** The "Unassigned" region for the open scenario's plan. */
export function UnassignedPanel(props: { scenario: Scenario; editable: boolean }): JSX.Element {
  const { ui: [uiState, uiActions], edit } = useApp();
  const byId = () => new Map(props.scenario.orders.map((o) => [o.id, o]));
  const items = (): ExplainedOrder[] => props.scenario.plan?.solution.unassigned ?? [];
  const dropping = () => edit[0].preview?.vehicleId === null;
  const drop = dropTarget(edit, () => (props.editable ? { vehicleId: null } : null));
  return (
    <section class={`unassigned${dropping() ? ' is-drop-ok' : ''}`} aria-label="Unassigned" {...drop}>
      <h3 class="section-title">
        Unassigned orders <span class={`count${items().length === 0 ? ' count--ok' : ''}`}>{items().length}</span>
      </h3>
      <Show when={items().length > 0} fallback={<p class="muted unassigned__none">Every order is on a route. Drop a stop here to take it off its route.</p>}>
        <ul class="unassigned__list">
          <For each={items()}>
            {(item) => (
              <li
                class={isOrderSelected(uiState, item.orderId) ? 'is-selected' : undefined}
                data-order-id={item.orderId}
                {...dragSource(edit, () => item.orderId, () => !props.editable)}
                onClick={() => uiActions.selectOrder(item.orderId)}
              >
                <span class="unassigned__marker" aria-hidden="true" />
                <span class="unassigned__name">{byId().get(item.orderId)?.customerName || item.orderId}</span>
                <span class="muted">{item.orderId} · {item.reason || 'no reason given'}</span>
                <Show when={item.fixes?.length}>
                  <ul class="unassigned__fixes" aria-label="Smallest fixes">
                    <For each={item.fixes}>{(fix) => <li>{fix}</li>}</For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
