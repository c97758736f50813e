// The time screen of move evaluation (segments.ts insertionWarp, joinWarp): before a move is priced with
// whole route records, four time fields say whether the new route would be late. The screen may only
// under-state the lateness (the move is then priced in full), never over-state it: a move it calls late
// must be late. With nothing after the inserted stops it is exact.
import { describe, expect, it } from 'vitest';
import { routesOf } from '../../helpers/reference-cost';
import { randomProblem } from '../../helpers/random-problem';
import { solveProblem } from '../../helpers/solve-problem';

const STOPS = 60;
const VEHICLES = 8;
const CHAIN = 0; const JOIN = 1;

/** A first plan on tight windows; `asymmetric` makes every leg's time depend on its direction. */
async function firstPlan(seed: number, asymmetric: boolean) {
  const { problem } = randomProblem(seed, { stops: STOPS, vehicles: VEHICLES, tightness: 0.8 });
  const n = STOPS + 1;
  if (asymmetric) {
    const durations = problem.durationS!;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i < j) durations[i * n + j] += 40 + ((i * 7 + j) % 50);
  }
  const solver = await solveProblem(problem, 0);
  const routes = routesOf(solver.readSolution());
  expect(routes.flat().length).toBeGreaterThan(STOPS / 2);
  return { solver, routes, n };
}

/** Sites of route r a stop may follow: its start site (n + r), then its stops. */
function positions(routes: number[][], r: number, n: number): number[] {
  return [n + r, ...routes[r]];
}

describe('time screen of move evaluation', () => {
  for (const asymmetric of [false, true]) {
    it(`never over-states a route's lateness (${asymmetric ? 'asymmetric' : 'symmetric'} travel)`, async () => {
      const { solver, routes, n } = await firstPlan(asymmetric ? 82 : 81, asymmetric);
      let late = 0; let exact = 0; let compared = 0;
      for (let a = 0; a < routes.length; a++) for (let b = 0; b < routes.length; b++) {
        if (a === b || routes[a].length === 0) continue;
        for (let i = 0; i < routes[a].length; i++) {
          for (const before of positions(routes, b, n)) {
            // A chain of one to three stops of route a after `before` in route b (relocate, or-opt, recreate).
            const len = 1 + ((i + before) % 3);
            const last = routes[a][Math.min(i + len - 1, routes[a].length - 1)];
            const screened = solver.raw.testTimeScreen(CHAIN, routes[a][i], last, before);
            const full = solver.raw.testScreenedFullWarp();
            expect(screened, `chain ${routes[a][i]}…${last} after ${before}`).toBeLessThanOrEqual(full);
            expect(screened).toBeGreaterThanOrEqual(0);
            if (before === routes[b][routes[b].length - 1] || (routes[b].length === 0)) {
              expect(screened, `chain ${routes[a][i]}…${last} at the end of route ${b}`).toBe(full);
              exact++;
            }
            if (screened > 0) late++;
            compared++;
          }
        }
        // 2-opt*: route b's prefix through `before`, then route a's tail from its i-th stop.
        for (const before of positions(routes, b, n)) {
          const i = before % (routes[a].length + 1);
          const tail = i === routes[a].length ? n + VEHICLES + a : routes[a][i];
          const screened = solver.raw.testTimeScreen(JOIN, 0, tail, before);
          const full = solver.raw.testScreenedFullWarp();
          expect(screened, `prefix through ${before}, tail from ${tail}`).toBeLessThanOrEqual(full);
          if (i === routes[a].length) expect(screened).toBe(full);
          if (screened > 0) late++;
          compared++;
        }
      }
      // Tight windows: the screen finds many late routes, and is exact at route ends.
      expect(compared).toBeGreaterThan(1000);
      expect(late).toBeGreaterThan(compared / 4);
      expect(exact).toBeGreaterThan(50);
    }, 60_000);
  }
});
