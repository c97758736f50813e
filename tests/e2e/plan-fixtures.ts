// Scenarios with ready-made plans for browser tests, written straight into the
// app's IndexedDB so a test opens exactly them after a reload: a small one with
// one tight window (for an infeasible drop) and a large generated one (2,000 stops).
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { checkSolution } from '../../web/src/domain/check';
import { CURRENT_KEY } from '../../web/src/io/db';
import type { Order, Scenario, Vehicle } from '../../web/src/domain/scenario';
import type { Route, Solution } from '../../web/src/domain/solution';
import { makeLookup, rebuildRoute } from '../../web/src/plan/rebuild-route';
import { mapRegion, viewsCaughtUp } from './support';

/** The demo file, the template for every generated scenario (same schema version). */
export const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as Scenario;

/** Opens the app on the demo and solves it for `seconds`, waiting for the run to finish. */
export async function solveDemo(page: Page, seconds = 2): Promise<void> {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  const limit = page.getByLabel('Time limit (s)');
  await limit.fill(String(seconds));
  await limit.press('Tab');
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByText('Finished.')).toBeVisible({ timeout: 60_000 });
  await viewsCaughtUp(page);
}

/** Database and store names of web/src/io/db.ts (idb-keyval: one store per database). */
/** The app's scenario store; the "open last" pointer lives in it under CURRENT_KEY (web/src/io/db.ts). */
const DB = { scenarios: ['fmp-scenarios', 'scenarios'], current: CURRENT_KEY } as const;

/** A van like the demo's, without its lunch break (these fixtures test other rules). */
function vehicle(id: string, name: string): Vehicle {
  return { ...structuredClone(DEMO.vehicles[0]), id, name, capacity: [100_000, 10_000], shift: { start: 480, end: 1200 }, breaks: [] };
}

/** An order like the demo's first, with a hard window (no lateness allowance). */
function order(id: string, lat: number, lng: number, window: [number, number], serviceMinutes: number): Order {
  const { lateness: _, ...base } = structuredClone(DEMO.orders[0]);
  return { ...base, id, customerName: `Customer ${id}`, lat, lng, amounts: [1, 1], serviceMinutes, timeWindows: [{ start: window[0], end: window[1] }] };
}

/** Attaches a plan built with the checker's own timing, so it opens as valid. */
function withPlan(scenario: Scenario, routes: Record<string, string[]>): Scenario {
  const lookup = makeLookup(scenario);
  const built: Route[] = Object.entries(routes).map(([vehicleId, ids]) => rebuildRoute(scenario, vehicleId, ids, lookup));
  const sum = (f: (r: Route) => number) => built.reduce((acc, r) => acc + f(r), 0);
  const solution: Solution = {
    routes: built, unassigned: [], stopReason: 'completed', check: checkSolution(scenario, { routes: built, unassigned: [] }),
    summary: { cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS), routes: built.length, unassigned: 0 },
    stats: { seed: 1, iterations: 0, elapsedMs: 0 },
  };
  return { ...scenario, plan: { solvedRevision: scenario.revision, solution } };
}

/** Two vans; "tight" (window 08:00–08:30) is first on Van A; at the end of Van B it would be late. `edit` changes the data before the plan is built. */
export function makeTightScenario(edit: (s: Scenario) => void = () => {}): Scenario {
  const depot = DEMO.depots[0];
  const at = (dLat: number, dLng: number): [number, number] => [depot.lat + dLat, depot.lng + dLng];
  const orders = [
    order('tight', ...at(0.01, 0.0), [480, 510], 20),
    order('a2', ...at(0.02, 0.01), [480, 1140], 20),
    order('b1', ...at(-0.02, 0.02), [480, 1140], 20),
    order('b2', ...at(-0.03, -0.02), [480, 1140], 20),
  ];
  const scenario: Scenario = { ...structuredClone(DEMO), id: 'e2e-tight', name: 'Tight window', revision: 1, vehicles: [vehicle('van-a', 'Van A'), vehicle('van-b', 'Van B')], orders, plan: null };
  edit(scenario);
  return withPlan(scenario, { 'van-a': ['tight', 'a2'], 'van-b': ['b1', 'b2'] });
}

/** The tight scenario with "tight" a shipment collected near the depot: Van A's steps are its pickup, its delivery, then a2. */
export function makeShipmentScenario(): Scenario {
  const tight = makeTightScenario();
  const depot = DEMO.depots[0];
  const orders = tight.orders.map((o) => (o.id === 'tight'
    ? { ...o, pickup: { lat: depot.lat + 0.005, lng: depot.lng, address: 'Shop', timeWindows: [], serviceMinutes: 5 } }
    : o));
  return withPlan({ ...tight, id: 'e2e-shipment', name: 'Shipment first', orders, plan: null }, { 'van-a': ['tight', 'a2'], 'van-b': ['b1', 'b2'] });
}

/** `stopCount` stops around the depot, served by `vehicleCount` vans, each taking one angular sector; `fixedCost` per van if given. */
export function makeLargeScenario(stopCount: number, vehicleCount: number, fixedCost?: number): Scenario {
  const depot = DEMO.depots[0];
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const orders = Array.from({ length: stopCount }, (_, i) => {
    const angle = random() * 2 * Math.PI;
    const radius = 0.005 + Math.sqrt(random()) * 0.06;
    return order(`S${String(i + 1).padStart(4, '0')}`, depot.lat + radius * Math.sin(angle), depot.lng + radius * Math.cos(angle) * 1.4, [420, 1260], 3);
  });
  const vehicles = Array.from({ length: vehicleCount }, (_, i) => vehicle(`van-${i + 1}`, `Van ${i + 1}`));
  if (fixedCost !== undefined) for (const v of vehicles) v.costs.fixed = fixedCost;
  const angleOf = (o: Order) => Math.atan2(o.lat - depot.lat, o.lng - depot.lng);
  const byAngle = [...orders].sort((a, b) => angleOf(a) - angleOf(b));
  const perVehicle = Math.ceil(stopCount / vehicleCount);
  const routes: Record<string, string[]> = {};
  vehicles.forEach((v, i) => {
    // Within a sector: outwards then back in, a plausible if not optimal tour.
    const sector = byAngle.slice(i * perVehicle, (i + 1) * perVehicle);
    const dist = (o: Order) => Math.hypot(o.lat - depot.lat, o.lng - depot.lng);
    const out = sector.filter((_, k) => k % 2 === 0).sort((a, b) => dist(a) - dist(b));
    const back = sector.filter((_, k) => k % 2 === 1).sort((a, b) => dist(b) - dist(a));
    routes[v.id] = [...out, ...back].map((o) => o.id);
  });
  const scenario: Scenario = { ...structuredClone(DEMO), id: 'e2e-large', name: `Generated ${stopCount} stops`, revision: 1, vehicles, orders, plan: null };
  return withPlan(scenario, routes);
}

/**
 * Stores `scenario` as the open one and reloads the page onto it (the page must be on the app already).
 * On a first visit the app stores the demo as the open scenario; until that save has landed it would
 * overwrite the pointer written here, and the reload would open the demo again.
 */
export async function openScenario(page: Page, scenario: Scenario): Promise<void> {
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.evaluate(async ({ record, db }) => {
    const put = (name: string, store: string, key: string, value: unknown) => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onupgradeneeded = () => open.result.createObjectStore(store);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(store, 'readwrite');
        tx.objectStore(store).put(value, key);
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    });
    await put(db.scenarios[0], db.scenarios[1], record.id, record);
    await put(db.scenarios[0], db.scenarios[1], db.current, record.id);
  }, { record: scenario, db: DB });
  await page.reload();
}
