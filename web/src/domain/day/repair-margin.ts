// The at-risk margin as a cost the solver sees (issue #11, "Repair"): a stop
// that starts within the margin of its window's end is at risk (at-risk.ts) but
// costs the solver nothing. In the rest-of-the-day problem the last `margin`
// minutes of an order's latest window become a priced lateness allowance, so
// the solver prefers starts outside the margin and may still use it. The union
// of hard window and allowance is the original window: shaping never makes an
// order impossible that was possible. Proposals are still judged on the
// original windows (repair-score.ts).
import type { Order, SoftLimit, TimeWindow } from '../scenario';

/**
 * Solver cost of one minute inside the at-risk margin (cost units; a van-hour
 * costs about 30, a stop moved to another vehicle 50): a whole margin of 15 min
 * costs 150, so a repair spends van time and a few moves to keep a stop out of
 * it, never an order (unassigned penalties are far larger). Measured with
 * tests/bench/repair-diagnose.ts (rich 300, 0.9 CPU-s solves, both levels,
 * every order priced): 10 rather than 2 per minute left 13 % fewer stops at
 * risk for 10 % more stops moved (seeds 1–3, 9 days; measured on the solver
 * of branch slot-solver, which prices relocates in every window slot).
 */
export const MARGIN_COST_PER_MINUTE = 10;

/** The margin as the solver sees it: minutes and their cost per minute. */
export interface MarginShaping {
  marginMinutes: number;
  costPerMinute: number;
}

/** Index of the window closing last (the one the solver extends by an allowance), or -1. */
function lastWindow(windows: readonly TimeWindow[]): number {
  let best = -1;
  windows.forEach((w, i) => { if (best < 0 || w.end > windows[best].end) best = i; });
  return best;
}

/** The windows with the one closing last ending `cut` minutes earlier. */
function cutLast(windows: readonly TimeWindow[], cut: number): TimeWindow[] {
  const i = lastWindow(windows);
  return windows.map((w, k) => (k === i ? { start: w.start, end: w.end - cut } : { ...w }));
}

/** Minutes the latest window (of the delivery and, for a shipment, of the pickup) can give up: min(margin, its length). */
function cutOf(order: Order, margin: number): number {
  const lists = [order.timeWindows, ...(order.pickup ? [order.pickup.timeWindows] : [])].filter((ws) => ws.length > 0);
  if (lists.length === 0) return 0;
  return Math.min(margin, ...lists.map((ws) => { const w = ws[lastWindow(ws)]; return w.end - w.start; }));
}

/**
 * The order as the rest-of-the-day problem sees it under the margin:
 * - no allowance of its own: its latest window (and its pickup's) ends
 *   `margin` minutes earlier (at most the window's length) and gets that many
 *   minutes of allowance at `costPerMinute`;
 * - an allowance of its own (the margin then lies at the allowance's end):
 *   windows unchanged, each minute late costs `costPerMinute` more.
 * An order without windows, or a margin of 0, is returned as it is.
 */
export function marginShapedOrder(order: Order, shaping: MarginShaping): Order {
  const { marginMinutes, costPerMinute } = shaping;
  if (marginMinutes <= 0 || costPerMinute <= 0) return order;
  if (order.lateness && order.lateness.maxMinutes > 0) {
    const lateness: SoftLimit = { maxMinutes: order.lateness.maxMinutes, costPerMinute: order.lateness.costPerMinute + costPerMinute };
    return { ...order, lateness };
  }
  const cut = cutOf(order, marginMinutes);
  if (cut <= 0) return order;
  const shaped: Order = { ...order, timeWindows: cutLast(order.timeWindows, cut), lateness: { maxMinutes: cut, costPerMinute } };
  if (order.pickup) shaped.pickup = { ...order.pickup, timeWindows: cutLast(order.pickup.timeWindows, cut) };
  return shaped;
}
