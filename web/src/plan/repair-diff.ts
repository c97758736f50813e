// What a repair proposal changes (issue #11: "the proposal shows its diff"): stops
// moved between vehicles, stops re-sequenced, new ETAs, stops that become on time
// or at risk, cost, at-risk and unassigned before and after.
import type { DayPrediction, PredictedStop } from '../domain/day/eta';
import type { RepairDiff } from './repair';
import { formatCost, formatCostDelta, formatKmValue } from '../domain/format';
import { predictedCost, predictedDistanceM, stabilityChanges, type RepairContext, type ScoredCandidate } from './repair-score';

/** Stop key → its predicted stop, over every route. */
function stopsByKey(prediction: DayPrediction): Map<string, PredictedStop> {
  return new Map(prediction.routes.flatMap((r) => r.stops.map((s) => [s.key, s] as const)));
}

/** The diff from the plan as it stands (`before`) to the proposal (`after`). */
export function repairDiff(ctx: RepairContext, before: ScoredCandidate, after: ScoredCandidate): RepairDiff {
  const open = (status: string | undefined) => status === 'planned' || status === 'en-route';
  const keys = Object.keys(after.state.stops).filter((k) => open(after.state.stops[k].status));
  const moved = keys
    .map((key) => ({ key, orderId: after.state.stops[key].orderId, from: ctx.state.stops[key]?.vehicleId ?? null, to: after.state.stops[key].vehicleId }))
    .filter((m) => m.from !== m.to);
  const was = stopsByKey(before.prediction);
  const now = stopsByKey(after.prediction);
  const arrival = (s: PredictedStop | undefined) => (s && s.source !== 'stranded' ? s.arrivalS : null);
  const etas = keys.map((key) => ({ key, beforeS: arrival(was.get(key)), afterS: arrival(now.get(key)) })).filter((e) => e.beforeS !== null || e.afterS !== null);
  const risky = (s: PredictedStop | undefined) => Boolean(s?.risk);
  return {
    moved,
    resequenced: stabilityChanges(ctx.state, after.state).resequenced,
    etas,
    nowOnTime: keys.filter((k) => risky(was.get(k)) && now.has(k) && arrival(now.get(k)) !== null && !risky(now.get(k))),
    nowLate: keys.filter((k) => !risky(was.get(k)) && risky(now.get(k))),
    costBefore: predictedCost(before.state, before.prediction),
    costAfter: predictedCost(after.state, after.prediction),
    distanceBeforeM: predictedDistanceM(before.state, before.prediction),
    distanceAfterM: predictedDistanceM(after.state, after.prediction),
    atRiskBefore: before.prediction.atRisk.length,
    atRiskAfter: after.prediction.atRisk.length,
    unassignedBefore: before.unassigned,
    unassignedAfter: after.unassigned,
  };
}

/**
 * One line of the proposal's "Stops moved" list, as a dispatcher reads it: the customer and the order id (names
 * repeat), then the vehicles by their names (their ids are the app's, made on import), "unassigned" for none.
 */
export function movedLine(
  move: Pick<RepairDiff['moved'][number], 'orderId' | 'from' | 'to'>,
  vehicleName: (vehicleId: string) => string | undefined,
  customerName: (orderId: string) => string | undefined,
): string {
  const vehicle = (id: string | null) => (id === null ? 'unassigned' : vehicleName(id) || id);
  const customer = customerName(move.orderId);
  return `${customer ? `${customer} · ${move.orderId}` : move.orderId}: ${vehicle(move.from)} → ${vehicle(move.to)}`;
}

/** Orders named in the proposal's warning before "and N more". */
const DROPPED_NAMED = 5;

/**
 * The warning a proposal leads with when it leaves orders unassigned that the plan as it stands serves (a repair
 * may trade stops at risk for stops not served at all, at the scenario's prices): how many, and the first few by
 * customer and order id. Null when it leaves none newly unassigned.
 */
export function droppedLine(
  diff: Pick<RepairDiff, 'unassignedBefore' | 'unassignedAfter'>,
  customerName: (orderId: string) => string | undefined,
): string | null {
  const before = new Set(diff.unassignedBefore);
  const dropped = [...new Set(diff.unassignedAfter)].filter((id) => !before.has(id));
  if (dropped.length === 0) return null;
  const named = dropped.slice(0, DROPPED_NAMED).map((id) => { const c = customerName(id); return c ? `${c} · ${id}` : id; });
  const rest = dropped.length - named.length;
  const orders = dropped.length === 1 ? 'order' : 'orders';
  return `This repair leaves ${dropped.length} more ${orders} unassigned, not served today: ${named.join(', ')}${rest > 0 ? `, and ${rest} more` : ''}.`;
}

/**
 * The proposal's cost, as its summary says it after "cost ": before → after (change); for a fleet whose driving
 * is not priced (both costs 0: the KPI bar shows "—"), its km instead, said so.
 */
export function costText(diff: Pick<RepairDiff, 'costBefore' | 'costAfter' | 'distanceBeforeM' | 'distanceAfterM'>, unpriced: boolean): string {
  if (unpriced && diff.costBefore === 0 && diff.costAfter === 0) {
    return `— (driving is not priced; km ${formatKmValue(diff.distanceBeforeM)} → ${formatKmValue(diff.distanceAfterM)})`;
  }
  return `${formatCost(diff.costBefore)} → ${formatCost(diff.costAfter)} (${formatCostDelta(diff.costAfter - diff.costBefore)})`;
}
