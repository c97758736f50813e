// The risk store (issue #14): a current plan's risk is estimated through the
// injected estimator (the worker in the app) and kept with its weakest promises;
// a stale or removed plan clears it; a late answer for an older plan is dropped;
// a failure is a sentence, not a broken state.
import { createComputed, createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRiskModel } from '../../../web/src/domain/risk/model';
import { referenceRisk } from '../../../web/src/domain/risk/reference';
import type { PlanRisk, RiskOptions } from '../../../web/src/domain/risk/risk-types';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Solution } from '../../../web/src/domain/solution';
import type { RiskReport, WeakPromise } from '../../../web/src/domain/risk/weakest';
import { resolveVariability } from '../../../web/src/domain/variability';
import { createRiskStore, reportOnMainThread, riskLevel, type RiskStore } from '../../../web/src/store/risk';
import type { ComputeRiskReport } from '../../../web/src/solver/risk-client';
import { makeBestSoFar } from '../../../web/src/store/provisional';
import { rawOf } from '../../../web/src/store/raw';
import { createScenarioStore, SLICED_TEXT_ORDERS, type ScenarioStore } from '../../../web/src/store/scenario';
import { scenarioText } from '../../../web/src/store/plan-value';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

interface Call {
  scenario: Scenario;
  plan: Pick<Solution, 'routes'>;
  options: RiskOptions;
  resolve(risk: PlanRisk): void;
  reject(error: Error): void;
}

let disposeRoot: () => void = () => {};
afterEach(() => disposeRoot());

function setup(withPlan = true): { calls: Call[]; scenario: ScenarioStore; risk: RiskStore } {
  return createRoot((dispose) => {
    disposeRoot = dispose;
    const calls: Call[] = [];
    const base = makeMiniScenario();
    const scenario = createScenarioStore(withPlan ? { ...base, plan: makeMiniPlan(base) } : base);
    const compute = (s: Scenario, plan: Pick<Solution, 'routes'>, options: RiskOptions) =>
      new Promise<PlanRisk>((resolve, reject) => { calls.push({ scenario: s, plan, options, resolve, reject }); });
    // The fake answers bare figures; the app's worker answers them ranked (tests/unit/workers/risk-api.test.ts).
    return { calls, scenario, risk: createRiskStore(scenario, reportOnMainThread(compute)) };
  });
}

/**
 * What the fake worker answers: the plain-JS reference's figures of the same model, with two promises
 * made weak on purpose (the mini plan keeps every promise), so the store's ranking and levels show.
 */
function figuresOf(call: Call, samples = 300): PlanRisk {
  const model = buildRiskModel(call.scenario, call.plan, resolveVariability(call.scenario.settings));
  const figures = referenceRisk(model, { samples, seed: 1 });
  const weak: Record<string, number> = { o2: 0.45, o3: 0.7 };
  const stops = figures.stops.map((s) => ({ ...s, pOnTime: weak[s.orderId] ?? s.pOnTime }));
  return { ...figures, stops, expectedLateStops: stops.reduce((sum, s) => sum + 1 - s.pOnTime, 0) };
}

/**
 * A later task, after which a task the store queued before it has run too: two timers, so the event loop polls in
 * between (an estimate lands through a MessageChannel task, which Node may run after a timer queued later).
 */
const tick = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/** A risk store over the mini scenario (with `extra` more orders) and its plan, recording the text each estimate is sent. */
function textsSent(extra: number): { scenario: ScenarioStore; texts: (string | undefined)[]; sent: (string | readonly string[] | undefined)[] } {
  return createRoot((dispose) => {
    disposeRoot = dispose;
    const base = makeMiniScenario();
    const more = Array.from({ length: extra }, (_, i) => ({ ...structuredClone(base.orders[3]), id: `x${i}` }));
    const scenario = createScenarioStore({ ...base, orders: [...base.orders, ...more], plan: makeMiniPlan(base) });
    // Each text as the estimator was given it (`sent`), and whole (`texts`).
    const texts: (string | undefined)[] = [];
    const sent: (string | readonly string[] | undefined)[] = [];
    const compute: ComputeRiskReport = (_s, _plan, _options, text) => {
      sent.push(text);
      texts.push(text === undefined || typeof text === 'string' ? text : text.join(''));
      return new Promise(() => {});
    };
    createRiskStore(scenario, compute);
    return { scenario, texts, sent };
  });
}

describe('risk store', () => {
  it('sends the scenario as the store last wrote its text (the Optimize click\'s, when only the plan changed since)', async () => {
    const root = textsSent(0);
    const [state, actions] = root.scenario;
    const clicked = actions.snapshotWithText()!.text;
    expect(JSON.parse(clicked)).toEqual({ ...JSON.parse(JSON.stringify(state.scenario)), plan: null });
    // Changed behind the store's back (no edit counted): a text written again would show it, the click's does not.
    rawOf(state.scenario!).name = 'Not written again';
    await tick();
    expect(root.texts).toEqual([clicked]);
    actions.setPlan(makeMiniPlan(JSON.parse(clicked)));
    await tick();
    expect(root.texts[1]).toBe(clicked);
    // After an edit of the data: the scenario as it is now.
    actions.rename('Renamed');
    actions.setPlan(makeMiniPlan(JSON.parse(clicked)));
    await tick();
    expect(root.texts[2]).not.toBe(clicked);
    expect(JSON.parse(root.texts[2]!).name).toBe('Renamed');
  });

  it('sends a large scenario whose text is not written yet (a plan reopened) as its text written in slices', async () => {
    const root = textsSent(SLICED_TEXT_ORDERS);
    const [state, actions] = root.scenario;
    expect(actions.textWithoutPlanSoon()).toBeInstanceOf(Promise);
    while (root.texts.length === 0) await tick();
    expect(root.texts).toEqual([scenarioText(state.scenario!)]);
    expect(JSON.parse(root.texts[0]!).orders).toHaveLength(SLICED_TEXT_ORDERS + 4);
    // Its pieces as written, never joined on the page (a 20-45 ms task at 10,000 orders), and the same pieces again
    // for the next estimate of the same data.
    expect(Array.isArray(root.sent[0]) && root.sent[0].length).toBeGreaterThan(1);
    actions.setPlan(makeMiniPlan(makeMiniScenario()));
    expect(state.planStatus).toBe('valid');
    while (root.sent.length < 2) await tick();
    expect(root.sent[1]).toBe(root.sent[0]);
  });

  it('estimates a current plan in the estimator with 2,000 samples, seed 1, and keeps the figures and weakest promises', async () => {
    const { calls, risk: [state, reads] } = setup();
    expect(state.status).toBe('running');
    // The request is built in a task of its own, after the one that delivered the plan.
    expect(calls).toHaveLength(0);
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0].options).toEqual({ samples: 2000, seed: 1 });
    expect(calls[0].plan.routes.map((r) => r.vehicleId)).toEqual(['v1']);
    expect(() => structuredClone(calls[0].scenario)).not.toThrow();
    const figures = figuresOf(calls[0]);
    calls[0].resolve(figures);
    // The views take the answer in a task after the one that received it.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(state.status).toBe('running');
    await tick();
    expect(state.status).toBe('done');
    expect(state.risk?.expectedLateStops).toBeCloseTo(figures.expectedLateStops, 9);
    expect(state.risk?.stops.map((s) => s.orderId)).toEqual(['o1', 'o2', 'o3']);
    // Weakest first; a promise that always held is no weak promise.
    expect(state.weakest.map((w) => [w.orderId, w.pOnTime])).toEqual([['o2', 0.45], ['o3', 0.7]]);
    for (const weak of state.weakest) expect(weak.why).toMatch(/^(long leg|tight window|chain of short slacks): /);
    const o2 = figures.stops.find((s) => s.orderId === 'o2')!;
    expect(reads.stopRisk('o2')?.startP90S).toBe(o2.startP90S);
    expect(reads.stopRisk('o2')?.startP10S).toBeLessThanOrEqual(o2.startP90S);
    const levelOf = reads.orderLevels();
    expect(['o1', 'o2', 'o3', 'o4'].map(levelOf)).toEqual(['low', 'high', 'medium', undefined]);
  });

  it('reads no stop of an estimate as it lands: the levels and the stop figures are built on first use, once', async () => {
    let reads = 0;
    const stop = (orderId: string, pOnTime: number) => {
      const fields = { orderId, side: undefined, pOnTime, startP10S: 0, startP50S: 0, startP90S: 0, lateP90S: 0 };
      return new Proxy(fields, { get: (t, k) => { reads += 1; return t[k as keyof typeof t]; } });
    };
    const risk = { samples: 10, expectedLateStops: 0.9, routes: [], stops: [stop('o1', 0.95), stop('o2', 0.45), stop('o3', 0.7)] } as unknown as PlanRisk;
    const root = createRoot((dispose) => {
      const base = makeMiniScenario();
      const scenario = createScenarioStore({ ...base, plan: makeMiniPlan(base) });
      return { dispose, store: createRiskStore(scenario, async () => ({ risk, weakest: [] })) };
    });
    disposeRoot = root.dispose;
    const [state, estimate] = root.store;
    await tick();
    await tick();
    expect(state.status).toBe('done');
    expect(reads).toBe(0);
    const levelOf = estimate.orderLevels();
    expect(reads).toBe(0);
    expect(['o1', 'o2', 'o3', 'o9'].map(levelOf)).toEqual(['low', 'high', 'medium', undefined]);
    const built = reads;
    expect(built).toBeGreaterThan(0);
    expect(estimate.orderLevels()).toBe(levelOf);
    expect(levelOf('o2')).toBe('high');
    expect(reads).toBe(built);
    expect(estimate.stopRisk('o3')?.pOnTime).toBe(0.7);
    const indexed = reads;
    expect(estimate.stopRisk('o1')?.pOnTime).toBe(0.95);
    expect(estimate.stopRisk('o9')).toBeUndefined();
    expect(reads).toBe(indexed + 1);
  });

  it('gives the levels as a lookup per estimate: a view reading it once follows each new estimate', async () => {
    const { calls, scenario: [, scenarioActions], risk: [, reads] } = setup();
    await tick();
    calls[0].resolve(figuresOf(calls[0]));
    await tick();
    const seen: (string | undefined)[][] = [];
    const dispose = createRoot((dispose) => {
      createComputed(() => {
        const levelOf = reads.orderLevels();
        seen.push(['o1', 'o2', 'o3'].map(levelOf));
      });
      return dispose;
    });
    const first = reads.orderLevels();
    expect(seen).toEqual([['low', 'high', 'medium']]);
    // The plan goes stale: no levels; a new plan's estimate brings them back, and the view follows both.
    scenarioActions.updateOrder('o1', { serviceMinutes: 9 });
    await tick();
    expect(seen.at(-1)).toEqual([undefined, undefined, undefined]);
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!));
    await tick();
    expect(calls).toHaveLength(2);
    calls[1].resolve(figuresOf(calls[1]));
    await tick();
    expect(seen.at(-1)).toEqual(['low', 'high', 'medium']);
    // A lookup is a snapshot of its estimate (it reads nothing reactive).
    expect(first('o2')).toBe('high');
    dispose();
  });

  it('keeps the figures of the routes a new plan left as they were while its estimate runs, and only those', async () => {
    const { calls, scenario: [, scenarioActions], risk: [state, reads] } = setup(false);
    const routes = { v1: ['o1', 'o2'], v2: ['o3'] };
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!, routes));
    await tick();
    const first = figuresOf(calls[0]);
    calls[0].resolve(first);
    await tick();
    const o3 = reads.stopRisk('o3')!;
    expect(o3).toBe(first.stops.find((s) => s.orderId === 'o3'));
    // v1's stops swapped, v2's route as it was: v2's figures stay (the very objects) while the estimate runs, v1's go.
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!, { v1: ['o2', 'o1'], v2: ['o3'] }));
    expect(state.status).toBe('running');
    expect(state.risk).toBeNull();
    expect(reads.stopRisk('o3')).toBe(o3);
    expect(reads.stopRisk('o1')).toBeUndefined();
    expect(reads.stopRisk('o2')).toBeUndefined();
    expect(['o1', 'o2', 'o3'].map(reads.orderLevels())).toEqual([undefined, undefined, 'medium']);
    await tick();
    expect(calls).toHaveLength(2);
    const second = figuresOf(calls[1]);
    calls[1].resolve(second);
    await tick();
    expect(reads.stopRisk('o1')).toBe(second.stops.find((s) => s.orderId === 'o1'));
    // The route sampled again gives the same figures: what was kept was exact.
    expect(second.stops.find((s) => s.orderId === 'o3')).toEqual(o3);
    // v2's route leaves a minute later: its figures go, v1's (as the last estimate sampled it) stay.
    const later = makeMiniPlan(scenarioActions.snapshot()!, { v1: ['o2', 'o1'], v2: ['o3'] });
    const v2 = later.solution.routes[1];
    v2.steps[0] = { ...v2.steps[0], departureS: v2.steps[0].departureS + 60 };
    scenarioActions.setPlan(later);
    expect(reads.stopRisk('o3')).toBeUndefined();
    expect(reads.stopRisk('o1')).toBe(second.stops.find((s) => s.orderId === 'o1'));
  });

  it('reads the kept figures from the last estimate\'s own index and levels: no other stop is read again', async () => {
    // Reads of each stop's figures, by order id: a lookup may read the stop it finds (its vehicle, its figures), never
    // walk the estimate's stops again (ten more stops, of orders no lookup asks for, show such a walk).
    const reads = new Map<string, number>();
    const stop = (orderId: string, vehicleId: string, pOnTime: number) => {
      const fields = { orderId, side: undefined, vehicleId, pOnTime, startP10S: 0, startP50S: 0, startP90S: 0 };
      return new Proxy(fields, { get: (t, k) => { reads.set(orderId, (reads.get(orderId) ?? 0) + 1); return t[k as keyof typeof t]; } });
    };
    const otherIds = Array.from({ length: 10 }, (_, i) => `x${i}`);
    const others = otherIds.map((id) => stop(id, 'v9', 0.99));
    const risk = { samples: 10, expectedLateStops: 0.9, routes: [], stops: [stop('o1', 'v1', 0.95), stop('o2', 'v1', 0.45), stop('o3', 'v2', 0.7), ...others] } as unknown as PlanRisk;
    let answered = false;
    const root = createRoot((dispose) => {
      const base = makeMiniScenario();
      const scenario = createScenarioStore({ ...base, plan: makeMiniPlan(base, { v1: ['o1', 'o2'], v2: ['o3'] }) });
      const compute = async () => { if (answered) return new Promise<never>(() => {}); answered = true; return { risk, weakest: [] }; };
      return { dispose, scenario, store: createRiskStore(scenario, compute) };
    });
    disposeRoot = root.dispose;
    const [state, estimate] = root.store;
    const [, scenarioActions] = root.scenario;
    await tick();
    await tick();
    expect(state.status).toBe('done');
    expect(estimate.orderLevels()('o3')).toBe('medium');
    expect(estimate.stopRisk('o3')?.pOnTime).toBe(0.7);
    const built = new Map(reads);
    const since = (id: string) => (reads.get(id) ?? 0) - (built.get(id) ?? 0);
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!, { v1: ['o2', 'o1'], v2: ['o3'] }));
    expect(state.status).toBe('running');
    expect(['o1', 'o2', 'o3'].map(estimate.orderLevels())).toEqual([undefined, undefined, 'medium']);
    expect(estimate.stopRisk('o1')).toBeUndefined();
    expect(estimate.stopRisk('o3')?.pOnTime).toBe(0.7);
    expect(otherIds.map(since)).toEqual(otherIds.map(() => 0));
    // Each lookup read its own stop's vehicle (o3: twice, and its figure once): a constant per lookup.
    expect(['o1', 'o2', 'o3'].map(since)).toEqual([2, 1, 3]);
  });

  it('keeps no figures across an edit of the data, nor across a plan that moved every route', async () => {
    const { calls, scenario: [, scenarioActions], risk: [state, reads] } = setup(false);
    const routes = { v1: ['o1', 'o2'], v2: ['o3'] };
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!, routes));
    await tick();
    calls[0].resolve(figuresOf(calls[0]));
    await tick();
    expect(reads.stopRisk('o3')).toBeDefined();
    // A service time edited: the same routes sample other times.
    scenarioActions.updateOrder('o3', { serviceMinutes: 25 });
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!, routes));
    expect(state.status).toBe('running');
    expect(reads.stopRisk('o3')).toBeUndefined();
    expect(reads.orderLevels()('o3')).toBeUndefined();
    await tick();
    calls[1].resolve(figuresOf(calls[1]));
    await tick();
    expect(reads.stopRisk('o3')).toBeDefined();
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!, { v1: ['o3'], v2: ['o1', 'o2'] }));
    expect(reads.stopRisk('o3')).toBeUndefined();
    expect(['o1', 'o2', 'o3'].map(reads.orderLevels())).toEqual([undefined, undefined, undefined]);
  });

  it('clears the risk when the plan goes stale, and estimates again when a new plan lands', async () => {
    const { calls, scenario: [, scenarioActions], risk: [state, reads] } = setup();
    await tick();
    calls[0].resolve(figuresOf(calls[0]));
    await tick();
    expect(state.status).toBe('done');
    scenarioActions.updateOrder('o1', { serviceMinutes: 9 });
    await tick();
    expect(state.status).toBe('idle');
    expect(state.risk).toBeNull();
    expect(state.weakest).toEqual([]);
    expect(reads.stopRisk('o1')).toBeUndefined();
    expect(calls).toHaveLength(1);
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!));
    await tick();
    expect(calls).toHaveLength(2);
    expect(state.status).toBe('running');
  });

  it('waits while a solve shows its best plan so far, and estimates the plan the solve returns', async () => {
    const { calls, scenario, risk: [state] } = setup(false);
    const [, scenarioActions] = scenario;
    const snapshot = scenarioActions.snapshot()!;
    const bestSoFar = makeBestSoFar(scenario);
    const interim = makeMiniPlan(snapshot);
    bestSoFar.show(snapshot, snapshot, { source: 'embedded' }, interim.solution);
    await tick();
    expect(scenarioActions.snapshot()!.plan).toBeTruthy();
    expect(calls).toHaveLength(0);
    expect(state.status).toBe('running');
    bestSoFar.settled();
    scenarioActions.setPlan(makeMiniPlan(scenarioActions.snapshot()!));
    await tick();
    expect(calls).toHaveLength(1);
  });

  it('does not even ask about a plan replaced before its request went out', async () => {
    const { calls, scenario: [, scenarioActions], risk: [state] } = setup();
    scenarioActions.clearPlan();
    await tick();
    expect(calls).toHaveLength(0);
    expect(state.status).toBe('idle');
  });

  it('drops a late answer for a plan that is no longer current', async () => {
    const { calls, scenario: [, scenarioActions], risk: [state] } = setup();
    await tick();
    scenarioActions.clearPlan();
    await tick();
    calls[0].resolve(figuresOf(calls[0]));
    await tick();
    expect(state.status).toBe('idle');
    expect(state.risk).toBeNull();
  });

  it('turns a failed estimate into a sentence and keeps no figures', async () => {
    const { calls, risk: [state] } = setup();
    await tick();
    calls[0].reject(Object.assign(new Error('the risk worker crashed: out of memory'), { name: 'SolverError' }));
    await tick();
    expect(state.status).toBe('error');
    expect(state.error).toBe('The risk of this plan could not be estimated: the risk worker crashed: out of memory.');
    expect(state.risk).toBeNull();
  });

  it('estimates nothing without a plan', () => {
    const { calls, risk: [state] } = setup(false);
    expect(calls).toHaveLength(0);
    expect(state.status).toBe('idle');
  });

  it('keeps the worker\'s report as it came: the very figures and ranked list, no proxy per stop', async () => {
    let answer: (report: RiskReport) => void = () => {};
    const [state, reads] = createRoot((dispose) => {
      disposeRoot = dispose;
      const base = makeMiniScenario();
      const scenario = createScenarioStore({ ...base, plan: makeMiniPlan(base) });
      return createRiskStore(scenario, () => new Promise<RiskReport>((resolve) => { answer = resolve; }));
    });
    const figures = referenceRisk(buildRiskModel(makeMiniScenario(), makeMiniPlan(makeMiniScenario()).solution, resolveVariability(makeMiniScenario().settings)), { samples: 50, seed: 1 });
    const weakest: WeakPromise[] = [{ orderId: 'o3', vehicleId: 'v1', pOnTime: 0.5, startP50S: 36_000, reason: 'long-leg', why: 'long leg: 40 min from the previous stop, 2 min of slack' }];
    await tick();
    answer({ risk: figures, weakest });
    await tick();
    expect(state.status).toBe('done');
    expect(state.risk).toBe(figures);
    expect(state.risk?.stops[0]).toBe(figures.stops[0]);
    expect(state.weakest).toBe(weakest);
    expect(reads.stopRisk('o2')).toBe(figures.stops.find((x) => x.orderId === 'o2'));
  });

  it('grades P(on time): low from 0.9, medium from 0.6, high below', () => {
    expect([1, 0.9, 0.89, 0.6, 0.59, 0].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});
