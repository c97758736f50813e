// The Orders table's rows: filtered by a text box, paged, and each order's
// status on the plan (planned on a route, unassigned, or not planned yet).
import type { Order, Scenario } from '../../domain/scenario';
import { formatTime } from '../fleet/draft-parse';

/** Status of an order on the current plan. */
export type OrderStatus = 'planned' | 'unassigned' | 'not planned';

/** Orders per page of the table. */
export const PAGE_SIZE = 50;

/** Every order's status, from the plan's routes. */
export function orderStatuses(scenario: Scenario): (id: string) => OrderStatus {
  const plan = scenario.plan;
  if (!plan) return () => 'not planned';
  const planned = new Set<string>();
  for (const route of plan.solution.routes) for (const step of route.steps) if (step.type !== 'start' && step.type !== 'end' && step.type !== 'break') planned.add(step.id);
  return (id) => (planned.has(id) ? 'planned' : 'unassigned');
}

/** The text a row is searched in (id, customer, address, service type, notes, phone, email). */
function haystack(o: Order): string {
  return `${o.id}\u0000${o.customerName}\u0000${o.address}\u0000${o.serviceType}\u0000${o.notes}\u0000${o.phone}\u0000${o.email}`.toLowerCase();
}

/** Orders whose text contains every word of `query` (case-insensitive); all when blank. */
export function filterOrders(orders: readonly Order[], query: string): Order[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...orders];
  return orders.filter((o) => {
    const text = haystack(o);
    return words.every((w) => text.includes(w));
  });
}

/** "08:00–10:00, 14:00–16:00", or "any time". */
export function windowsText(o: Order): string {
  return o.timeWindows.length ? o.timeWindows.map((w) => `${formatTime(w.start)}–${formatTime(w.end)}`).join(', ') : 'any time';
}
