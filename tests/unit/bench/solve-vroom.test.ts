// `npm run solve -- problem.json`: VROOM problems in, VROOM solutions out,
// every plan re-checked; run in-process (vroomCli) and once as a child process.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { importVroomProblem, type VroomSolution, type VroomStep } from '../../../web/src/io/vroom';
import { encode } from '../../../workers/encode';
import { vroomCli, type VroomRunSummary } from '../../bench/vroom-run';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/vroom/${name}`, import.meta.url));
const read = (name: string) => readFileSync(fixture(name), 'utf8');
const CLI = fileURLToPath(new URL('../../bench/solve-cli.ts', import.meta.url));

/** Solves a fixture in-process the way the CLI does (release wasm, 1 s). */
async function solve(name: string) {
  const out = await vroomCli(read(name), name, { timeLimitS: 1, seed: 1 });
  const summaryLine = out.stderr.find((l) => l.startsWith('{'));
  return {
    ...out,
    summary: summaryLine ? (JSON.parse(summaryLine) as VroomRunSummary) : undefined,
    solution: out.stdout ? (JSON.parse(out.stdout) as VroomSolution) : undefined,
  };
}

const tasks = (s: VroomSolution) => s.routes.flatMap((r) => r.steps.filter((x) => x.type !== 'start' && x.type !== 'end'));
const inWindows = (t: number, windows: [number, number][] | undefined) => !windows?.length || windows.some(([a, b]) => t >= a && t <= b);

describe('npm run solve -- problem.json', () => {
  it('serves every job of a jobs-only problem inside its windows, capacity and the vehicle time window, with VROOM ids', async () => {
    const { code, summary, solution } = await solve('jobs-windows.json');
    const problem = JSON.parse(read('jobs-windows.json'));
    expect(code).toBe(0);
    expect(summary).toMatchObject({ problem: 'jobs-windows', unassigned: 0, feasible: true });
    expect(solution!.unassigned).toEqual([]);
    expect(tasks(solution!).map((s) => s.id).sort()).toEqual([101, 102, 103, 104, 105, 106]);
    for (const route of solution!.routes) {
      const vehicle = problem.vehicles.find((v: { id: number }) => v.id === route.vehicle);
      expect(vehicle).toBeDefined();
      const types = route.steps.map((s) => s.type);
      expect(types[0]).toBe('start');
      expect(types[types.length - 1]).toBe('end');
      expect(types.slice(1, -1).every((t) => t === 'job')).toBe(true);
      // Re-check in VROOM's own terms: service start in a window, load within capacity, inside the working hours.
      for (const step of route.steps as VroomStep[]) {
        if (step.type === 'job') {
          const job = problem.jobs.find((j: { id: number }) => j.id === step.id);
          expect(inWindows(step.arrival + (step.waiting_time ?? 0), job.time_windows)).toBe(true);
        }
        expect(step.load![0]).toBeLessThanOrEqual(vehicle.capacity[0]);
      }
      expect(route.steps[0].arrival).toBeGreaterThanOrEqual(vehicle.time_window[0]);
      expect(route.steps[route.steps.length - 1].arrival).toBeLessThanOrEqual(vehicle.time_window[1]);
    }
  });

  it('lists a job no vehicle has the skill for as unassigned, and never splits or reverses a shipment', async () => {
    const { code, summary, solution } = await solve('unservable.json');
    expect(code).toBe(0);
    expect(summary!.feasible).toBe(true);
    expect(solution!.unassigned).toContainEqual(expect.objectContaining({ id: 12, type: 'job', description: 'Needs an electrician' }));
    expect(tasks(solution!).filter((s) => s.type === 'job').map((s) => s.id).sort()).toEqual([11, 13]);
    // The shipment is planned as a pair: pickup 21 before delivery 22, on one route.
    const route = solution!.routes.find((r) => r.steps.some((s) => s.type === 'pickup' || s.type === 'delivery'))!;
    const order = route.steps.map((s) => `${s.type}:${s.id}`).filter((s) => /^(pickup|delivery)/.test(s));
    expect(order).toEqual(['pickup:21', 'delivery:22']);
  });

  it('rejects a file missing a required field with exit code 2 and the field named (child process)', async () => {
    const run = promisify(execFile);
    const result = await run(process.execPath, ['--import', 'tsx', CLI, fixture('bad-field.json'), '--time-limit', '1'])
      .then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: jobs[1] (job 12).location: is required');
  });

  it('places every used vehicle\'s break inside its window, where the vehicle stands, and the plan passes the check', async () => {
    const data = JSON.parse(read('jobs-windows.json'));
    for (const [i, vehicle] of data.vehicles.entries()) vehicle.breaks = [{ id: 40 + i, service: 1800, time_windows: [[43200, 46800]] }];
    const out = await vroomCli(JSON.stringify(data), 'breaks.json', { timeLimitS: 0.5, seed: 1 });
    expect(out.code).toBe(0);
    const solution = JSON.parse(out.stdout) as VroomSolution;
    expect(solution.unassigned).toEqual([]);
    expect(solution.routes.length).toBeGreaterThan(0);
    for (const route of solution.routes) {
      const i = data.vehicles.findIndex((v: { id: number }) => v.id === route.vehicle);
      const breaks = route.steps.filter((s) => s.type === 'break');
      expect(breaks.map((s) => s.id)).toEqual([40 + i]);
      const at = route.steps.indexOf(breaks[0]);
      const start = breaks[0].arrival + (breaks[0].waiting_time ?? 0);
      expect(start).toBeGreaterThanOrEqual(43200);
      expect(start).toBeLessThanOrEqual(46800);
      // Taken where the vehicle stands: no distance driven to it, the next step starts after its 30 minutes.
      expect(breaks[0].distance).toBe(route.steps[at - 1].distance);
      expect(breaks[0].arrival).toBe(route.steps[at - 1].arrival + (route.steps[at - 1].waiting_time ?? 0) + (route.steps[at - 1].service ?? 0));
      expect(route.steps[at + 1].arrival).toBeGreaterThanOrEqual(start + 1800);
    }
  });

  it('names the line and column of a JSON syntax error, exit code 2', async () => {
    const out = await solve('bad-syntax.json');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.join('\n')).toMatch(/^error: bad-syntax\.json: not valid JSON: .*line 6, column 43/);
  });

  it('prints unsupported keys as warnings and still solves', async () => {
    const data = JSON.parse(read('jobs-windows.json'));
    data.jobs[0].setup = 60;
    data.vehicles[0].steps = [];
    const out = await vroomCli(JSON.stringify(data), 'warned.json', { timeLimitS: 0.5, seed: 1 });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain("warning: vehicles[0] (vehicle 7).steps: key 'steps' is not supported by the planner and was ignored");
    expect(out.stderr.some((l) => l.startsWith('warning: jobs[0] (job 101).setup:'))).toBe(true);
  });
});

describe('VROOM matrices', () => {
  const imported = importVroomProblem(JSON.parse(read('matrix.json')));
  if (!imported.ok) throw new Error('matrix.json does not import');
  const buffers = encode(imported.scenario, { timeLimitS: 1, seed: 1 }).buffers;

  it('imports matrices.car into the scenario and the places’ location_index', () => {
    expect(imported.scenario.travelMatrices?.car.durationsS[0][1]).toBe(1200);
    expect(imported.scenario.orders.map((o) => o.matrixIndex)).toEqual([1, 2, 3]);
    expect(imported.scenario.depots[0].matrixIndex).toBe(0);
  });

  it('sends the matrix to the solver: durations and distances of the places, not straight lines', () => {
    const durations: number[][] = JSON.parse(read('matrix.json')).matrices.car.durations;
    const n = buffers.nodeCount;
    expect(buffers.durationS).toBeDefined();
    expect(buffers.durationS![0 * n + 1]).toBe(durations[0][1]);
    expect(buffers.distanceM).toBeDefined();
  });

  it('times every step with the matrix, not the straight line', async () => {
    const { code, solution } = await solve('matrix.json');
    const durations: number[][] = JSON.parse(read('matrix.json')).matrices.car.durations;
    expect(code).toBe(0);
    const steps = solution!.routes[0].steps;
    const index = (s: VroomStep) => (s.type === 'job' ? s.id! - 30 : 0);
    for (let k = 1; k < steps.length; k++) {
      const before = steps[k - 1];
      const departure = before.arrival + (before.waiting_time ?? 0) + (before.service ?? 0);
      expect(steps[k].arrival).toBe(departure + durations[index(before)][index(steps[k])]);
    }
  });
});
