// Repair of the rest of the day (issue #11): two candidates — the plan as it
// stands and the solver's answer to the rest-of-the-day problem — assembled into
// whole routes, scored by ONE objective computed outside the solver by the
// checker's day walk, the better kept (never worse), with its diff. Pure; the solve is injected.
import type { AcceptedRoute, DayEvent } from '../domain/day/events';
import type { DayRecord } from '../domain/day/day-schema';
import { deriveDayState, type DayState } from '../domain/day/day-state';
import { predictDay, DEFAULT_DAY_SETTINGS, type DayPrediction } from '../domain/day/eta';
import { repairStarts } from '../domain/day/repair-start';
import { buildRepairProblem, type RepairProblem } from '../domain/day/repair-problem';
import { MARGIN_COST_PER_MINUTE, type MarginShaping } from '../domain/day/repair-margin';
import type { Scenario } from '../domain/scenario';
import { resolveOrder, unassignedPenalty } from '../domain/service-types';
import { initialStopOf, type Solution } from '../domain/solution';
import type { SolveOptions, UncheckedSolution } from '../../../workers/protocol';
import { assembleSolverRoutes, currentRoutes } from './repair-candidate';
import { repairDiff } from './repair-diff';
import { dayAfterPaused, scoreCandidate, type RepairContext, type ScoredCandidate } from './repair-score';

/** How much a repair may change: re-time only, re-sequence each route, or move stops between vehicles. */
export type RepairLevel = 'keep-order' | 'keep-vehicle' | 'free';
/** Every level, from the smallest change to the largest. */
export const REPAIR_LEVELS: readonly RepairLevel[] = ['keep-order', 'keep-vehicle', 'free'];

/** Stability costs used when the options give none (cost units, as the plan's cost). */
export const DEFAULT_STABILITY: Readonly<{ movedCost: number; resequencedCost: number }> = { movedCost: 50, resequencedCost: 5 };

/** The solve of a repair gets at least this long, whatever the walks took (seconds). */
export const MIN_SOLVE_S = 0.1;
/**
 * Kept back from the solve for what runs around the solver's own clock
 * (validating, encoding and decoding: 10–20 ms at 300 orders), the diff, and
 * a busy machine (seconds; with 0.04 s a 300-order proposal still took up to 1003 ms at load 4).
 */
export const SOLVE_RESERVE_S = 0.07;
/** The second scoring walk may take this much longer than the first (another plan, garbage collection). */
export const SCORING_SLACK = 1.25;

/**
 * The solve's time limit when the whole proposal has `limitS`: what is left
 * after `elapsedS` (the day's walks so far) and one more scoring walk (the
 * first took `scoringS`, plus SCORING_SLACK), minus SOLVE_RESERVE_S; at least MIN_SOLVE_S.
 */
export function solveBudgetS(limitS: number, elapsedS: number, scoringS: number): number {
  return Math.max(MIN_SOLVE_S, limitS - elapsedS - scoringS * SCORING_SLACK - SOLVE_RESERVE_S);
}

export interface RepairOptions {
  level: RepairLevel;
  /** Clock, seconds of the scenario day. */
  nowS: number;
  /** Time to a proposal, seconds: the solve gets what the day's walks and the scoring leave of it (at least MIN_SOLVE_S); it stops earlier when it converges. */
  timeLimitS: number;
  seed: number;
  /** Fixed move budget instead of the clock (tests, benchmarks); optional. */
  maxMoves?: number;
  /** Cost of one stop moved to another vehicle / one stop re-sequenced (defaults: DEFAULT_STABILITY). */
  stability?: { movedCost: number; resequencedCost: number };
  /** Re-deliveries and new orders to leave out (kept for another day). */
  exclude?: string[];
  /**
   * The day's state after its log and its prediction at `nowS` (margin rule only, no chance flags), when the
   * caller has them already (the page does): taken as the day as it stands instead of deriving both again.
   */
  known?: KnownDay;
  /** Awaited between the proposal's steps (the page: a later task, so no step holds its main thread long). */
  pause?: () => Promise<void>;
}

/** The day as it stands, as the caller derived it (RepairOptions.known). */
export interface KnownDay {
  state: DayState;
  prediction: DayPrediction;
  /**
   * The state with `more` appended to this very log, from the caller's kept derivation (day-state.ts
   * stateAfterKept), or null when it no longer holds this log: a candidate's state without the whole log derived
   * afresh.
   */
  stateWith?: (events: readonly DayEvent[], more: readonly DayEvent[]) => DayState | null;
}

export interface RepairDiff {
  /** Stops whose vehicle changes (vehicle ids; null = unassigned). */
  moved: { orderId: string; key: string; from: string | null; to: string | null }[];
  /** Stop keys whose vehicle is unchanged but whose predecessor changed. */
  resequenced: string[];
  etas: { key: string; beforeS: number | null; afterS: number | null }[];
  /** Stop keys at risk before and not after / not at risk before and at risk after. */
  nowOnTime: string[];
  nowLate: string[];
  /** Sum of the predicted route costs of the day (as KPI Cost); the past is the same in both. */
  costBefore: number;
  costAfter: number;
  /** Metres of those routes (what a fleet whose driving is not priced is measured in). */
  distanceBeforeM: number;
  distanceAfterM: number;
  atRiskBefore: number;
  atRiskAfter: number;
  unassignedBefore: string[];
  unassignedAfter: string[];
}

export interface RepairProposal {
  level: RepairLevel;
  atS: number;
  /** Every vehicle's whole stop sequence after the repair: the payload of a 'repair-applied' event (events.ts AcceptedRoute). */
  routes: AcceptedRoute[];
  diff: RepairDiff;
  /** 'current' when no change beats the plan as it stands (a repair never proposes something worse). */
  source: 'current' | 'solver';
  /** Objective values (cost + lateness + unassigned penalty + stability) of both candidates. */
  objectiveBefore: number;
  objectiveAfter: number;
}

/**
 * What the repair passes to the solve: SolveOptions plus a fixed move budget
 * and the stability option (protocol.ts gains `stability`; a solve that does
 * not know a field ignores it).
 */
export interface RepairSolveOptions extends SolveOptions {
  maxMoves?: number;
  stability?: { home: { orderId: string; vehicleId: string }[]; costPerStop: number };
}

/**
 * The solver's cost per stop moved off its vehicle: the repair's `movedCost`,
 * kept below half the smallest unassigned penalty of the problem's orders so
 * that the solver never prefers dropping an order to moving it.
 */
export function solverStabilityCost(problem: Scenario, movedCost: number): number {
  const penalties = problem.orders.map((o) => unassignedPenalty(problem.settings, resolveOrder(problem.settings, o).priority));
  return Math.max(0, Math.min(movedCost, ...penalties.map((p) => p / 2)));
}

/**
 * The at-risk margin priced for the solver (repair-margin.ts), on every order
 * of the problem — the stops at risk now most of all: a repair should take
 * them out of their margin. They used to be left unpriced (the solver keeps the
 * window slot a stop was inserted in until it is re-inserted, so a priced slot
 * sticks); measured, leaving them out was what made repairs end with more stops
 * at risk than a from-scratch re-solve (tests/bench/repair-diagnose.ts).
 */
export function marginOptions(ctx: RepairContext): { margin: MarginShaping } {
  return { margin: { marginMinutes: ctx.settings.riskMarginMinutes, costPerMinute: MARGIN_COST_PER_MINUTE } };
}

/** Rounds of solving again with the goods on board of the vehicles the last solve overloaded carried all day. */
export const MAX_ON_BOARD_ROUNDS = 3;

/** Vehicles a candidate overloads (the day check's capacity rule on the rest of the day). */
export function overloadedVehicles(candidate: Pick<ScoredCandidate, 'violations'>): string[] {
  return [...new Set(candidate.violations.filter((v) => v.rule === 'capacity' && v.vehicleId).map((v) => v.vehicleId!))];
}

/** A solution's routes as a warm start. */
function routesAsInitial(solution: Pick<UncheckedSolution, 'routes'>): RepairProblem['initial'] {
  return solution.routes.map((r) => ({
    vehicleId: r.vehicleId,
    stops: r.steps.filter((x) => x.type !== 'start' && x.type !== 'end').map(initialStopOf),
  }));
}

/** Solves a scenario (the worker's solve; in node tests the wasm runner). Returns the unchecked solution. */
export type RepairSolve = (scenario: Scenario, options: RepairSolveOptions) => Promise<UncheckedSolution>;

/** The day's state, prediction and repair starts now: what both candidates are judged against. */
export function repairContext(scenario: Scenario, day: DayRecord, options: Pick<RepairOptions, 'nowS' | 'stability' | 'exclude' | 'known'>): RepairContext {
  const plan = day.dispatchedPlan.solution as unknown as Pick<Solution, 'routes' | 'unassigned'>;
  const state = options.known?.state ?? deriveDayState(scenario, plan, day.events);
  const settings = day.settings ?? DEFAULT_DAY_SETTINGS;
  const prediction = options.known?.prediction ?? predictDay(scenario, state, options.nowS / 60, settings);
  const starts = repairStarts(scenario, state, prediction);
  return {
    scenario, day, plan, settings, nowS: options.nowS, state, prediction, starts,
    stability: options.stability ?? DEFAULT_STABILITY, exclude: options.exclude ?? [],
    ...(options.known?.stateWith ? { stateWith: options.known.stateWith } : {}),
  };
}

/**
 * Proposes a repair of the rest of the day at `options.nowS`: keep-order
 * re-times the plan as it stands (new orders stay unassigned); keep-vehicle
 * and free solve the rest-of-the-day problem (keep-vehicle pins every tail
 * stop to its vehicle), warm-started from the plan as it stands. The solver's
 * plan is proposed only when its objective is strictly lower than the plan as
 * it stands and, when that plan passes the day check, it passes it too.
 */
export async function proposeRepair(scenario: Scenario, day: DayRecord, options: RepairOptions, solve: RepairSolve): Promise<RepairProposal> {
  const started = performance.now();
  const pause = options.pause ?? (() => Promise.resolve());
  const ctx = repairContext(scenario, day, options);
  // Each candidate walked in tasks of its own, from a task after this one (dayAfterPaused: its state, then its
  // prediction a slice at a time); scored as dayAfter would.
  const score = async (routes: AcceptedRoute[]) => scoreCandidate(ctx, routes, await dayAfterPaused(ctx, routes, pause));
  const scoredAt = performance.now();
  const before = await score(currentRoutes(ctx));
  const scoringS = (performance.now() - scoredAt) / 1000;
  const solveLimitS = solveBudgetS(options.timeLimitS, (performance.now() - started) / 1000, scoringS);
  let best = before;
  let source: RepairProposal['source'] = 'current';
  if (options.level !== 'keep-order') {
    // The problem is built in a task of its own, not after the scoring in the same one.
    await pause();
    const build = (carryOnBoard: string[]) => buildRepairProblem(scenario, ctx.state, ctx.prediction, ctx.starts, {
      keepVehicle: options.level === 'keep-vehicle', exclude: ctx.exclude, ...marginOptions(ctx), carryOnBoard,
    });
    let problem = build([]);
    if (problem.scenario.vehicles.length > 0 && problem.scenario.orders.length > 0) {
      const solveFrom = (p: RepairProblem, limitS: number, initialRoutes: RepairProblem['initial']) => solve(p.scenario, {
        timeLimitS: limitS, seed: options.seed, pins: p.pins,
        ...(options.maxMoves !== undefined ? { maxMoves: options.maxMoves } : {}),
        stability: { home: p.home, costPerStop: solverStabilityCost(p.scenario, ctx.stability.movedCost) },
        initialRoutes, explain: false,
      });
      // A warm start with its breaks in place once tripped the solver's construction (taking a broken
      // shipment off a route with a break could leave it infeasible; fixed in construct.ts repairPairs).
      // Should a solve from one fail again, start again from the stops alone, the solver placing the breaks.
      const run = async (p: RepairProblem, limitS: number, initialRoutes: RepairProblem['initial']) => {
        try {
          return await solveFrom(p, limitS, initialRoutes);
        } catch (error) {
          if (!initialRoutes.some((r) => r.stops.some((x) => 'breakId' in x))) throw error;
          return solveFrom(p, limitS, initialRoutes.map((r) => ({ ...r, stops: r.stops.filter((x) => !('breakId' in x)) })));
        }
      };
      // Of the solver's answers, one that overloads no vehicle beats one that does, then the lower objective.
      const overloads = (c: ScoredCandidate) => overloadedVehicles(c).length > 0;
      let answer: ScoredCandidate | null = null;
      const consider = (c: ScoredCandidate) => {
        const better = !answer || (overloads(c) === overloads(answer) ? c.objective < answer.objective : !overloads(c));
        if (better) answer = c;
      };
      await pause();
      let solution = await run(problem, solveLimitS, problem.initial);
      let after = await score(assembleSolverRoutes(ctx, problem, solution));
      consider(after);
      // The solver's model unloads a delivery on board with its order; one it leaves unassigned stays
      // on board in truth, so its plan may overload the van. Then solve again, warm-started, with the
      // goods on board of each van it overloaded carried all day (a few rounds: the list only grows).
      const carry: string[] = [];
      for (let round = 0; round < MAX_ON_BOARD_ROUNDS; round += 1) {
        const overloaded = overloadedVehicles(after).filter((v) => !carry.includes(v));
        if (overloaded.length === 0) break;
        carry.push(...overloaded);
        await pause();
        problem = build(carry);
        await pause();
        const limitS = solveBudgetS(options.timeLimitS, (performance.now() - started) / 1000, (performance.now() - scoredAt) / 1000);
        solution = await run(problem, limitS, routesAsInitial(solution));
        after = await score(assembleSolverRoutes(ctx, problem, solution));
        consider(after);
      }
      // A plan that passes the day check is never traded for one that does not, whatever the objective
      // says; nor one that overloads no vehicle for one that does.
      const chosen = answer as ScoredCandidate | null;
      const keepsCheck = (c: ScoredCandidate) => (before.violations.length > 0 || c.violations.length === 0) && (overloads(before) || !overloads(c));
      if (chosen && chosen.objective < before.objective && keepsCheck(chosen)) {
        best = chosen;
        source = 'solver';
      }
    }
  }
  await pause();
  return {
    level: options.level, atS: options.nowS, routes: best.routes, diff: repairDiff(ctx, before, best), source,
    objectiveBefore: before.objective, objectiveAfter: best.objective,
  };
}
