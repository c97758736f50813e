// The main-thread side of the risk worker (issue #15): what crosses to the worker is the request's JSON
// text, written partly in slices, and it must be the very text of the request (the scenario without its
// plan, the plan's routes once, the options), so the worker estimates the plan it was asked about. A large
// request crosses in pieces, one group per task, and the worker's boundary (solver-wire.ts) joins them.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { PlanRisk } from '../../../web/src/domain/risk/risk-types';
import { PIECE_CHARS } from '../../../web/src/io/text-pieces';
import { makeRiskClient } from '../../../web/src/solver/risk-client';
import type { SolverApi } from '../../../workers/protocol';
import { wireSolverApi } from '../../../workers/solver-wire';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

/** A stand-in for the risk worker: the worker's own boundary around a solver API that records each request it gets. */
function fakeWorker(requests: unknown[], posted: unknown[] = []): Worker {
  const { port1, port2 } = new MessageChannel();
  const risk = { stops: [] } as unknown as PlanRisk;
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
    // Led by its scenario text's length (the worker keeps the last scenario by that text: workers/risk-api.ts).
    const expected = JSON.stringify({ scenarioChars: JSON.stringify({ ...scenario, plan: null }).length, scenario: { ...scenario, plan: null }, plan: { routes: solution.routes }, options });
    expect(requests).toEqual([expected, expected]);
    client.dispose();
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
    // Led by its scenario text's length (the worker keeps the last scenario by that text: workers/risk-api.ts).
    const expected = JSON.stringify({ scenarioChars: JSON.stringify({ ...scenario, plan: null }).length, scenario: { ...scenario, plan: null }, plan: { routes: solution.routes }, options });
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
