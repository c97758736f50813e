// "Where is my order?": finds orders by id, customer name or phone. Names compare
// without case or accents; phones compare digits only (a national number finds
// its international form by the last nine digits). Pure.
import type { Order } from '../scenario';

/** Lower case, accents removed, spaces collapsed. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** True when the phone's digits hold the query's, or both end in the same nine digits (+33 4 80… ⇔ 04 80…). */
export function phoneMatches(phone: string, query: string): boolean {
  const q = digitsOf(query);
  const p = digitsOf(phone);
  if (q.length < 3 || p.length < 3) return false;
  if (p.includes(q)) return true;
  return q.length >= 9 && p.length >= 9 && p.slice(-9) === q.slice(-9);
}

/** How well an order matches (lower is better), or null: id exact 0, id prefix 1, id part 2, phone 3, name 4. */
export function matchRank(order: Order, query: string): number | null {
  const q = fold(query);
  if (!q) return null;
  const id = fold(order.id);
  if (id === q) return 0;
  if (id.startsWith(q)) return 1;
  if (id.includes(q)) return 2;
  if (!/\p{L}/u.test(q) && phoneMatches(order.phone, query)) return 3;
  return fold(order.customerName).includes(q) ? 4 : null;
}

/** Orders matching `query`, best first (ties in the given order), at most `limit`. */
export function findOrders(query: string, orders: readonly Order[], limit = 5): Order[] {
  return orders
    .map((order, index) => ({ order, index, rank: matchRank(order, query) }))
    .filter((m): m is { order: Order; index: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((m) => m.order);
}
