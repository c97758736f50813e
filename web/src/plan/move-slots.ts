// The positions "Move to" offers on a route, named as the map and the timeline show the route: a
// position is among the route's orders (a shipment's two stops are one order), so its number alone
// did not match the stop numbers on the map. Each position says which stop it comes after.
import type { Route } from '../domain/solution';
import { isOrderStep } from '../domain/solution';

/** One position of the order on a route: `value` as the move takes it (0-based among the other orders). */
export interface MoveSlot {
  value: number;
  label: string;
}

/**
 * The positions of `orderId` on `route` (null: an empty route): first, or after each of the route's other
 * orders, named by its customer (`nameOf`) and its stop number as the map counts stops (every order
 * step, 1-based; a shipment's delivery, its later stop).
 */
export function moveSlots(route: Route | null, orderId: string, nameOf: (orderId: string) => string): MoveSlot[] {
  const lastStop = new Map<string, number>();
  let number = 0;
  for (const step of route?.steps ?? []) {
    if (!isOrderStep(step)) continue;
    number++;
    if (step.id !== orderId) lastStop.set(step.id, number);
  }
  const slots: MoveSlot[] = [{ value: 0, label: '1 · first' }];
  let value = 0;
  for (const [id, stop] of lastStop) {
    value++;
    slots.push({ value, label: `${value + 1} · after stop ${stop}, ${nameOf(id)}` });
  }
  return slots;
}
