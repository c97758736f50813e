// Which order form is open, shared by every place that opens one: the Orders
// window (Add order, Edit), a click on the map (Add order on map) and the
// selected stop (Edit order). One form at a time; the host renders it.
import { createSignal } from 'solid-js';

/** An order to edit (`orderId`) or a new one, optionally at a place picked on the map. */
export interface OrderFormRequest {
  orderId?: string;
  place?: { lat: number; lng: number };
}

// Module state: a request is plain UI state with one owner (OrderFormHost), not scenario data.
const [request, setRequest] = createSignal<OrderFormRequest | null>(null, { equals: false });

/** The open request, or null. */
export const orderFormRequest = request;

/** Opens the order form (replacing any open one). */
export function openOrderForm(next: OrderFormRequest): void {
  setRequest({ ...next });
}

/** Closes the order form. */
export function closeOrderForm(): void {
  setRequest(null);
}
