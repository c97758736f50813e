import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseInstance, parseLiLim, parseSolomon, parseVrplib } from '../../bench/instance';
import { checkInstancePlan, formatSol } from '../../bench/check-instance';
import { instanceToProblem } from '../../bench/instance-problem';
import { runInstance } from '../../bench/run-solver';
import { SCALE } from '../../bench/instance';
import { NODE_PICKUP } from '../../../workers/protocol';

const BENCH = new URL('../../../../shared/benchmarks/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, BENCH), 'utf8');
/** Reads a VRPLIB .sol into node-index routes (labels are node index for these sets). */
const solRoutes = (text: string) => text.split(/\r?\n/).filter((l) => l.startsWith('Route')).map((l) => l.split(':')[1].trim().split(/\s+/).map(Number));

describe('benchmark parsers', () => {
  it('reads Solomon text and VRPLIB versions of C101 as the same instance', () => {
    const txt = parseSolomon(read('solomon/txt/C101.txt'), 'C101.txt');
    const vrp = parseVrplib(read('solomon/vrplib/C101.vrp'), 'C101.vrp');
    expect(txt.x.length).toBe(101);
    expect([txt.capacity, txt.vehicles, txt.due[0], txt.service[1]]).toEqual([200, 25, 1236, 90]);
    for (const key of ['x', 'y', 'demand', 'ready', 'due', 'service', 'label'] as const) expect(vrp[key]).toEqual(txt[key]);
  });

  it('reads service times per node (SERVICE_TIME_SECTION) as the header would give them', () => {
    const header = read('solomon/vrplib/C101.vrp');
    const ids = [...new Set([...header.matchAll(/^(\d+) \d+ \d+$/gm)].map((m) => Number(m[1])))];
    const perNode = header.replace(/^SERVICE_TIME : 90\r?\n/m, '').replace(/^EOF\s*$/m, '') + `SERVICE_TIME_SECTION\n${ids.map((id) => `${id} ${id === 1 ? 0 : 90}`).join('\n')}\nEOF\n`;
    expect(perNode).not.toMatch(/^SERVICE_TIME :/m);
    expect(parseVrplib(perNode, 'C101.vrp').service).toEqual(parseVrplib(header, 'C101.vrp').service);
    const varied = perNode.replace(/^2 90$/m, '2 15');
    expect(parseVrplib(varied, 'C101.vrp').service.slice(0, 3)).toEqual([0, 15, 90]);
  });

  it('refuses a route length limit (DISTANCE) it would not model', () => {
    const limited = read('cvrplib-x/X-n106-k14.vrp').replace(/^CAPACITY/m, 'DISTANCE : 200\nCAPACITY');
    expect(() => parseVrplib(limited, 'X.vrp')).toThrow(/DISTANCE 200 \(a route length limit\) is not supported/);
  });

  it('reads an X instance as CVRP with labels = VRPLIB id − 1', () => {
    const inst = parseInstance(read('cvrplib-x/X-n106-k14.vrp'), 'X-n106-k14.vrp');
    expect(inst.kind).toBe('cvrp');
    expect(inst.x.length).toBe(106);
    expect(inst.label.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('names the line of a malformed row', () => {
    const bad = read('solomon/txt/C101.txt').replace(/\n(\s*)2(\s+)/, '\n$12$2x ');
    expect(() => parseSolomon(bad, 'bad.txt')).toThrow(/bad\.txt:\d+: .*expected a number/);
    expect(() => parseVrplib('NAME : t\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : GEO\n', 't.vrp')).toThrow(/GEO is not supported/);
  });
});

describe('independent instance checker', () => {
  it('re-evaluates the published trunc1 BKS of C101 and R101 to the published figures', () => {
    for (const [name, bks] of [['C101', 827.3], ['R101', 1637.7]] as const) {
      const inst = parseSolomon(read(`solomon/txt/${name}.txt`), name);
      const check = checkInstancePlan(inst, solRoutes(read(`solomon/vrplib/${name}.sol`)), 'trunc1');
      expect(check.violations).toEqual([]);
      expect(check.distance).toBeCloseTo(bks, 6);
    }
  });

  it('re-evaluates an X BKS under nint', () => {
    const inst = parseInstance(read('cvrplib-x/X-n106-k14.vrp'), 'X-n106-k14.vrp');
    const check = checkInstancePlan(inst, solRoutes(read('cvrplib-x/X-n106-k14.sol')), 'nint');
    expect(check.ok).toBe(true);
    expect(check.distance).toBe(26362);
  });

  it('rejects missing, repeated, late and overloaded plans', () => {
    const inst = parseSolomon(read('solomon/txt/C101.txt'), 'C101');
    const routes = solRoutes(read('solomon/vrplib/C101.sol'));
    const dropped = routes.map((r, i) => (i === 0 ? r.slice(1) : r));
    expect(checkInstancePlan(inst, dropped, 'trunc1').violations).toEqual([`customer ${routes[0][0]} is not served`]);
    const repeated = routes.map((r, i) => (i === 1 ? [...r, routes[0][0]] : r));
    expect(checkInstancePlan(inst, repeated, 'trunc1').violations.some((v) => v.includes('served 2 times'))).toBe(true);
    const reversed = routes.map((r, i) => (i === 0 ? [...r].reverse() : r));
    expect(checkInstancePlan(inst, reversed, 'trunc1').violations.some((v) => v.includes('after its due time'))).toBe(true);
    const merged = [[...routes[0], ...routes[1]], ...routes.slice(2)];
    expect(checkInstancePlan(inst, merged, 'trunc1').violations.some((v) => v.includes('exceeds capacity'))).toBe(true);
  });

  it('writes .sol text with the instance labels and the convention’s decimals', () => {
    const inst = parseSolomon(read('solomon/txt/C101.txt'), 'C101');
    expect(formatSol(inst, [[1, 2], [3]], 12.34, 'trunc1')).toBe('Route #1: 1 2\nRoute #2: 3\nCost 12.3\n');
  });
});

describe('Li & Lim pickup-and-delivery', () => {
  const hierarchical = (text: string) => text.split(/\r?\n/).filter((l) => /^Route \d+\s*:/.test(l)).map((l) => l.split(':')[1].trim().split(/\s+/).map(Number));

  it('parses pairs and re-evaluates the hierarchical BKS of lc101 exactly', () => {
    const inst = parseInstance(read('lilim/txt/lc101.txt'), 'lc101.txt');
    expect(inst.kind).toBe('pdptw');
    expect(inst.x.length).toBe(107);
    expect(inst.pickupOf![1]).toBe(11);
    const check = checkInstancePlan(inst, hierarchical(read('lilim/sol-hierarchical/lc101.txt')), 'exact');
    expect(check.violations).toEqual([]);
    expect(check.routes).toBe(10);
    expect(check.distance).toBeCloseTo(828.9369, 3);
  });

  it('rejects a delivery before its pickup and a pair split over two routes', () => {
    const inst = parseLiLim(read('lilim/txt/lc101.txt'), 'lc101.txt');
    const routes = hierarchical(read('lilim/sol-hierarchical/lc101.txt'));
    const reversed = routes.map((r, i) => (i === 3 ? [...r].reverse() : r));
    expect(checkInstancePlan(inst, reversed, 'exact').violations.some((v) => v.includes('comes before its pickup'))).toBe(true);
    const delivery = routes[3].find((node) => inst.pickupOf![node] >= 0)!;
    const split = routes.map((r, i) => (i === 3 ? r.filter((node) => node !== delivery) : i === 4 ? [...r, delivery] : r));
    expect(checkInstancePlan(inst, split, 'exact').violations.some((v) => v.includes('is not on the route of its pickup'))).toBe(true);
  });

  it('encodes each request as a solver pair: pickup flagged, the amount on the delivery, fleet-first costs', () => {
    const inst = parseLiLim(read('lilim/txt/lc101.txt'), 'lc101.txt');
    const p = instanceToProblem(inst, 'exact', 1);
    expect(p.pair![1]).toBe(11);
    expect(p.pair![11]).toBe(1);
    expect(p.nodeFlags![11] & NODE_PICKUP).toBe(NODE_PICKUP);
    expect(p.nodeFlags![1] & NODE_PICKUP).toBe(0);
    expect(p.demand[1]).toBe(10);
    expect(p.demand[11]).toBe(0);
    // One vehicle more must cost more than any distance saving, and an unserved request more than a vehicle.
    expect(p.vehicleFixedCost[0]).toBeGreaterThan(1000 * 200 * SCALE.exact);
    expect(p.unassignedPenalty[1]).toBeGreaterThan(p.vehicleFixedCost[0] * inst.vehicles);
  });

  it('solves lc101 briefly into a plan the independent checker accepts', async () => {
    const inst = parseLiLim(read('lilim/txt/lc101.txt'), 'lc101.txt');
    const result = await runInstance(inst, { rounding: 'exact', seed: 1, timeLimitS: 1 });
    expect(result.unassigned).toBe(0);
    expect(result.check.violations).toEqual([]);
    expect(result.check.routes).toBeLessThanOrEqual(inst.vehicles);
  });

  it('names the line of a pair that does not match', () => {
    const text = read('lilim/txt/lc101.txt').replace(/\n1\t45\t68\t-10\t912\t967\t90\t11\t0/, '\n1\t45\t68\t-10\t912\t967\t90\t12\t0');
    expect(() => parseLiLim(text, 'lc101.txt')).toThrow(/lc101\.txt:\d+: delivery 1 names pickup 12/);
  });
});
