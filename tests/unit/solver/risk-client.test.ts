// The main-thread side of the risk worker (issue #15): what crosses to the worker is the request's JSON
// text, written partly in slices, and it must be the very text of the request (the scenario without its
// plan, the plan's routes once, the options), so the worker estimates the plan it was asked about. A large
// request crosses in pieces, one group per task, and the worker's boundary (solver-wire.ts) joins them.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { PlanRisk } from '../../../web/src/domain/risk/risk-types';
import type { Solution } from '../../../web/src/domain/solution';
import { PIECE_CHARS } from '../../../web/src/io/text-pieces';
import { makeRiskClient, riskRoutesPieces } from '../../../web/src/solver/risk-client';
import { namedError, SCENARIO_GONE, type SolverApi } from '../../../workers/protocol';
import { wireSolverApi } from '../../../workers/solver-wire';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

/** A stand-in for the risk worker: the worker's own boundary around a solver API that records each request it gets. */
function fakeWorker(requests: unknown[], posted: unknown[] = [], risk: PlanRisk = { stops: [], routes: [], expectedLateStops: 0, samples: 1, seed: 1 }): Worker {
  const { port1, port2 } = new MessageChannel();
  const api = {
    computeRisk: async (request: unknown) => { requests.push(request); return risk; },
    computeRiskReport: async (request: unknown) => { requests.push(request); return { risk, weakest: [] }; },
  } as unknown as SolverApi;
  Comlink.expose(wireSolverApi(api), port2);
  const worker = {
    postMessage: (message: unknown, transfer: Transferable[] = []) => { posted.push(message); port1.postMessage(message, transfer); },
    addEventListener: (type: string, listener: EventListener) => { if (type === 'message') { port1.addEventListener('message', listener); port1.start(); } },
    removeEventListener: (type: string, listener: EventListener) => { if (type === 'message') port1.removeEventListener('message', listener); },
    terminate: () => port1.close(),
  };
  return worker as unknown as Worker;
}

/** What the risk model reads of routes, as the client sends them: vehicle, first step's departure, steps' kinds and ids. */
const readOf = (routes: Solution['routes']) => routes.map((r) => ({
  vehicleId: r.vehicleId,
  steps: r.steps.map((s, i) => (i === 0 ? { type: s.type, id: s.id, departureS: s.departureS } : { type: s.type, id: s.id })),
}));

/** The method a Comlink message calls. */
const called = (message: unknown) => ((message as { path?: string[] }).path ?? []).join('.');

describe('risk client', () => {
  it('posts the request as the JSON text of { its scenario text\'s length, scenario without its plan, the plan\'s routes, options }', async () => {
    const requests: unknown[] = [];
    const client = makeRiskClient(() => fakeWorker(requests));
    const solution = makeMiniSolution();
    const scenario = { ...makeMiniScenario(), plan: { solvedRevision: 0, solution } };
    const options = { samples: 50, seed: 3 };
    await client.computeRisk(scenario, solution, options);
    await client.computeRiskReport(scenario, solution, options);
    // Led by its scenario text's length and an id (the worker keeps the last scenario by them: workers/risk-api.ts).
    // The second request's scenario text (written again, the same text) names the first's by its id.
    const expected = JSON.stringify({ scenarioChars: JSON.stringify({ ...scenario, plan: null }).length, scenarioId: 1, scenario: { ...scenario, plan: null }, plan: { routes: readOf(solution.routes) }, options });
    expect(requests).toEqual([expected, `{"scenarioRef":1,${JSON.stringify({ plan: { routes: readOf(solution.routes) }, options }).slice(1)}`]);
    client.dispose();
  });

  it('gives back the worker\'s figures as the estimate made them (they cross as columns)', async () => {
    const risk: PlanRisk = {
      stops: [
        { orderId: 'o1', vehicleId: 'v1', pOnTime: 0.95, startP10S: 30_000, startP50S: 30_300.5, startP90S: 31_000.25 },
        { orderId: 's1', side: 'pickup', vehicleId: 'v2', pOnTime: 1 / 3, startP10S: 32_000, startP50S: 32_100, startP90S: 32_200 },
        { orderId: 's1', side: 'delivery', vehicleId: 'v2', pOnTime: 0.5, startP10S: 33_000, startP50S: 33_100, startP90S: 33_200 },
      ],
      routes: [{ vehicleId: 'v1', pAllOnTime: 0.95, pShiftOk: 1 }, { vehicleId: 'v2', pAllOnTime: 0.25, pShiftOk: 0.75 }],
      expectedLateStops: 1.2166666666666668,
      samples: 300,
      seed: 2,
    };
    const posted: unknown[] = [];
    const client = makeRiskClient(() => fakeWorker([], posted, risk));
    const solution = makeMiniSolution();
    const scenario = { ...makeMiniScenario(), plan: { solvedRevision: 0, solution } };
    expect(await client.computeRisk(scenario, solution, { samples: 300, seed: 2 })).toEqual(risk);
    const report = await client.computeRiskReport(scenario, solution, { samples: 300, seed: 2 });
    expect(report).toEqual({ risk, weakest: [] });
    expect('side' in report.risk.stops[0]).toBe(false);
    client.dispose();
  });

  it('names the scenario it sent this worker last by its id instead of sending its text again; a new worker gets it whole', async () => {
    const requests: unknown[] = [];
    let workers = 0;
    const client = makeRiskClient(() => { workers++; return fakeWorker(requests); });
    const solution = makeMiniSolution();
    const scenario = { ...makeMiniScenario(), plan: { solvedRevision: 0, solution } };
    const text = JSON.stringify({ ...scenario, plan: null });
    const options = { samples: 50, seed: 3 };
    await client.computeRiskReport(scenario, solution, options, text);
    await client.computeRiskReport(scenario, solution, options, text);
    // The same text in another string object is the same scenario.
    await client.computeRiskReport(scenario, solution, options, JSON.stringify({ ...scenario, plan: null }));
    const rest = JSON.stringify({ plan: { routes: readOf(solution.routes) }, options }).slice(1);
    const whole = (id: number) => `{"scenarioChars":${text.length},"scenarioId":${id},"scenario":${text},${rest}`;
    expect(requests).toEqual([whole(1), `{"scenarioRef":1,${rest}`, `{"scenarioRef":1,${rest}`]);
    // Another scenario text: whole, under a new id.
    const renamed = JSON.stringify({ ...scenario, name: 'Renamed', plan: null });
    await client.computeRiskReport(scenario, solution, options, renamed);
    expect(requests[3]).toBe(`{"scenarioChars":${renamed.length},"scenarioId":2,"scenario":${renamed},${rest}`);
    // A new worker (the last one gone) holds nothing: the text goes whole.
    client.dispose();
    await client.computeRiskReport(scenario, solution, options, renamed);
    expect(workers).toBe(2);
    expect(requests[4]).toBe(`{"scenarioChars":${renamed.length},"scenarioId":3,"scenario":${renamed},${rest}`);
    client.dispose();
  });

  it('sends the scenario whole once more when the worker says it no longer holds it', async () => {
    const requests: unknown[] = [];
    const { port1, port2 } = new MessageChannel();
    const risk = { stops: [], routes: [], expectedLateStops: 0, samples: 1, seed: 1 };
    let refused = 0;
    const api = {
      computeRiskReport: async (request: unknown) => {
        requests.push(request);
        if (String(request).startsWith('{"scenarioRef"') && refused++ === 0) throw namedError(SCENARIO_GONE, 'the risk worker no longer holds scenario 1');
        return { risk, weakest: [] };
      },
    } as unknown as SolverApi;
    Comlink.expose(wireSolverApi(api), port2);
    const client = makeRiskClient(() => port1 as unknown as Worker);
    const solution = makeMiniSolution();
    const scenario = { ...makeMiniScenario(), plan: { solvedRevision: 0, solution } };
    const text = JSON.stringify({ ...scenario, plan: null });
    const options = { samples: 50, seed: 3 };
    await client.computeRiskReport(scenario, solution, options, text);
    expect(await client.computeRiskReport(scenario, solution, options, text)).toEqual({ risk, weakest: [] });
    const rest = JSON.stringify({ plan: { routes: readOf(solution.routes) }, options }).slice(1);
    expect(requests).toEqual([
      `{"scenarioChars":${text.length},"scenarioId":1,"scenario":${text},${rest}`,
      `{"scenarioRef":1,${rest}`,
      `{"scenarioChars":${text.length},"scenarioId":2,"scenario":${text},${rest}`,
    ]);
    // Held again under its new id.
    await client.computeRiskReport(scenario, solution, options, text);
    expect(requests[3]).toBe(`{"scenarioRef":2,${rest}`);
    port1.close();
  });

  it('writes a plan\'s routes as only what the risk model reads, in pieces that join to one JSON array', async () => {
    const route = makeMiniSolution().routes[0];
    const routes = Array.from({ length: 150 }, (_, i) => ({ ...route, vehicleId: `v${i}`, steps: route.steps.slice(0, 2 + (i % 3)) }));
    const pieces = await riskRoutesPieces(routes);
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toEqual(readOf(routes));
    expect((await riskRoutesPieces([])).join('')).toBe('[]');
  });

  it('sends a large request in pieces, at most PIECE_CHARS characters per message, and the worker estimates the joined text', async () => {
    const requests: unknown[] = [];
    const posted: unknown[] = [];
    const client = makeRiskClient(() => fakeWorker(requests, posted));
    const solution = makeMiniSolution();
    // Over two pieces' worth of scenario text, with characters outside Latin-1 across the cuts.
    const scenario = { ...makeMiniScenario({ name: 'Lyon – Vénissieux ✓ '.repeat(Math.ceil((2.5 * PIECE_CHARS) / 20)) }), plan: { solvedRevision: 0, solution } };
    const options = { samples: 50, seed: 3 };
    await client.computeRiskReport(scenario, solution, options);
    // Led by its scenario text's length and an id (the worker keeps the last scenario by them: workers/risk-api.ts).
    const expected = JSON.stringify({ scenarioChars: JSON.stringify({ ...scenario, plan: null }).length, scenarioId: 1, scenario: { ...scenario, plan: null }, plan: { routes: readOf(solution.routes) }, options });
    expect(requests).toEqual([expected]);
    const pieces = posted.filter((m) => called(m) === 'textPart');
    expect(pieces.length).toBe(Math.ceil(expected.length / PIECE_CHARS));
    for (const piece of pieces) {
      const parts = ((piece as { argumentList: { value: unknown }[] }).argumentList[1].value) as string[];
      expect(parts.reduce((n, part) => n + part.length, 0)).toBeLessThanOrEqual(PIECE_CHARS);
    }
    // The call itself names the pieces instead of carrying the text.
    const call = posted.find((m) => called(m) === 'computeRiskReport') as { argumentList: { value: unknown }[] };
    expect(call.argumentList[0].value).toEqual({ textKey: expect.any(Number) });
    client.dispose();
  });
});
