// The main-thread side of the risk worker (issue #15): what crosses to the worker is the request's JSON
// text, written partly in slices, and it must be the very text of the request (the scenario without its
// plan, the plan's routes once, the options), so the worker estimates the plan it was asked about.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { PlanRisk } from '../../../web/src/domain/risk/risk-types';
import { makeRiskClient } from '../../../web/src/solver/risk-client';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

/** A stand-in for the risk worker: records each request it receives. */
function fakeWorker(requests: unknown[]): Worker {
  const { port1, port2 } = new MessageChannel();
  const risk = { stops: [] } as unknown as PlanRisk;
  Comlink.expose({
    computeRisk: (request: unknown) => { requests.push(request); return risk; },
    computeRiskReport: (request: unknown) => { requests.push(request); return { risk, weakest: [] }; },
  }, port2);
  const worker = {
    postMessage: (message: unknown, transfer: Transferable[] = []) => port1.postMessage(message, transfer),
    addEventListener: (type: string, listener: EventListener) => { if (type === 'message') { port1.addEventListener('message', listener); port1.start(); } },
    removeEventListener: (type: string, listener: EventListener) => { if (type === 'message') port1.removeEventListener('message', listener); },
    terminate: () => port1.close(),
  };
  return worker as unknown as Worker;
}

describe('risk client', () => {
  it('posts the request as the JSON text of { scenario without its plan, the plan\'s routes, options }', async () => {
    const requests: unknown[] = [];
    const client = makeRiskClient(() => fakeWorker(requests));
    const solution = makeMiniSolution();
    const scenario = { ...makeMiniScenario(), plan: { solvedRevision: 0, solution } };
    const options = { samples: 50, seed: 3 };
    await client.computeRisk(scenario, solution, options);
    await client.computeRiskReport(scenario, solution, options);
    const expected = JSON.stringify({ scenario: { ...scenario, plan: null }, plan: { routes: solution.routes }, options });
    expect(requests).toEqual([expected, expected]);
    client.dispose();
  });
});
