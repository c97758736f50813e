// The positions "Move to" offers on a route, named as the map and the timeline show the route: a
// position is among the route's orders (a shipment's two stops are one order), so its number alone
// did not match the stop numbers on the map. Each position says which stop the order goes before.
import type { Route } from '../domain/solution';
import { isOrderStep } from '../domain/solution';

/** One position of the order on a route: `value` as the move takes it (0-based among the other orders). */
export interface MoveSlot {
  value: number;
  label: string;
}

/**
 * The positions of `orderId` on `route` (null: an empty route). A move to position v puts the order's stops
 * right before the first stop of the route's v-th other order (rebuild-route.ts `withOrderAt`), so each is
 * named by that stop's number as the map counts stops (every order step, 1-based) and its customer
 * (`nameOf`); the last position is the end of the route.
 */
export function moveSlots(route: Route | null, orderId: string, nameOf: (orderId: string) => string): MoveSlot[] {
  const firstStop = new Map<string, number>();
  let number = 0;
  for (const step of route?.steps ?? []) {
    if (!isOrderStep(step)) continue;
    number++;
    if (step.id !== orderId && !firstStop.has(step.id)) firstStop.set(step.id, number);
  }
  const slots: MoveSlot[] = [...firstStop].map(([id, stop], value) => ({ value, label: `${value + 1} · before stop ${stop}, ${nameOf(id)}` }));
  slots.push({ value: slots.length, label: slots.length === 0 ? '1 · first' : `${slots.length + 1} · last` });
  return slots;
}
