// VROOM JSON interop: import → export → import gives the same scenario;
// unsupported keys are named; plans export in VROOM's solution shape.
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import { exportVroomProblem, exportVroomSolution, importVroomProblem } from '../../../web/src/io/vroom';
import { planRoute, rulesScenario } from '../../fixtures/rules-scenario';
import { vroomProblem } from '../../fixtures/vroom-problem';

const imported = (data: unknown) => {
  const result = importVroomProblem(data, { date: '2026-11-21' });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result;
};

describe('importVroomProblem', () => {
  it('maps jobs, shipments, vehicles, breaks, skills, windows and matrices', () => {
    const { scenario } = imported(vroomProblem());
    expect(scenario.orders.map((o) => [o.id, o.serviceType])).toEqual([['7', 'curbside'], ['8', 'haul-away'], ['9', 'return'], ['3', 'curbside']]);
    expect(scenario.orders[0]).toMatchObject({ lat: 45.76, lng: 4.84, serviceMinutes: 15, amounts: [3, 1], skills: ['1'], priority: 2, timeWindows: [{ start: 540, end: 660 }], matrixIndex: 1 });
    expect(scenario.orders[3].pickup).toMatchObject({ address: 'Store', serviceMinutes: 5, matrixIndex: 5 });
    const [van, second] = scenario.vehicles;
    expect(van).toMatchObject({ name: 'Van 1', type: 'car', shift: { start: 480, end: 1020 }, speedFactor: 0.8, crew: { size: 1, skills: ['1', '14'] } });
    expect(van.breaks).toEqual([{ id: '1', timeWindows: [{ start: 720, end: 780 }], minutes: 30 }]);
    expect(second).toMatchObject({ endDepotId: 'depot-2', limits: { maxDistanceKm: 50, maxDrivingMinutes: 120 } });
    expect(scenario.depots.map((d) => d.id)).toEqual(['depot-1', 'depot-2']);
    expect(scenario.travelMatrices?.car.durationsS.length).toBe(7);
  });

  it('round-trips: import → export → import gives the same scenario', () => {
    const first = imported(vroomProblem()).scenario;
    const again = imported(exportVroomProblem(first).problem).scenario;
    expect(again).toEqual(first);
  });

  it('names unsupported and unknown keys with their entity instead of ignoring them silently', () => {
    const data = vroomProblem() as unknown as { jobs: Record<string, unknown>[]; vehicles: Record<string, unknown>[]; options: unknown };
    data.jobs[1].setup = 120;
    data.jobs[2].colour = 'red';
    data.vehicles[0].steps = [];
    data.options = {};
    const { warnings } = imported(data);
    const paths = warnings.map((w) => w.path);
    expect(paths).toContain('jobs[1] (job 8).setup');
    expect(paths).toContain('jobs[2] (job 9).colour');
    expect(paths).toContain('vehicles[0] (vehicle 1).steps');
    expect(paths).toContain('(problem).options');
    expect(warnings.find((w) => w.path === 'jobs[2] (job 9).colour')?.message).toBe("key 'colour' is not supported by the planner and was ignored");
  });

  it('rejects what the planner cannot represent, naming the entity', () => {
    const data = vroomProblem();
    delete data.vehicles[1].end;
    delete data.vehicles[1].end_index;
    delete data.jobs![0].location;
    delete data.jobs![0].location_index;
    const result = importVroomProblem(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['jobs[0] (job 7).location', 'vehicles[1] (vehicle 2).end']);
  });
});

describe('exportVroomProblem', () => {
  it('turns skill names and crew sizes into VROOM integer skills', () => {
    const s = rulesScenario();
    s.orders[0].serviceType = 'white-glove';
    s.vehicles[0].crew = { size: 2, skills: ['white-glove'] };
    const { problem, ids, warnings } = exportVroomProblem(s);
    expect([...ids.skills.keys()].sort()).toEqual(['crew:2', 'white-glove']);
    expect(problem.jobs![0].skills?.sort()).toEqual([...ids.skills.values()].sort());
    expect(problem.vehicles[0].skills?.sort()).toEqual([...ids.skills.values()].sort());
    expect(warnings[0].message).toMatch(/^skill names mapped to VROOM integers/);
  });

  it('warns about soft rules VROOM cannot express, naming the entity', () => {
    const s = rulesScenario();
    s.orders[1].lateness = { maxMinutes: 10, costPerMinute: 1 };
    s.vehicles[0].overtime = { maxMinutes: 30, costPerMinute: 1 };
    const paths = exportVroomProblem(s).warnings.map((w) => w.path);
    expect(paths).toEqual(["vehicles (vehicle 'v1').overtime", "orders (order 'B').lateness"]);
  });
});

describe('exportVroomSolution', () => {
  it('writes routes with vehicle, typed steps with ids, and unassigned tasks', () => {
    const s = rulesScenario();
    s.orders[2].pickup = { lat: 45.74, lng: 4.83, address: 'Store', timeWindows: [], serviceMinutes: 5 };
    s.vehicles[0].breaks = [{ id: 'lunch', timeWindows: [{ start: 480, end: 1000 }], minutes: 30 }];
    const routes = [planRoute(s, 'v1', ['A', { type: 'break', id: 'lunch' }])];
    const plan = { routes, unassigned: [{ orderId: 'B', reason: '' }, { orderId: 'C', reason: '' }] };
    expect(checkSolution(s, plan).ok).toBe(true);
    const out = exportVroomSolution(s, plan);
    expect(out.routes[0].vehicle).toBe(1);
    expect(out.routes[0].steps.map((x) => [x.type, x.id])).toEqual([['start', undefined], ['job', 1], ['break', 1], ['end', undefined]]);
    expect(out.unassigned.map((u) => [u.type, u.id])).toEqual([['job', 2], ['pickup', 1], ['delivery', 1]]);
    expect(out.summary).toMatchObject({ routes: 1, unassigned: 3, distance: routes[0].distanceM });
    expect(out.routes[0].steps[3].duration).toBe(routes[0].drivingS);
  });
});
