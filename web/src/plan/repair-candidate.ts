// The repair's candidates as whole routes (events.ts AcceptedRoute): the plan as
// it stands, and the solver's rest-of-the-day plan put behind each vehicle's
// frozen prefix (shipments whose pickup is frozen go back to their delivery step).
import type { AcceptedRoute, RouteStopRef } from '../domain/day/events';
import type { RepairProblem } from '../domain/day/repair-problem';
import { isOrderStep } from '../domain/solution';
import type { UncheckedSolution } from '../../../workers/protocol';
import { breaksStillPossible, type RepairContext } from './repair-score';

/** The plan as it stands: every route's current sequence (new orders stay unassigned). */
export function currentRoutes(ctx: RepairContext): AcceptedRoute[] {
  return ctx.state.routes.map((r) => ({ vehicle: r.vehicleId, stops: r.stops.map((s) => ({ type: s.type, id: s.id }) as RouteStopRef) }));
}

/**
 * Frozen prefix + the solver's route of each available vehicle; an
 * unavailable vehicle keeps its frozen prefix only. A vehicle left with
 * stops but no solver route still takes the breaks it can.
 */
export function assembleSolverRoutes(ctx: RepairContext, problem: RepairProblem, solution: UncheckedSolution): AcceptedRoute[] {
  const deliveryOnly = new Set(problem.deliveryOnly);
  const routes: AcceptedRoute[] = [];
  for (const start of ctx.starts) {
    const solved = start.available ? solution.routes.find((r) => r.vehicleId === start.vehicleId) : undefined;
    const tail: RouteStopRef[] = (solved?.steps ?? [])
      .filter((s) => s.type !== 'start' && s.type !== 'end')
      .map((s) => ({ type: s.type === 'job' && deliveryOnly.has(s.id) ? 'delivery' : s.type, id: s.id }) as RouteStopRef);
    const frozen = start.frozen.map((s) => ({ type: s.type, id: s.id }) as RouteStopRef);
    const breaks = !tail.some(isOrderStep) && frozen.some(isOrderStep) ? breaksStillPossible(ctx, start) : [];
    const stops = [...frozen, ...tail.filter((s) => tail.some(isOrderStep) || s.type !== 'break'), ...breaks];
    const hadRoute = ctx.state.routes.some((r) => r.vehicleId === start.vehicleId);
    if (hadRoute || stops.length > 0) routes.push({ vehicle: start.vehicleId, stops });
  }
  return routes;
}
