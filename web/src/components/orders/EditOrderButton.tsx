// "Edit order" for the selected stop: opens the order form on that order.
import type { JSX } from 'solid-js';
import { openOrderForm } from './order-editor';

/** A small button that opens the order form for `orderId`. */
export function EditOrderButton(props: { orderId: string }): JSX.Element {
  return <button type="button" class="btn btn--small" onClick={() => openOrderForm({ orderId: props.orderId })}>Edit order</button>;
}
