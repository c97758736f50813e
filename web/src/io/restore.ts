// Turns stored or fetched data into a scenario the app can open: upgrades old
// versions, validates, and re-checks any saved plan with the independent checker
// (a plan is checked before it is shown, also after a reload). Never throws on bad data.
import * as v from 'valibot';
import { checkSolution } from '../domain/check';
import { migrateScenario, newerVersionOf } from '../domain/migrate';
import { planSchema } from '../domain/plan-schema';
import { SCENARIO_VERSION, storedPinsSchema, type Plan, type Scenario } from '../domain/scenario';
import { formatIssues, validateScenario } from '../domain/validate';
import type { PinSet } from '../plan/pins';
import { checkDay } from '../plan/repair-plan';
import { isOrderStep, type Solution } from '../domain/solution';
import type { PlannerDb } from './db';

/** Outcome of reading the saved scenario. */
export type SavedRead =
  | { kind: 'none' }
  | { kind: 'found'; scenario: Scenario; pins: PinSet; warnings: string[] }
  | { kind: 'invalid'; message: string }
  /** Saved by a newer build: must be left untouched. */
  | { kind: 'newer'; message: string };

/** Outcome of upgrading unknown data to the current scenario version. */
export type Upgraded =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; message: string; newer?: boolean };

/** Outcome of reading a stored record: the scenario and its pins. */
export type RecordRead =
  | { ok: true; scenario: Scenario; pins: PinSet; warnings: string[] }
  | { ok: false; message: string; newer?: boolean };

const pathOf = (issue: v.BaseIssue<unknown>) => (issue.path ?? []).map((item) => String(item.key)).join('.');
const firstIssue = (prefix: string, issues: v.BaseIssue<unknown>[]) => `${[prefix, pathOf(issues[0])].filter(Boolean).join('.')}: ${issues[0].message}`;

/** Name of the demo file in `public/`. */
export const DEMO_FILE = 'demo-scenario.json';

/** Id of the demo's one depot. */
const DEMO_DEPOT_ID = 'hub-venissieux';

/**
 * Whether the scenario's orders (or vehicles) are still the demo's: every order
 * carries a demo id ("LYO-1001"), every vehicle starts at the demo's hub (the
 * demo itself, a branch or a copy of it). An import then replaces them by
 * default; once replaced, the next file is added.
 */
export function holdsDemo(scenario: Scenario, kind: 'orders' | 'vehicles'): boolean {
  if (kind === 'orders') return scenario.orders.length > 0 && scenario.orders.every((o) => /^LYO-\d+$/.test(o.id));
  return scenario.vehicles.length > 0 && scenario.vehicles.every((v) => v.startDepotId === DEMO_DEPOT_ID);
}

function looksLikePlan(plan: unknown): plan is Plan {
  const p = plan as Plan | null;
  return typeof p?.solvedRevision === 'number'
    && Array.isArray(p.solution?.routes)
    && Array.isArray(p.solution?.unassigned)
    && typeof p.solution?.summary === 'object';
}

/** Re-checks the saved plan against the scenario; drops a plan that cannot be checked. */
function recheckPlan(scenario: Scenario): { scenario: Scenario; warnings: string[] } {
  const plan: unknown = scenario.plan;
  if (plan === null) return { scenario, warnings: [] };
  const dropped = { scenario: { ...scenario, plan: null }, warnings: ['The saved plan was damaged and has been removed. Press Optimize to plan again.'] };
  if (!looksLikePlan(plan)) return dropped;
  try {
    const check = checkSolution(scenario, plan.solution);
    const driven = check.ok ? null : drivenDayPlan(scenario, plan.solution);
    if (driven) return { scenario: { ...scenario, plan: { ...plan, solution: driven } }, warnings: [] };
    return { scenario: { ...scenario, plan: { ...plan, solution: { ...plan.solution, check } } }, warnings: [] };
  } catch {
    return dropped;
  }
}

/**
 * A dispatched scenario's plan may be the day as it is being driven (`npm run
 * replan` writes the repaired day): actual times, orders that came in during the
 * day. When its routes are the day's current routes, it is checked as a day
 * (the checker's day walk at the log's last time) and shown with the day walk's
 * times; any other plan keeps the plain check and its violations.
 */
function drivenDayPlan(scenario: Scenario, solution: Pick<Solution, 'routes'>): Solution | null {
  const day = scenario.day;
  if (!day) return null;
  const lastMinutes = day.events.reduce((at, e) => Math.max(at, e.at), day.dispatchedAt);
  const walked = checkDay(scenario, day, Math.round(lastMinutes * 60)).plan;
  const sequences = (routes: Pick<Solution, 'routes'>['routes']) =>
    JSON.stringify(routes.filter((r) => r.steps.some(isOrderStep)).map((r) => [r.vehicleId, r.steps.filter(isOrderStep).map((x) => `${x.type}:${x.id}`)]).sort());
  return sequences(walked.routes) === sequences(solution.routes) ? walked : null;
}

/** A plan that does not fit the schema is removed (with a warning naming the field) instead of failing the scenario. */
function withoutDamagedPlan(data: unknown): { data: unknown; warnings: string[] } {
  const plan = (data as { plan?: unknown } | null)?.plan;
  if (plan === null || plan === undefined || typeof data !== 'object') return { data, warnings: [] };
  const parsed = v.safeParse(planSchema, plan);
  if (parsed.success) return { data, warnings: [] };
  const where = firstIssue('plan', parsed.issues);
  return { data: { ...(data as object), plan: null }, warnings: [`The saved plan was damaged (${where}) and has been removed. Press Optimize to plan again.`] };
}

/** Message for data saved by a newer build. */
export function newerMessage(version: number): string {
  return `it was saved by a newer version of the planner (scenario version ${version}; this version reads up to ${SCENARIO_VERSION}). It is left untouched: open it with the newer version`;
}

/** Upgrades any supported version to the current one (domain/migrate.ts), validates, re-checks the plan. */
export function upgradeScenario(data: unknown): Upgraded {
  const newer = newerVersionOf(data);
  if (newer !== null) return { ok: false, newer: true, message: newerMessage(newer) };
  const cleaned = withoutDamagedPlan(migrateScenario(data));
  const result = validateScenario(cleaned.data);
  if (!result.ok) return { ok: false, message: formatIssues(result.issues) };
  const checked = recheckPlan(result.scenario);
  return { ok: true, scenario: checked.scenario, warnings: [...cleaned.warnings, ...checked.warnings] };
}

/** Reads a stored record: the scenario (upgraded and validated) and its pins (validated; damaged pins are dropped with a warning). */
export function readScenarioRecord(data: unknown): RecordRead {
  const upgraded = upgradeScenario(data);
  if (!upgraded.ok) return upgraded;
  const parsed = v.safeParse(storedPinsSchema, data);
  if (parsed.success) return { ...upgraded, pins: parsed.output.pins ?? { orders: {}, routes: [] } };
  const warning = `The saved pins were damaged (${firstIssue('', parsed.issues)}) and have been removed.`;
  return { ...upgraded, pins: { orders: {}, routes: [] }, warnings: [...upgraded.warnings, warning] };
}

/** Reads the scenario that was open last. IndexedDB failures are thrown to the caller. */
export async function readSavedScenario(db: PlannerDb): Promise<SavedRead> {
  const id = await db.getCurrentScenarioId();
  if (id === undefined) return { kind: 'none' };
  const missing: SavedRead = { kind: 'invalid', message: `the saved scenario '${id}' is missing` };
  let read: RecordRead;
  if (db.readRecord) {
    // Read, validated and re-checked where the database does it (the save worker), then adopted here.
    const stored = await db.readRecord(id);
    if (!stored) return missing;
    db.adopt?.(id, stored.stamp);
    read = stored.read;
  } else {
    const data = await db.getScenario(id);
    if (data === undefined) return missing;
    read = readScenarioRecord(data);
  }
  if (read.ok) return { kind: 'found', scenario: read.scenario, pins: read.pins, warnings: read.warnings };
  return read.newer ? { kind: 'newer', message: read.message } : { kind: 'invalid', message: read.message };
}

/** Loads the built-in demo from the app's public folder; throws an Error that says what went wrong. */
export async function fetchDemoScenario(fetchFn: typeof fetch = fetch, baseUrl: string = import.meta.env.BASE_URL): Promise<Scenario> {
  const url = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${DEMO_FILE}`;
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new Error(`could not download ${DEMO_FILE}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new Error(`could not download ${DEMO_FILE}: HTTP ${response.status}`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new Error(`${DEMO_FILE} is not valid JSON`);
  }
  const upgraded = upgradeScenario(data);
  if (!upgraded.ok) throw new Error(`${DEMO_FILE} is not a valid scenario:\n${upgraded.message}`);
  return upgraded.scenario;
}
