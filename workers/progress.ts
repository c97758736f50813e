// The figures a progress message carries about the best plan so far, read the way
// the KPI bar reads a finished plan: the route cost apart from the orders left
// unassigned and their penalty (which the solver's objective adds, the plan's cost does not).
import { SUMMARY_COST, SUMMARY_DISTANCE, type Progress, type SolutionBuffers } from './protocol';
import type { Encoded } from './encode';

/** Route cost, unassigned orders, their penalty and the metres driven of a written-out solution. */
export type PlanFigures = Pick<Progress, 'routeCost' | 'unassigned' | 'penalty' | 'distanceM'>;

/**
 * Splits the solver's summary cost (routes + penalties of unassigned nodes) into the route cost and the
 * penalty. A shipment's two nodes are one order (its pickup's penalty is 0); a break is no order (penalty 0).
 */
export function planFigures(buffers: Pick<SolutionBuffers, 'summary' | 'unassigned'>, encoded: Encoded): PlanFigures {
  const penalties = encoded.buffers.unassignedPenalty;
  let penalty = 0;
  const orders = new Set<string>();
  for (const node of buffers.unassigned) {
    penalty += penalties[node];
    if (encoded.nodeStep[node] !== 'break') orders.add(encoded.nodeIds[node]);
  }
  return { routeCost: buffers.summary[SUMMARY_COST] - penalty, unassigned: orders.size, penalty, distanceM: buffers.summary[SUMMARY_DISTANCE] };
}
