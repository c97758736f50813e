// Region "At risk": every stop and route predicted to break its promise (or
// within the margin of it), with the reason, route by route; selecting one selects it on the map.
import { For, Show, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { MessageButton } from '../messages/MessageButton';
import { NotifyAtRisk } from '../messages/NotifyAtRisk';
import { formatCount } from '../ui/format';
import { createKeyed } from '../ui/keyed';
import { createVehicleNames } from '../ui/vehicle-names';

/** Listed at most (in route order); the rest are counted, and marked on the map and timeline. */
const SHOWN = 100;

/** The at-risk list of the day. */
export function AtRiskList(): JSX.Element {
  const { scenario: [scenarioState], day: [state], ui: [, uiActions] } = useApp();
  const items = () => state.derived?.atRisk ?? [];
  // Rows by what is at risk (a route, or a stop of it: a shipment's two stops are two), kept while listed: each
  // prediction makes the list anew and a row takes its new reason in place (100 rows made again per clock step).
  const listed = createKeyed(() => {
    const seen = new Map<string, number>();
    return items().slice(0, SHOWN).map((item) => {
      const base = `${item.vehicleId}\u0000${item.orderId ?? ''}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { key: `${base}\u0000${n}`, item };
    });
  }, (x) => x.key);
  const names = createVehicleNames(() => scenarioState.scenario, () => scenarioState.dataChanges);
  const vehicleName = (id: string) => names(id) || id;
  const orderName = (id: string) => state.orderOf(id)?.customerName || id;
  return (
    <section class="panel-section at-risk" aria-label="At risk">
      <div class="section-head">
        <h2 class="section-title">At risk <span class="count">{formatCount(items().length)}</span></h2>
        <NotifyAtRisk />
      </div>
      <Show when={items().length > 0} fallback={<p class="muted">Nothing is at risk at this time.</p>}>
        <ul class="at-risk__list">
          <For each={listed.keys()}>
            {(key) => (
              <Show when={listed.item(key)}>
                {(x) => {
                  // The route and order are the key's; the reason is the current item's.
                  const item = x().item;
                  return (
                    <li class="at-risk__item" data-order-id={item.orderId ?? undefined} data-vehicle-id={item.vehicleId}>
                      <button type="button" class="link-button" onClick={() => (item.orderId ? uiActions.selectOrder(item.orderId) : uiActions.toggleRoute(item.vehicleId))}>
                        {item.orderId ? `${orderName(item.orderId)} (${vehicleName(item.vehicleId)})` : vehicleName(item.vehicleId)}
                      </button>
                      <Show when={item.orderId}>{(orderId) => <MessageButton orderId={orderId()} customer={orderName(orderId())} />}</Show>
                      <span class="at-risk__reason">{x().item.reason}</span>
                    </li>
                  );
                }}
              </Show>
            )}
          </For>
        </ul>
        <Show when={items().length > SHOWN}><p class="muted">and {formatCount(items().length - SHOWN)} more, marked on the map and timeline.</p></Show>
      </Show>
    </section>
  );
}
