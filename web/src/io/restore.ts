// Turns stored or fetched data into a scenario the app can open: upgrades old
// versions, validates, and re-checks any saved plan with the independent checker
// (a plan is checked before it is shown, also after a reload). Never throws on bad data.
import { checkSolution } from '../domain/check';
import { migrateScenario } from '../domain/migrate';
import type { Plan, Scenario } from '../domain/scenario';
import { formatIssues, validateScenario } from '../domain/validate';
import type { PlannerDb } from './db';

/** Outcome of reading the saved scenario. */
export type SavedRead =
  | { kind: 'none' }
  | { kind: 'found'; scenario: Scenario; warnings: string[] }
  | { kind: 'invalid'; message: string };

/** Outcome of upgrading unknown data to the current scenario version. */
export type Upgraded =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; message: string };

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
    return { scenario: { ...scenario, plan: { ...plan, solution: { ...plan.solution, check } } }, warnings: [] };
  } catch {
    return dropped;
  }
}

/** Upgrades any supported version to the current one (domain/migrate.ts), validates, re-checks the plan. */
export function upgradeScenario(data: unknown): Upgraded {
  const result = validateScenario(migrateScenario(data));
  if (!result.ok) return { ok: false, message: formatIssues(result.issues) };
  return { ok: true, ...recheckPlan(result.scenario) };
}

/** Reads the scenario that was open last. IndexedDB failures are thrown to the caller. */
export async function readSavedScenario(db: PlannerDb): Promise<SavedRead> {
  const id = await db.getCurrentScenarioId();
  if (id === undefined) return { kind: 'none' };
  const data = await db.getScenario(id);
  if (data === undefined) return { kind: 'invalid', message: `the saved scenario '${id}' is missing` };
  const upgraded = upgradeScenario(data);
  return upgraded.ok ? { kind: 'found', scenario: upgraded.scenario, warnings: upgraded.warnings } : { kind: 'invalid', message: upgraded.message };
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
