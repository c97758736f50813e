// Scenario rules through encode → WASM → decode, each re-checked by the
// domain's independent checker: skills and crew decide the vehicle, pins keep
// stops (and pinned routes keep their order), a haul-away's load comes back,
// several windows per order, route limits, driver breaks, soft lateness.
import { describe, expect, it } from 'vitest';
import { createSolverApi } from '../../../workers/solver-api';
import { encode, LATE_STEPS } from '../../../workers/encode';
import { checkSolution } from '../../../web/src/domain/check';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { SolverPin } from '../../../workers/protocol';
import { loadSolverModule } from '../../helpers/load-solver';
import { smallScenario } from '../../fixtures/small-scenario';

const api = createSolverApi(() => loadSolverModule('debug'));

async function solve(scenario: Scenario, pins?: SolverPin[]) {
  const { solution } = await api.solve({ runId: 1, scenario, options: { timeLimitS: 0.3, seed: 3, ...(pins ? { pins } : {}) } });
  const check = checkSolution(scenario, solution);
  expect(check.violations).toEqual([]);
  expect(solution.summary.cost).toBeCloseTo(check.cost, 6);
  return solution;
}

const vehicleOf = (solution: Awaited<ReturnType<typeof solve>>, orderId: string) =>
  solution.routes.find((r) => r.steps.some((s) => s.type === 'job' && s.id === orderId))?.vehicleId;
const jobsOf = (solution: Awaited<ReturnType<typeof solve>>, vehicleId: string) =>
  solution.routes.find((r) => r.vehicleId === vehicleId)?.steps.filter((s) => s.type === 'job').map((s) => s.id) ?? [];

/** Two vans with crews: v1 one driver, no skills; v2 two installers. */
function crewed(): Scenario {
  const s = smallScenario();
  s.vehicles[0].crew = { size: 1, skills: [] };
  s.vehicles[1].crew = { size: 2, skills: ['installer', 'white-glove'] };
  return s;
}

describe('rules through the solver', () => {
  it('encodes skills and crew size as vehicles an order may not use', () => {
    const s = crewed();
    s.orders[0].serviceType = 'installation';
    s.orders[1].serviceType = 'room-of-choice';
    const { buffers: b } = encode(s, { seed: 1, timeLimitS: 1 });
    const V = 2; const D = 1;
    expect([b.forbidden![(D + 0) * V + 0], b.forbidden![(D + 0) * V + 1]]).toEqual([1, 0]);
    expect([b.forbidden![(D + 1) * V + 0], b.forbidden![(D + 1) * V + 1]]).toEqual([1, 0]);
    expect([b.forbidden![(D + 2) * V + 0], b.forbidden![(D + 2) * V + 1]]).toEqual([0, 0]);
  });

  it('gives installation and two-person orders only to the crew that can do them', async () => {
    const s = crewed();
    s.orders[0].serviceType = 'installation'; s.orders[0].serviceMinutes = 60;
    s.orders[3].serviceType = 'white-glove'; s.orders[3].serviceMinutes = 30;
    s.orders[2].crewSize = 2;
    const solution = await solve(s);
    expect(vehicleOf(solution, 'A')).toBe('v2');
    expect(vehicleOf(solution, 'D')).toBe('v2');
    expect(vehicleOf(solution, 'C')).toBe('v2');
  });

  it('leaves an order no crew can serve unassigned instead of breaking the rule', async () => {
    const s = crewed();
    s.orders[4].skills = ['electrician'];
    const solution = await solve(s);
    expect(solution.unassigned.map((u) => u.orderId)).toEqual(['E']);
    expect(solution.unassigned[0].reason).toBe('no vehicle has the skills it needs (electrician)');
    // Returned with the plan: per vehicle, the blocking rule and the smallest fix.
    const why = solution.explanations!.find((e) => e.orderId === 'E')!;
    expect(why.kind).toBe('unassigned');
    expect(why.summary).toContain('electrician');
    expect(why.vehicles.map((v) => v.vehicleId).sort()).toEqual(['v1', 'v2']);
  });

  it('keeps pinned stops on their vehicle and a pinned route in its order', async () => {
    const s = smallScenario();
    const free = await solve(s);
    const onV1 = jobsOf(free, 'v1');
    expect(onV1.length).toBeGreaterThanOrEqual(2);
    const pinnedOrder = [...onV1].reverse(); // an order the solver would not choose by itself
    const pins: SolverPin[] = [
      ...pinnedOrder.map((orderId, position) => ({ orderId, vehicleId: 'v1', position })),
      ...['A', 'B', 'C', 'D', 'E'].filter((id) => !onV1.includes(id)).slice(0, 1).map((orderId) => ({ orderId, vehicleId: 'v2' })),
    ];
    // Wide windows so any order of v1's stops stays feasible.
    for (const o of s.orders) o.timeWindows = [{ start: 420, end: 1080 }];
    const pinned = await solve(s, pins);
    expect(jobsOf(pinned, 'v1')).toEqual(pinnedOrder);
    for (const pin of pins.filter((p) => p.position === undefined)) expect(vehicleOf(pinned, pin.orderId)).toBe('v2');
  });

  it('keeps pins to many vehicles: seventy orders each pinned to its own van all stay with it', async () => {
    const s = smallScenario();
    const template = s.vehicles[0];
    s.vehicles = Array.from({ length: 70 }, (_, i) => ({ ...structuredClone(template), id: `v${i}`, name: `Van ${i}` }));
    s.orders = Array.from({ length: 70 }, (_, i) => ({
      ...structuredClone(s.orders[i % 5]), id: `o${i}`, lat: 45.70 + (i % 10) * 0.006, lng: 4.83 + Math.floor(i / 10) * 0.008,
      timeWindows: [{ start: 420, end: 1080 }],
    }));
    const pins: SolverPin[] = s.orders.map((o, i) => ({ orderId: o.id, vehicleId: `v${i}` }));
    const solution = await solve(s, pins);
    expect(solution.unassigned).toEqual([]);
    for (let i = 0; i < 70; i++) expect(vehicleOf(solution, `o${i}`)).toBe(`v${i}`);
  });

  it('brings a haul-away back: the van is loaded again after the stop', async () => {
    const s = smallScenario();
    s.orders[0].serviceType = 'haul-away';
    s.orders[0].pickupAmounts = [60, 1];
    const solution = await solve(s);
    const route = solution.routes.find((r) => r.steps.some((st) => st.id === 'A'))!;
    const at = route.steps.findIndex((st) => st.id === 'A');
    // Load after the stop = load before − 30 kg delivered + 60 kg collected.
    expect(route.steps[at].load[0] - route.steps[at - 1].load[0]).toBeCloseTo(30, 9);
    expect(route.steps[route.steps.length - 1].load[0]).toBeGreaterThanOrEqual(60);
  });

  it('uses a second window when the first cannot be kept', async () => {
    const s = smallScenario();
    // The depot opens at 06:00 and shifts start at 07:00: a 06:00–06:10 window is unreachable.
    s.orders[4].timeWindows = [{ start: 360, end: 370 }, { start: 900, end: 960 }];
    const solution = await solve(s);
    expect(solution.unassigned).toEqual([]);
    const step = solution.routes.flatMap((r) => r.steps).find((st) => st.id === 'E')!;
    expect(step.arrivalS + step.waitS).toBeGreaterThanOrEqual(900 * 60);
    expect(step.arrivalS + step.waitS).toBeLessThanOrEqual(960 * 60);
  });

  it('plans a shipment as a pickup then its delivery on one route, and a pinned route keeps both in order', async () => {
    const s = smallScenario();
    s.orders[2].pickup = { address: '1 Quai, Lyon', lat: 45.75, lng: 4.85, serviceMinutes: 10, timeWindows: [{ start: 480, end: 900 }] };
    const solution = await solve(s);
    const route = solution.routes.find((r) => r.steps.some((st) => st.id === 'C'))!;
    const types = route.steps.filter((st) => st.id === 'C').map((st) => st.type);
    expect(types).toEqual(['pickup', 'delivery']);
    const at = route.steps.findIndex((st) => st.type === 'pickup');
    expect(route.steps[at].load[0] - route.steps[at - 1].load[0]).toBeCloseTo(20, 9); // loaded at the pickup

    // Pin that route as it is, with a wide-open day so its order stays feasible; re-solve.
    for (const o of s.orders) o.timeWindows = [{ start: 420, end: 1080 }];
    const stops = route.steps.filter((st) => st.type === 'job' || st.type === 'pickup' || st.type === 'delivery');
    const pins: SolverPin[] = stops.map((st, position) => ({ orderId: st.id, vehicleId: route.vehicleId, position, ...(st.type === 'pickup' ? { side: 'pickup' as const } : {}) }));
    const again = await solve(s, pins);
    const kept = again.routes.find((r) => r.vehicleId === route.vehicleId)!.steps
      .filter((st) => st.type !== 'start' && st.type !== 'end').map((st) => `${st.type}:${st.id}`);
    expect(kept).toEqual(stops.map((st) => `${st.type}:${st.id}`));
  });

  it('works overtime when the shift is too short, at its cost, within the allowance', async () => {
    const s = smallScenario();
    for (const v of s.vehicles) { v.shift = { start: 420, end: 480 }; v.overtime = { maxMinutes: 600, costPerMinute: 2 }; }
    for (const o of s.orders) o.timeWindows = [{ start: 420, end: 1080 }];
    const solution = await solve(s);
    expect(solution.unassigned).toEqual([]);
    const overtime = solution.routes.map((r) => Math.max(0, r.steps[r.steps.length - 1].arrivalS - 480 * 60));
    expect(Math.max(...overtime)).toBeGreaterThan(0);
    expect(Math.max(...overtime)).toBeLessThanOrEqual(600 * 60);
    // The plan's cost includes 2 per minute of overtime (solve() checks it equals the checker's).
    const base = solution.routes.reduce((sum, r) => sum + 50 + 0.5 * r.distanceM / 1000 + 30 * r.durationS / 3600, 0);
    expect(solution.summary.cost - base).toBeCloseTo(overtime.reduce((a, x) => a + (x / 60) * 2, 0), 6);
  });

  it('keeps a max-stops limit', async () => {
    const s = smallScenario();
    s.vehicles[0].limits = { maxStops: 1 };
    s.vehicles[1].limits = { maxStops: 2 };
    const solution = await solve(s);
    expect(jobsOf(solution, 'v1').length).toBeLessThanOrEqual(1);
    expect(jobsOf(solution, 'v2').length).toBeLessThanOrEqual(2);
    expect(solution.unassigned.length).toBe(2);
  });

  it('takes each used vehicle\'s break inside its window, where the vehicle stands', async () => {
    const s = smallScenario();
    for (const v of s.vehicles) v.breaks = [{ id: 'lunch', timeWindows: [{ start: 720, end: 750 }], minutes: 45 }];
    for (const o of s.orders) o.timeWindows = [{ start: 600, end: 900 }];
    const solution = await solve(s);
    expect(solution.unassigned).toEqual([]);
    expect(solution.routes.length).toBeGreaterThan(0);
    for (const route of solution.routes) {
      const at = route.steps.findIndex((st) => st.type === 'break');
      expect(route.steps.filter((st) => st.type === 'break').map((st) => st.id)).toEqual(['lunch']);
      const brk = route.steps[at]; const before = route.steps[at - 1];
      expect(brk.arrivalS + brk.waitS).toBeGreaterThanOrEqual(720 * 60);
      expect(brk.arrivalS + brk.waitS).toBeLessThanOrEqual(750 * 60);
      expect(brk.serviceS).toBe(45 * 60);
      // No drive to a break: it starts where and when the previous step ends.
      expect(brk.distanceM).toBe(before.distanceM);
      expect(brk.arrivalS).toBe(before.departureS);
      expect(route.steps[at + 1].arrivalS).toBeGreaterThanOrEqual(brk.departureS);
    }
  });

  it('a break decides who serves an order: the vehicle that must break then cannot, the other one does', async () => {
    const s = smallScenario();
    for (const o of s.orders) o.timeWindows = [{ start: 480, end: 1080 }];
    // E is only open 12:15–12:25; a 60-minute break starting 12:00–12:20 leaves no room for it.
    s.orders[4].timeWindows = [{ start: 735, end: 745 }];
    const lunch = { id: 'lunch', timeWindows: [{ start: 720, end: 740 }], minutes: 60 };
    s.vehicles[0].breaks = [lunch];
    s.vehicles[1].breaks = [lunch];
    const both = await solve(s);
    expect(both.unassigned.map((u) => u.orderId)).toEqual(['E']);
    // Explained per vehicle: the break blocks it, and the smallest fix widens the break's window.
    const why = both.explanations!.find((e) => e.orderId === 'E')!;
    expect(why.vehicles.map((v) => v.reason)).toEqual(['break', 'break']);
    expect(why.summary).toMatch(/widen break 'lunch' of Van \d by \d+ min/);
    s.vehicles[1].breaks = [];
    const one = await solve(s);
    expect(one.unassigned).toEqual([]);
    expect(vehicleOf(one, 'E')).toBe('v2');
  });

  it('serves an order late under its allowance, at its exact cost per minute; beyond it the order stays out', async () => {
    const s = smallScenario();
    // Shifts start at 07:00 at the hub, 5 km from A: a 07:00–07:02 window cannot be kept.
    s.orders[0].timeWindows = [{ start: 420, end: 422 }];
    s.orders[0].lateness = { maxMinutes: 45, costPerMinute: 2 };
    const late = await solve(s);
    expect(late.unassigned).toEqual([]);
    const check = checkSolution(s, late);
    const lateStops = check.routes.flatMap((r) => r.lateStops ?? []);
    expect(lateStops.map((x) => x.orderId)).toEqual(['A']);
    const step = late.routes.flatMap((r) => r.steps).find((st) => st.id === 'A')!;
    const lateS = step.arrivalS + step.waitS - 422 * 60;
    expect(lateS).toBe(lateStops[0].lateS);
    expect(lateS).toBeGreaterThan(0);
    expect(lateS).toBeLessThanOrEqual(45 * 60);
    // The plan's cost carries exactly 2 per minute late (solve() checks it equals the checker's).
    expect(check.routes.reduce((sum, r) => sum + (r.latenessCost ?? 0), 0)).toBeCloseTo((lateS / 60) * 2, 6);
    expect(late.explanations!.some((e) => e.orderId === 'A' && e.kind === 'late')).toBe(true);

    s.orders[0].lateness = { maxMinutes: 1, costPerMinute: 2 };
    const strict = await solve(s);
    expect(strict.unassigned.map((u) => u.orderId)).toEqual(['A']);
  });

  it('prices lateness in the search: a second van when being late would cost more than it', async () => {
    const s = smallScenario();
    const hub = s.depots[0];
    // X 3 km north and D 3 km south of the hub, both due 07:00–07:20: one van serving both reaches D
    // about a quarter of an hour late; a second van costs its fixed 50 instead. At 50 per minute late
    // the second van is cheaper; were lateness free, one van would do.
    const [x, d] = [s.orders[0], s.orders[1]];
    Object.assign(x, { id: 'X', lat: hub.lat + 0.027, lng: hub.lng, timeWindows: [{ start: 420, end: 440 }] });
    Object.assign(d, { id: 'D', lat: hub.lat - 0.027, lng: hub.lng, timeWindows: [{ start: 420, end: 440 }], lateness: { maxMinutes: 60, costPerMinute: 50 } });
    s.orders = [x, d];
    const solution = await solve(s);
    expect(solution.unassigned).toEqual([]);
    expect(checkSolution(s, solution).routes.flatMap((r) => r.lateStops ?? [])).toEqual([]);
    expect(solution.routes.length).toBe(2);
    // Cheap lateness: one van, D served late.
    d.lateness = { maxMinutes: 60, costPerMinute: 0.5 };
    const cheap = await solve(s);
    expect(cheap.routes.length).toBe(1);
    expect(checkSolution(s, cheap).routes.flatMap((r) => r.lateStops ?? []).map((l) => l.orderId)).toEqual(['D']);
  });

  it('encodes a lateness allowance as priced window slots past the last window', () => {
    const s = smallScenario();
    s.orders[0].timeWindows = [{ start: 480, end: 500 }, { start: 600, end: 620 }];
    s.orders[0].lateness = { maxMinutes: 20, costPerMinute: 3 };
    const { buffers: b } = encode(s, { seed: 1, timeLimitS: 1 });
    const W = b.windowCount!; const node = 1;
    const slots = Array.from({ length: W }, (_, i) => [b.twOpenS[node * W + i], b.twCloseS[node * W + i], b.windowCost?.[node * W + i] ?? 0]);
    expect(W).toBe(2 + LATE_STEPS);
    expect(slots.slice(0, 2)).toEqual([[480 * 60, 500 * 60, 0], [600 * 60, 620 * 60, 0]]);
    slots.slice(2).forEach(([open, close, cost], k) => {
      const lateS = (20 * 60 * (k + 1)) / LATE_STEPS;
      expect([open, close]).toEqual([600 * 60, 620 * 60 + lateS]);
      expect(cost).toBeCloseTo((lateS / 60) * 3, 9);
    });
  });
});
