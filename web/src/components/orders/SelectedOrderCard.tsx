// While there is no plan, the Selected-stop card (MoveControls) is not shown:
// this small card names the order selected on the map and offers Edit order.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { selectedOrderId } from '../../store/ui';
import { EditOrderButton } from './EditOrderButton';

/** The selected order, when no plan shows it in the Selected-stop card. */
export function SelectedOrderCard(): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions] } = useApp();
  const order = () => {
    const id = selectedOrderId(uiState);
    return id && state.scenario && !state.scenario.plan ? state.scenario.orders.find((o) => o.id === id) : undefined;
  };
  return (
    <Show when={order()}>
      {(o) => (
        <section class="panel-section stop-card" aria-label="Selected order">
          <div class="section-head">
            <h2 class="section-title">Selected order</h2>
            <EditOrderButton orderId={o().id} />
            <button type="button" class="btn btn--ghost btn--small" onClick={() => uiActions.clearSelection()}>Close</button>
          </div>
          <div><strong>{o().customerName || o().id}</strong> <span class="muted">{o().id}</span></div>
          <div class="muted">{o().address}</div>
        </section>
      )}
    </Show>
  );
}
