// The header's "Orders" button, the orders window it opens, and the app's one
// order form (also opened from the map and the selected stop).
import { createSignal, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { openOrderForm } from './order-editor';
import { OrderFormHost } from './OrderFormHost';
import { lazyPart } from '../ui/lazy-parts';
import { WindowPart } from '../ui/PartShell';

const OrdersDialog = lazyPart(() => import('./OrdersDialog').then((m) => m.OrdersDialog));

/** "Orders" button plus its window and the order form. */
export function OrdersButton(): JSX.Element {
  const { scenario: [state], ui: [, uiActions] } = useApp();
  const [open, setOpen] = createSignal(false);
  // The map must be clickable: the window closes, the next click opens the form there.
  const addOnMap = () => {
    setOpen(false);
    uiActions.startPick({ purpose: 'order', label: 'the new order' }, (lat, lng) => openOrderForm({ place: { lat, lng } }));
  };
  return (
    <>
      <button type="button" class="btn" disabled={!state.scenario} onClick={() => setOpen(true)}>Orders</button>
      <WindowPart name="Orders" open={open()} onClose={() => setOpen(false)}>
        <OrdersDialog open={open()} onClose={() => setOpen(false)} onAddOnMap={addOnMap} />
      </WindowPart>
      <OrderFormHost />
    </>
  );
}
