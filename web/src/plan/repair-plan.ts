// A repair proposal checked and written down: the day walked by the checker's
// walk with the proposal applied (route-eval with a DayWalk: routes start where
// the vehicle is, actual times as given), its verdict, and the plan it makes.
import type { CheckReport, RouteCheck } from '../domain/check';
import type { DayRecord } from '../domain/day/day-schema';
import type { Scenario } from '../domain/scenario';
import { isOrderStep, type Route, type Solution } from '../domain/solution';
import type { Violation } from '../domain/violations';
import { repairContext, type RepairOptions, type RepairProposal } from './repair';
import { currentRoutes } from './repair-candidate';
import { dayAfter, dayAfterPaused, repairEvent, tailViolations, unservedOrders, type DayAfter, type RepairContext } from './repair-score';
import { collectedReason, collectedUnrouted } from '../domain/day/repair-problem';

/** A proposal walked as a day. `ok`: the rest of the day breaks no rule (the past's broken rules are facts, listed apart). */
export interface RepairCheck {
  ok: boolean;
  /** Rules the rest of the day breaks. */
  violations: Violation[];
  /** Rules the frozen past already broke (not the repair's doing). */
  facts: Violation[];
  /** The repaired day as a plan: routes walked as a day, unassigned orders, the day check. */
  plan: Solution;
}

/**
 * The day check of a plan being driven, for display (pure): the day as logged
 * (a repair already accepted included) walked at `nowS` by the checker's day
 * walk. `plan` is the plan to show (routes with day-walk times, new orders
 * included, unplaced orders listed); `ok` false lists what the rest of the day breaks.
 */
export function checkDay(scenario: Scenario, day: DayRecord, nowS: number, options: Pick<RepairOptions, 'exclude'> = {}): RepairCheck {
  const ctx = repairContext(scenario, day, { nowS, exclude: options.exclude });
  return checkRepair(scenario, day, { atS: nowS, routes: currentRoutes(ctx) }, options);
}

/**
 * Checks a proposal independently (pure): applies it to the day's log and walks every
 * route with the checker's day walk (route-eval.ts with a DayWalk). Its `plan` is
 * what the scenario's plan becomes when the proposal is accepted.
 */
export function checkRepair(scenario: Scenario, day: DayRecord, proposal: Pick<RepairProposal, 'atS' | 'routes'>, options: Pick<RepairOptions, 'exclude' | 'known'> = {}): RepairCheck {
  const ctx = repairContext(scenario, day, { nowS: proposal.atS, exclude: options.exclude, known: options.known });
  return checkOf(ctx, dayAfter(ctx, proposal.routes));
}

/** checkRepair with `pause` awaited between its walks (the page: each in a task of its own); the same verdict. */
export async function checkRepairPaused(scenario: Scenario, day: DayRecord, proposal: Pick<RepairProposal, 'atS' | 'routes'>, options: Pick<RepairOptions, 'exclude' | 'known'>, pause: () => Promise<void>): Promise<RepairCheck> {
  // Not in the task that made the proposal.
  await pause();
  const ctx = repairContext(scenario, day, { nowS: proposal.atS, exclude: options.exclude, known: options.known });
  // dayAfterPaused starts in a later task.
  return checkOf(ctx, await dayAfterPaused(ctx, proposal.routes, pause));
}

function checkOf(ctx: RepairContext, { state, prediction }: DayAfter): RepairCheck {
  const { scenario } = ctx;
  const violations = tailViolations(ctx, prediction);
  const all = prediction.routes.flatMap((r) => r.violations);
  const facts = all.filter((v) => !violations.includes(v));
  const used = new Set(state.routes.filter((r) => r.stops.some(isOrderStep)).map((r) => r.vehicleId));
  const routes: Route[] = prediction.routes.filter((r) => used.has(r.vehicleId)).map((r) => {
    const serviceS = r.steps.reduce((sum, x) => sum + x.serviceS, 0);
    const waitingS = r.steps.reduce((sum, x) => sum + x.waitS, 0);
    return { vehicleId: r.vehicleId, steps: r.steps, distanceM: r.distanceM, durationS: r.durationS, drivingS: Math.max(0, r.durationS - serviceS - waitingS), waitingS, serviceS, cost: r.cost };
  });
  const onBoard = new Map(collectedUnrouted(state).map((c) => [c.orderId, c.vehicleId]));
  const vehicleName = (id: string | null | undefined) => scenario.vehicles.find((v) => v.id === id)?.name || id || 'a vehicle';
  const unassigned = unservedOrders(ctx, state, prediction).map((orderId) => ({
    orderId,
    reason: onBoard.has(orderId) ? collectedReason(vehicleName(onBoard.get(orderId))) : 'not placed by the repair of the rest of the day',
  }));
  const sum = (f: (r: Route) => number) => routes.reduce((acc, r) => acc + f(r), 0);
  const check: CheckReport = {
    ok: violations.length === 0, violations, cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS),
    routes: routes.map((r): RouteCheck => ({ vehicleId: r.vehicleId, distanceM: r.distanceM, durationS: r.durationS, cost: r.cost })),
  };
  const plan: Solution = {
    routes, unassigned, check, stopReason: 'completed',
    summary: { cost: check.cost, distanceM: check.distanceM, durationS: check.durationS, routes: routes.length, unassigned: unassigned.length },
    stats: { seed: 0, iterations: 0, elapsedMs: 0 },
  };
  return { ok: check.ok, violations, facts, plan };
}

/** The 'repair-applied' event that accepts a proposal (its id unique in the day's log). */
export function acceptRepairEvent(scenario: Scenario, day: DayRecord, proposal: RepairProposal, options: Pick<RepairOptions, 'exclude'> = {}) {
  const ctx = repairContext(scenario, day, { nowS: proposal.atS, exclude: options.exclude });
  return repairEvent(ctx, proposal.routes, `repair@${Math.floor(proposal.atS / 3600)}:${String(Math.floor(proposal.atS / 60) % 60).padStart(2, '0')}`);
}
