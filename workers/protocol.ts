// The boundary between the main thread, the solver worker and the WASM facade:
// request/progress/result types, flat problem and solution buffers, the named
// slots of `params` and `summary`, status codes and error names.
import type { Scenario } from '../web/src/domain/scenario';
import type { InitialStop, Solution, StopReason } from '../web/src/domain/solution';

export type { InitialStop };
import type { RiskPlan, RiskRoute } from '../web/src/domain/risk/model';
import type { PlanRisk, RiskOptions } from '../web/src/domain/risk/risk-types';
import type { RiskReport } from '../web/src/domain/risk/weakest';
import type { RiskReportWire, RiskWire } from '../web/src/domain/risk/risk-wire';
import type { Variability } from '../web/src/domain/variability';
import type { RobustRule } from '../web/src/domain/risk/robust';
import type { Explanation } from '../web/src/domain/explain';
import type { PlanText } from '../web/src/domain/plan-text';
import type { CheckReport } from '../web/src/domain/check';

// ---------------------------------------------------------------- buffers

/**
 * A problem as flat typed arrays (STYLE.md §2). Nodes `0..depotCount-1` are
 * depots, `depotCount..nodeCount-1` are stops. Amounts are integers (the
 * encoder scales decimal units); times are seconds since midnight; distances
 * are metres (or benchmark units).
 */
export interface ProblemBuffers {
  nodeCount: number;
  depotCount: number;
  vehicleCount: number;
  /** K: capacity dimensions. */
  dims: number;
  /** P: travel-time profiles (vehicle type × speed); durations differ per profile. */
  profileCount: number;
  /** 2N interleaved lon, lat (degrees). Required unless `distanceM` and `durationS` are given. */
  lonLat?: Float64Array;
  /** N·N row-major, optional user/benchmark matrix. */
  distanceM?: Int32Array;
  /** P·N·N row-major (profile-major), optional; required with `distanceM`. */
  durationS?: Int32Array;
  /** N·K delivery amount of each node (0 for depots). */
  demand: Int32Array;
  /** N: service seconds. */
  serviceS: Int32Array;
  /**
   * W window slots per node (default 1). N·W open/close, node-major: node n's slot w at n·W + w;
   * service must start inside one used slot. A slot with open > close is unused; slot 0 of a depot
   * is its opening hours. Every stop needs at least one used slot.
   */
  windowCount?: number;
  twOpenS: Int32Array;
  twCloseS: Int32Array;
  /** N·K amount collected at each node and carried to the route's end (haul-away, returns); default none. */
  pickup?: Int32Array;
  /** N·V, 1 where vehicle v may not serve node n (skills, crew, pins); default none. */
  forbidden?: Uint8Array;
  /** N: ≥ 0 keeps the stop in this order among the locked stops of its route (a pinned route); −1 free. */
  lockSeq?: Int32Array;
  /** V: route limits, −1 when absent: stops, metres, seconds of route duration, seconds of driving. */
  maxStops?: Int32Array;
  maxDistanceM?: Int32Array;
  maxDurationS?: Int32Array;
  maxDrivingS?: Int32Array;
  /** N: NODE_* flags. */
  nodeFlags?: Int32Array;
  /**
   * N: partner stop of a shipment (pickup then delivery, same route), −1 when unpaired. The pickup side
   * has NODE_PICKUP in nodeFlags; the amount moved is the delivery node's `demand` (the pickup's own is ignored).
   */
  pair?: Int32Array;
  /** N: the only vehicle that may serve the node (a driver break's own vehicle), −1 any; default all −1. */
  nodeVehicle?: Int32Array;
  /**
   * N·W: cost of serving the node in each window slot (default 0). Encode prices a soft window's
   * lateness with extra slots past its end, each costing the most lateness it allows.
   */
  windowCost?: Float64Array;
  /** V: overtime (soft shift end): seconds a route may end after shiftEndS, and the cost per second of it. */
  overtimeMaxS?: Int32Array;
  overtimeCostPerS?: Float64Array;
  /**
   * V: the part of vehicleCostPerM that only orders the search (default 0): the search prices it, the plan's
   * cost (summary[SUMMARY_COST]) leaves it out. Encode gives it to a vehicle whose driving costs nothing, so
   * its route is still made short.
   */
  nominalCostPerM?: Float64Array;
  /**
   * N: home vehicle of each node for plan stability, −1 none (default all −1). With a stability cost
   * (params[PARAM_STABILITY_COST] > 0) a stop served by another vehicle adds that cost to the objective.
   */
  homeVehicle?: Int32Array;
  /** N: penalty (cost units) for leaving the node unassigned; 0 for depots. */
  unassignedPenalty: Float64Array;
  /** V: start and end node index (a depot). */
  vehicleStart: Int32Array;
  vehicleEnd: Int32Array;
  /** V·K capacity. */
  capacity: Int32Array;
  /** V: shift window; the route leaves start ≥ shiftStartS and is back at end ≤ shiftEndS. */
  shiftStartS: Int32Array;
  shiftEndS: Int32Array;
  /** V: index into the profiles. */
  vehicleProfile: Int32Array;
  /** V: cost per used vehicle, per metre, per second. */
  vehicleFixedCost: Float64Array;
  vehicleCostPerM: Float64Array;
  vehicleCostPerS: Float64Array;
  /** P: speed in metres per second (used when WASM builds the matrix from lonLat). */
  profileSpeedMps: Float64Array;
  /** Named slots, see PARAM_*. */
  params: Float64Array;
}

/** Node flag: no location (an open route's end): travel to and from it is zero. */
export const NODE_ANYWHERE = 1;
/** Node flag: the pickup side of a `pair`. */
export const NODE_PICKUP = 2;
/**
 * Node flag: a driver break, taken where the vehicle stands (no travel to it; the next leg starts at
 * the last real stop). Needs NODE_ANYWHERE and an owner in `nodeVehicle`. A vehicle with no stops
 * leaves its breaks out of the plan.
 */
export const NODE_BREAK = 4;

/** `params` slots. */
export const PARAM_SEED = 0;
/** Granular neighbourhood size (k nearest). */
export const PARAM_NEIGHBOURS = 1;
/** Road distance / great-circle distance (matrix built from lonLat only). */
export const PARAM_CIRCUITY = 2;
/** Cost units per stop served by a vehicle other than its home vehicle (`homeVehicle`); 0 = stability off. */
export const PARAM_STABILITY_COST = 3;
export const PARAM_COUNT = 4;

/**
 * A solution in CSR form. Route r visits `visits[routeOffsets[r] .. routeOffsets[r+1])`
 * (stop node indices, depots excluded) with service start times in `arrivalS`
 * (same indexing). Route r belongs to vehicle r; empty routes are unused vehicles.
 */
export interface SolutionBuffers {
  routeOffsets: Int32Array;
  visits: Int32Array;
  /** Service start of each visit, seconds. */
  arrivalS: Int32Array;
  /** V: departure time from the start depot of each route. */
  routeStartS: Int32Array;
  unassigned: Int32Array;
  summary: Float64Array;
}

/** `summary` slots. */
export const SUMMARY_COST = 0;
export const SUMMARY_DISTANCE = 1;
export const SUMMARY_DURATION = 2;
export const SUMMARY_ROUTES = 3;
export const SUMMARY_UNASSIGNED = 4;
export const SUMMARY_ITERATIONS = 5;
/**
 * Stops served by a vehicle other than their home vehicle, and the stability cost they add to the
 * solver's objective (`bestCost`). SUMMARY_COST is the plan's cost and does not include it.
 */
export const SUMMARY_MOVED = 6;
export const SUMMARY_STABILITY = 7;
export const SUMMARY_COUNT = 8;

/** What `improve` reports. */
export const enum Status {
  /** More work may improve the plan. */
  Running = 0,
  /**
   * The search has converged: a local optimum, then no better plan for a number of ruin-and-recreate
   * steps that grows with the instance (solver-as/assembly/anneal.ts `converged`). The worker stops with
   * stopReason 'converged'.
   */
  Done = 1,
}

// ---------------------------------------------------------------- worker API

/** Keeps an order on a vehicle through a re-optimisation; `position` (0-based) also keeps its place. */
export interface SolverPin {
  orderId: string;
  vehicleId: string;
  position?: number;
  /** For a shipment's pickup stop in a pinned route (its delivery is the pin without `side`). */
  side?: 'pickup';
}

export interface SolveOptions {
  timeLimitS: number;
  seed: number;
  /**
   * A work budget: the search stops after this many work units (move or insertion evaluations) unless
   * it converges or reaches the time limit first. The same seed and budget give the same plan on any
   * machine (tests, reproducible runs); without it the search is paced by the clock.
   */
  maxMoves?: number;
  /** Hand decisions the solver must keep (pinned stops and routes). */
  pins?: SolverPin[];
  /**
   * Plan stability: each order assigned to a vehicle other than its home vehicle costs `costPerStop` (same cost
   * units as the plan's cost). Orders without an entry (new orders) have no home; an entry naming an order or a
   * vehicle the scenario does not have is ignored (such a stop moves whatever the plan does).
   */
  stability?: { home: { orderId: string; vehicleId: string }[]; costPerStop: number };
  /**
   * A warm start (a repair's plan as it stands): each vehicle's stops in order (`side: 'pickup'` for a
   * shipment's pickup, `breakId` for one of its breaks). Kept as given while each route stays feasible;
   * the rest is inserted as usual. Positioned pins of a vehicle take precedence over its entry here.
   */
  initialRoutes?: { vehicleId: string; stops: InitialStop[] }[];
  /** False: skip the unassigned-order explanations (a repair does not show them); default true. */
  explain?: boolean;
  /** Robust planning's slack rule under an on-time target (domain/risk/robust.ts); default DEFAULT_ROBUST_RULE. For the benchmark. */
  robustRule?: RobustRule;
}

export interface SolveRequest {
  runId: number;
  /**
   * The scenario, or its JSON text: the browser posts text, one string copy instead of a structured clone of
   * every order on the main thread (issue #15).
   */
  scenario: Scenario | string;
  options: SolveOptions;
  /** Set when this solve is one worker of a portfolio. */
  member?: PortfolioMember;
}

/**
 * What a solve is doing: reading (validate + encode the scenario), building the travel matrix (and the
 * model behind it), building the first plan, searching — the time limit counts these — then explaining
 * the unassigned and late orders of the plan found (after the limit).
 */
export type SolvePhase = 'reading' | 'matrix' | 'constructing' | 'searching' | 'explaining';

/**
 * A progress report (small: sent every ~100 ms). Cost figures are those of the best plan so far; before the
 * search (`phase` ≠ 'searching') there is no plan yet and they are NaN.
 */
export interface Progress {
  runId: number;
  phase: SolvePhase;
  iteration: number;
  elapsedMs: number;
  /** Sum of the route costs, as the KPI bar's Cost (unassigned penalties not included). */
  routeCost: number;
  /** Orders left unassigned (a shipment is one order). */
  unassigned: number;
  /** Their penalty, which the solver's objective adds to routeCost. */
  penalty: number;
  /** Metres driven in the best plan (NaN before there is one): what the run panel follows for a fleet that drives for free. */
  distanceM: number;
  /** The solver's objective of the best plan (route cost + penalty + stability cost). */
  objective: number;
  /**
   * The best plan so far, decoded (not yet checked), at most once per SNAPSHOT_INTERVAL_MS and only when it
   * changed: the main thread re-checks it and shows it while the search goes on.
   */
  plan?: UncheckedSolution;
}

/** A decoded best-so-far plan rides on a progress message at most this often. */
export const SNAPSHOT_INTERVAL_MS = 1000;

/**
 * One member of a portfolio solve (several workers on the same scenario, web/src/solver/portfolio.ts):
 * its index and how long an epoch lasts. At each epoch's end the worker reports its best plan through
 * `onEpoch` and may be told to restart from a better one.
 */
export interface PortfolioMember {
  worker: number;
  /** Epoch length in work units (with `maxMoves`: deterministic) … */
  epochMoves?: number;
  /** … or in milliseconds (with a time limit). */
  epochMs?: number;
}

/** A worker's best plan at the end of an epoch (CSR routes, as InitialPlan in wasm.ts). */
export interface EpochReport {
  worker: number;
  epoch: number;
  /** The solver's objective of the best plan (routes + penalties + stability cost): lower is better. */
  objective: number;
  routeOffsets: Int32Array;
  visits: Int32Array;
}

/** The coordinator's answer: null = carry on; otherwise restart from this plan with this seed. */
export type EpochReply = { routeOffsets: Int32Array; visits: Int32Array; seed: number } | null;

/** A decoded solution before the main thread's independent check. */
export type UncheckedSolution = Omit<Solution, 'check'>;

/** What the worker returns: the decoded best plan of the run. */
export interface SolveResult {
  runId: number;
  solution: UncheckedSolution;
  stopReason: StopReason;
  /** The solver's objective of the plan (what a portfolio compares its workers' plans by). */
  objective: number;
}

/** A progress report as it crosses from a solver worker: its best-so-far plan as text (domain/plan-text.ts). */
export type WireProgress = Omit<Progress, 'plan'> & { plan?: PlanText };

/** A result as it crosses from a solver worker: the plan as text (domain/plan-text.ts). */
export type WireSolveResult = Omit<SolveResult, 'solution'> & { solution: PlanText };

/**
 * What a solver worker exposes through Comlink (solver-wire.ts wraps a SolverApi): the same calls, with every
 * plan that crosses the boundary as text in parts, so the main thread reads it in a few short tasks.
 */
export interface SolverWorkerApi extends Omit<SolverApi, 'solve' | 'explain' | 'computeRisk' | 'computeRiskReport'> {
  solve(request: WireSolveRequest, onProgress?: (p: WireProgress) => unknown, onEpoch?: (r: EpochReport) => Promise<EpochReply>): Promise<WireSolveResult>;
  explain(request: Omit<ExplainRequest, 'solution' | 'scenario'> & { scenario: ExplainRequest['scenario'] | SentText; solution: PlanText }): Promise<Explanation[]>;
  /**
   * The next pieces of a large text, kept under `key` until a call names it (web/src/io/text-pieces.ts): a
   * risk request of 10,000 stops posted whole was a long task on the main thread.
   */
  textPart(key: number, parts: string[]): void;
  /** The figures come back with their stops as columns (domain/risk/risk-wire.ts). */
  computeRisk(request: RiskRequest | ModelRiskRequest | string | SentText): Promise<RiskWire>;
  computeRiskReport(request: RiskRequest | ModelRiskRequest | string | SentText): Promise<RiskReportWire>;
}

/** A solve request as it crosses to a solver worker: a large scenario text comes before it in pieces (`textPart`). */
export type WireSolveRequest = Omit<SolveRequest, 'scenario'> & { scenario: SolveRequest['scenario'] | SentText };

/** A request whose JSON text was sent before in pieces (SolverWorkerApi.textPart) under `textKey`. */
export interface SentText { textKey: number }

/** The solver's API as a plain object (solver-api.ts); a worker exposes it as a SolverWorkerApi. */
export interface SolverApi {
  /**
   * `onEpoch` is called at each epoch's end of a portfolio member (`request.member`). `onProgress` may answer a
   * report that carries a plan with a promise that settles once the caller has taken that plan: the solve waits
   * for it (at most landing-hold.ts LANDING_HOLD_MS) before its next step.
   */
  solve(request: SolveRequest, onProgress?: (p: Progress) => unknown, onEpoch?: (r: EpochReport) => Promise<EpochReply>): Promise<SolveResult>;
  cancel(runId: number): void;
  /** Why a plan's orders are unassigned or late (a portfolio solve explains once, after its workers). */
  explain(request: ExplainRequest): Promise<Explanation[]>;
  /** The Monte Carlo risk of a plan (issue #14), in WASM. */
  /** A RiskRequest may come as its JSON text (cheaper to post than a structured clone at 10,000 stops). */
  computeRisk(request: RiskRequest | ModelRiskRequest | string): Promise<PlanRisk>;
  /** The same with the weakest promises ranked in the worker (the Risk panel's figures, issue #15). */
  computeRiskReport(request: RiskRequest | ModelRiskRequest | string): Promise<RiskReport>;
}

/**
 * The object the checker worker exposes through Comlink (issue #15): the independent checker
 * (domain/check.ts, unchanged) run off the main thread, in a worker of its own, never the solver's.
 * A scenario is posted once (`load`) and then checked against as many plans as needed.
 */
export interface CheckApi {
  /**
   * Keeps `scenario` as the one the checks under `key` read (replacing the one loaded before). Its JSON
   * text is accepted too: a string crosses to the worker as one copy of its bytes, cheaper for the main
   * thread than structured-cloning 10,000 orders (the worker parses it). A large text comes before, in pieces.
   */
  load(key: number, scenario: Scenario | string | SentText): void;
  /** The next pieces of a large scenario text, kept under `key` until `load` names it (web/src/io/text-pieces.ts). */
  textPart(key: number, parts: string[]): void;
  /**
   * The checker's verdict on `solution` for the scenario loaded under `key` (InputError if another is loaded).
   * A plan as text (domain/plan-text.ts, as it came from a solver worker) is parsed here, off the main thread.
   */
  check(key: number, solution: Pick<Solution, 'routes' | 'unassigned'> | PlanText | SentPlanText): CheckReport;
}

/**
 * A plan's text (domain/plan-text.ts) whose parts were sent before, one per `textPart` call under `partsKey`: posted
 * whole, a 10,000-stop plan's text was ~25 ms of the task that posted it (issue #15).
 */
export interface SentPlanText { head: string; partsKey: number }

/** A plan to explain, with its scenario. */
export interface ExplainRequest {
  /** As in SolveRequest: the scenario or its JSON text. */
  scenario: Scenario | string;
  solution: UncheckedSolution;
}

/** What computeRisk needs: the scenario, its plan's routes, samples and seed; the variability defaults to the scenario's. */
export interface RiskRequest {
  /**
   * As JSON text a request may lead with `"scenarioChars"`, the length of its scenario's text: the worker then takes
   * that text as it is and, when it is the last one's, does not parse or validate it again (risk-api.ts).
   */
  scenarioChars?: number;
  scenario: Scenario;
  /** A plan, or only what the risk model reads of it (the risk client sends that). */
  plan: RiskPlan;
  options: RiskOptions;
  variability?: Variability;
}

/** A risk model built on the main thread (Day mode: the rest of the day, domain/risk/day-model.ts): its routes; the worker rebuilds the factor tables. */
export interface ModelRiskRequest {
  routes: RiskRoute[];
  options: RiskOptions;
}

/** Error names carried across Comlink (it keeps only name, message, stack). */
export const INPUT_ERROR = 'InputError';
export const SOLVER_ERROR = 'SolverError';
export const ABORT_ERROR = 'AbortError';
/** A risk request by reference (risk-api.ts) to a worker that holds another scenario, or none: send it whole. */
export const SCENARIO_GONE = 'ScenarioGone';

/** Builds an Error whose `name` survives Comlink. */
export function namedError(name: typeof INPUT_ERROR | typeof SOLVER_ERROR | typeof ABORT_ERROR | typeof SCENARIO_GONE, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
