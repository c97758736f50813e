// The ruin's string removal (ruin.ts): with breaks it first checks, in a dry run, that the route stays
// feasible without the string, then takes the string. Both must take the same stops. A shipment's partner
// taken early with its pickup used to relink the route under the walk, which then took one stop past the
// string, one the dry run had not checked: a route left infeasible (a solver abort seen in CI, 2026-12-02).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { validateScenario } from '../../../web/src/domain/validate';
import { encode, pinnedInitialPlan } from '../../../workers/encode';
import { loadSolve } from '../../../workers/robust';
import { newSolver, workingRoutes } from '../../helpers/load-solver';

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

/** A demo plan after a fixed amount of search (shipments, breaks and windows), on a fresh debug instance. */
async function demoPlan() {
  const scenario = demo();
  const encoded = encode(scenario, { timeLimitS: 1, seed: 3 });
  const { instance } = await loadSolve(() => newSolver('debug'), scenario, encoded, undefined);
  instance.construct(pinnedInitialPlan(encoded));
  instance.improve(5_000, 0.5);
  return { instance, encoded, routes: workingRoutes(instance.raw, encoded.buffers) };
}

describe('ruin string removal', () => {
  it('takes exactly the stops its dry run checked when a string holds a shipment’s pickup and delivery', async () => {
    const { encoded, routes } = await demoPlan();
    // Every string that starts at a pickup, ends at its delivery and has a stop after it on the route.
    const cases: { route: number; from: number; to: number }[] = [];
    routes.forEach((stops, route) => stops.forEach((site, from) => {
      if (encoded.nodeStep[site] !== 'pickup') return;
      const to = stops.findIndex((other, i) => i > from + 1 && encoded.nodeIds[other] === encoded.nodeIds[site] && encoded.nodeStep[other] === 'delivery');
      if (to > 0 && to < stops.length - 1) cases.push({ route, from, to });
    }));
    expect(cases.length).toBeGreaterThan(0);
    for (const { route, from, to } of cases) {
      // A fresh instance per case (the removal changes the plan); the same plan, as the search is seeded.
      const { instance, routes: again } = await demoPlan();
      const stops = again[route];
      const string = stops.slice(from, to + 1);
      const taken = string.filter((site) => encoded.nodeStep[site] !== 'break').length;
      const after = stops[to + 1];
      const label = `route ${route}, stops ${from}–${to}`;
      expect(instance.raw.testRemoveString(stops[from], to - from + 1, 0, 0), label).toBe(taken);
      // The stop after the string stays where it was.
      expect(instance.raw.testLink(2, after), label).toBe(route);
      expect(workingRoutes(instance.raw, encoded.buffers)[route], label).toEqual(stops.filter((site) => !string.includes(site) || encoded.nodeStep[site] === 'break'));
    }
  }, 120_000);
});
