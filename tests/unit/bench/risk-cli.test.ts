// `npm run risk` as a child process (release wasm): the file has exactly the
// issue's shape and the WASM figures of the JS reference for the same seed and
// overrides; bad input exits 2 with a message naming the file or the flag.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { buildRiskModel } from '../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../web/src/domain/risk/reference';
import { resolveVariability, type Variability } from '../../../web/src/domain/variability';
import { validateScenario } from '../../../web/src/domain/validate';
import { serializeScenarioFile } from '../../../web/src/io/scenario-file';
import { nodeRepairSolve } from '../../bench/repair-solve';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'tests/bench/risk-cli.ts');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const hhmm = (s: number) => {
  const m = Math.round(s / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('npm run risk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'risk-'));
  const planned = join(dir, 'demo.fmp.json');
  let scenario: Scenario;

  beforeAll(async () => {
    const read = validateScenario(JSON.parse(readFileSync(join(root, 'public/demo-scenario.json'), 'utf8')));
    if (!read.ok) throw new Error('demo invalid');
    const solution = await nodeRepairSolve('release')(read.scenario, { timeLimitS: 10, seed: 1, maxMoves: 50_000 });
    scenario = { ...read.scenario, plan: { solvedRevision: read.scenario.revision, solution: { ...solution, check: { ok: true, violations: [], cost: 0, distanceM: 0, durationS: 0, routes: [] } } } };
    writeFileSync(planned, serializeScenarioFile(scenario));
  });

  it('writes the issue\'s shape with the reference\'s figures for the same seed and overrides, and prints one line', async () => {
    const out = join(dir, 'risk.json');
    const { code, stdout, stderr } = await run([planned, '--samples', '3000', '--seed', '9', '--travel-cv', '0.4', '--service-cv', '0.5', '--not-home', '0.1', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/^risk: \d+ stops on \d+ routes, 3000 samples \(seed 9\)/);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(file)).toEqual(['stops', 'routes', 'expectedLateStops']);
    const base = resolveVariability(scenario.settings);
    const every = (x: number) => Object.fromEntries(Object.keys(base.serviceCv).map((k) => [k, x]));
    const variability = { ...base, travelCv: 0.4, serviceCv: every(0.5), notHome: every(0.1) } as Variability;
    const ref = referenceRisk(buildRiskModel(scenario, scenario.plan!.solution, variability), { samples: 3000, seed: 9 });
    expect(file.stops).toEqual(ref.stops.map((s) => ({ order: s.orderId, vehicle: s.vehicleId, pOnTime: s.pOnTime, startP50: hhmm(s.startP50S), startP90: hhmm(s.startP90S) })));
    expect(file.routes).toEqual(ref.routes.map((r) => ({ vehicle: r.vehicleId, pAllOnTime: r.pAllOnTime, pShiftOk: r.pShiftOk })));
    expect(file.expectedLateStops).toBeCloseTo(ref.expectedLateStops, 3);
    expect(ref.expectedLateStops).toBeGreaterThan(0);
  });

  it('exits 2 naming the problem: no plan, a bad flag, a missing file', async () => {
    const noPlan = await run([join(root, 'public/demo-scenario.json'), '--out', join(dir, 'x.json')]);
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('scenario.plan: there is no plan');
    const badFlag = await run([planned, '--not-home', '1.5', '--out', join(dir, 'x.json')]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("--not-home must be a probability from 0 to 1, got '1.5'");
    const missing = await run([join(dir, 'nope.json'), '--out', join(dir, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot be read');
    const noOut = await run([planned]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('usage: npm run risk');
  });
});
