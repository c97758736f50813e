// The plan as the scenario store keeps it: one immutable value, replaced whole, that
// Solid does not deep-proxy (a class instance is not wrappable). Readers get plain
// arrays and objects, so a 10,000-step plan costs no proxy per step read, and copies
// of the scenario (saves, undo, snapshots for a solve) share the plan instead of
// deep-copying it. Structured clone (IndexedDB, workers) stores it as plain data.
import { unwrap } from 'solid-js/store';
import type { DayRecord } from '../domain/day/day-schema';
import { freezeDeep } from '../domain/freeze';
import type { Plan, Scenario, TravelSource } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { rawOf } from './raw';
import { piecesOf, type TextOrPieces } from '../io/text-pieces';

/** A plan frozen for the store; its fields are the `Plan` fields and nothing else. */
class PlanValue implements Plan {
  readonly solvedRevision: number;
  readonly solution: Solution;
  readonly travel?: TravelSource;

  constructor(plan: Plan) {
    this.solvedRevision = plan.solvedRevision;
    // A plan read from a solver worker's text comes with its routes frozen already, a part per task
    // (domain/plan-text.ts), so this walks only what is not: a 10,000-step plan froze here in ~50 ms.
    this.solution = freezeDeep(rawOf(plan.solution));
    // Absent stays absent (a stored plan of an older build has no travel source).
    if (plan.travel !== undefined) this.travel = freezeDeep({ ...rawOf(plan.travel) });
    Object.freeze(this);
  }
}

/**
 * The plan as a store value: the same plan (same solution object, now frozen) in a form Solid keeps
 * by reference. Idempotent; null stays null.
 */
export function planValue(plan: Plan | null | undefined): Plan | null {
  const raw = rawOf(plan);
  if (!raw) return null;
  return raw instanceof PlanValue ? raw : new PlanValue(raw);
}

/** True for a plan already held as a store value. */
export function isPlanValue(plan: unknown): plan is Plan {
  return plan instanceof PlanValue;
}

/**
 * A day's dispatched plan as a store value that shares a frozen plan's routes and unassigned list (Dispatch takes
 * the plan value's: copying them was ~27 ms of a 10,000-stop Dispatch click), or null when they are not frozen.
 * Solid cannot proxy frozen data, so it is held as a plan value too. Idempotent.
 */
export function dispatchedPlanValue(plan: DayRecord['dispatchedPlan']): DayRecord['dispatchedPlan'] | null {
  if (isPlanValue(plan)) return plan;
  const { routes, unassigned, ...other } = plan.solution;
  if (!Object.isFrozen(routes) || !Object.isFrozen(unassigned)) return null;
  const solution = { ...structuredClone(other), routes, unassigned } as unknown as Solution;
  return new PlanValue({ solvedRevision: plan.solvedRevision, solution }) as unknown as DayRecord['dispatchedPlan'];
}

/** The same plan: one solution object for the same revision and travel source. */
const samePlan = (a: Plan, b: Plan) => a.solution === b.solution && a.solvedRevision === b.solvedRevision
  && a.travel?.source === b.travel?.source && a.travel?.fallback === b.travel?.fallback;

/**
 * `scenario` with its plan as a store value (a new object only when the plan needed converting).
 * When it is the same plan as `current` (a data edit that left the plan alone), `current` itself is
 * kept, so nothing that reads the plan runs again.
 */
export function withPlanValue<S extends Scenario>(scenario: S, current?: Plan | null): S {
  const plan = scenario.plan;
  if (!plan || isPlanValue(plan)) return scenario;
  return { ...scenario, plan: current && samePlan(current, plan) ? current : planValue(plan) };
}

/**
 * A plain deep copy of a scenario read from the store, except the plan, which is immutable and
 * shared: copying it would cost as much as the rest of a large scenario together, for nothing.
 */
export function copyScenario(scenario: Scenario): Scenario {
  return copyScenarioWithText(scenario).copy();
}

/** A scenario's copy taken at one moment: its JSON text now, the copy parsed from that text when first asked for. */
export interface TextSnapshot {
  /** The scenario's JSON text without its plan: `solverInput(copy())` (solver/client.ts), joined on first use. */
  readonly text: string;
  /** The same text as the pieces it was written in (one piece when written at once): what a solve posts. */
  readonly pieces: readonly string[];
  /** The copy (parsed once, on the first call): the scenario as it was when the text was written, whenever called. */
  copy(): Scenario;
}

/**
 * `copyScenario` through JSON text: the text is written now; the copy is parsed from it on the first `copy()`
 * call, and is the scenario as it was now however much later that comes (the plan, immutable, is taken now).
 * The Optimize click posts the text and starts the solve; the copy is parsed only if the run needs one (road
 * matrices to fetch, or a scenario edited before the solve ended): writing and parsing 10,000 orders in the click
 * was one ~50 ms task, and the copy then lived through the solve (issue #15).
 */
export function copyScenarioWithText(scenario: Scenario): TextSnapshot {
  return snapshotOfText(scenarioText(scenario), rawOf(scenario).plan);
}

/** `copyScenarioWithText(scenario).text`: the scenario's JSON text without its plan. */
export function scenarioText(scenario: Scenario): string {
  const raw = rawOf(scenario);
  // Behind a store proxy the data is raw all the way down; a plain object may hold proxies (values
  // read from the store), which `unwrap` replaces (walking every object: slow, so only then).
  const rest = { ...raw, plan: null };
  // A scenario is JSON data (its files are JSON): a round trip through JSON text copies 10,000 orders in
  // about half the time of structuredClone (~30 against ~60 ms in V8), time the Optimize click spent (issue #15).
  return JSON.stringify(raw === scenario ? unwrap(rest) : rest);
}

/**
 * A scenario as it was at one moment, kept as its JSON text without the plan (immutable) and its plan (an immutable
 * value): an undo step. Keeping the text instead of a parsed copy makes recording a data edit of a 10,000-order
 * scenario one parse instead of three copies (issue #15); `parseScenarioText` makes a fresh copy when one is needed.
 */
export interface ScenarioText {
  text: string;
  plan: Plan | null;
}

/** A new plain copy of the scenario `at` holds (its plan shared: immutable). */
export function parseScenarioText(at: ScenarioText): Scenario {
  const copy = JSON.parse(at.text) as Scenario;
  copy.plan = at.plan;
  return copy;
}

/**
 * A snapshot of a scenario from its `scenarioText` (whole, or the pieces it was written in: joined only when the
 * text or the copy is asked for) and its plan as they are now.
 */
export function snapshotOfText(written: TextOrPieces, scenarioPlan: Plan | null | undefined): TextSnapshot {
  const plan = planValue(scenarioPlan);
  const pieces = piecesOf(written);
  let text: string | null = typeof written === 'string' ? written : null;
  const whole = () => (text ??= pieces.join(''));
  let copy: Scenario | null = null;
  return {
    get text() { return whole(); },
    pieces,
    copy() {
      if (!copy) {
        copy = JSON.parse(whole()) as Scenario;
        copy.plan = plan;
      }
      return copy;
    },
  };
}

/**
 * Freezes `plan`'s routes (as a store value holds them, PlanValue) about `perPart` steps per task, `pause` before each
 * part: a stored plan opened (10,000 steps) froze in one task with the store's update otherwise (issue #15).
 */
export async function freezeRoutesInParts(plan: Plan | null | undefined, pause: () => Promise<void>, perPart = 1500): Promise<void> {
  let steps = 0;
  for (const route of plan?.solution.routes ?? []) {
    if (steps >= perPart) { await pause(); steps = 0; }
    freezeDeep(route);
    steps += route.steps.length;
  }
}
