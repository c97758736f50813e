// The risk of the running day (issue #14, Day mode): whenever the day's
// prediction changes (an event, a clock tick) the rest of the day is turned into
// a risk model (domain/risk/day-model.ts) and estimated in the risk worker —
// at most once every `throttleMs`, one estimate at a time, the last change
// always estimated. The previous figures stay shown while a new estimate runs;
// an answer for another scenario or day is dropped.
import { createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js';
import { estimatedRoutes, type EstimateBasis } from '../domain/day/risk-flags';
import { dayRiskModelInSlices } from '../domain/risk/day-model';
import { nextTask } from '../io/next-task';
import type { PlanRisk, RiskOptions, StopRisk } from '../domain/risk/risk-types';
import { weakestPromises, type WeakPromise } from '../domain/risk/weakest';
import { resolveVariability } from '../domain/variability';
import type { ComputeModelRisk } from '../solver/risk-client';
import type { DayDerived } from './day-derive';
import { DEFAULT_RISK_OPTIONS, describeRiskError, estimateReads, WEAKEST_COUNT, type OrderLevels, type RiskStatus } from './risk';

/** The day's figures: `risk` is the last estimate (perhaps of a slightly older state while `status` is `running`). */
interface DayRiskFields {
  status: RiskStatus;
  risk: PlanRisk | null;
  /** The routes as `risk` estimated them (its stops still to make): its flags apply to those alone. */
  basis: EstimateBasis | null;
  weakest: WeakPromise[];
  error: string | null;
}

/** Read-only for components. */
export type DayRiskState = Readonly<DayRiskFields>;

/** The day's risk: its state and the figures of one remaining stop. */
export interface DayRisk {
  state: DayRiskState;
  stopRisk(orderId: string, side?: 'pickup' | 'delivery'): StopRisk | undefined;
  /**
   * The risk level of each order's remaining stops (a shipment: its weaker side), if estimated, as a plain lookup of
   * the current estimate: one tracked read, however many orders it is asked for.
   */
  orderLevels(): OrderLevels;
}

/** Milliseconds of the day's risk model built per task. */
const MODEL_SLICE_MS = 8;

/** Default minimum time between two estimates of the day. */
export const DAY_RISK_THROTTLE_MS = 3000;

type Prediction = Pick<DayDerived, 'scenario' | 'state' | 'prediction' | 'day'>;

/** Follows `predicted` (the day before the risk flags) and keeps its risk; needs a reactive owner. */
export function createDayRisk(predicted: () => Prediction | null, compute: ComputeModelRisk, throttleMs = DAY_RISK_THROTTLE_MS, options: RiskOptions = DEFAULT_RISK_OPTIONS): DayRisk {
  // A signal of plain values, not a store: a store's setter walks the estimate's every stop to strip proxies
  // (~35 ms at 10,000 stops) and each read of it after goes through a proxy (the risk flags' 10,000 lookups).
  const [fields, setFields] = createSignal<DayRiskFields>({ status: 'idle', risk: null, basis: null, weakest: [], error: null });
  const setState = (next: Partial<DayRiskFields>) => setFields((before) => Object.freeze({ ...before, ...next }));
  const state: DayRiskState = {
    get status() { return fields().status; },
    get risk() { return fields().risk; },
    get basis() { return fields().basis; },
    get weakest() { return fields().weakest; },
    get error() { return fields().error; },
  };
  const dayKey = createMemo(() => { const d = predicted(); return d ? `${d.scenario.id}\u0000${d.day.dispatchedAt}` : null; });
  let running = false;
  let pending = false;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  // `running` from the change on (pending or estimating), so a busy region means figures of an older state.
  function schedule(): void {
    if (untrack(fields).status !== 'running') setState({ status: 'running' });
    if (running) return void (pending = true);
    if (timer !== undefined) return;
    timer = setTimeout(() => void run(), Math.max(0, lastStart + throttleMs - Date.now()));
  }

  async function run(): Promise<void> {
    timer = undefined;
    const d = untrack(predicted);
    const key = untrack(dayKey);
    if (!d) return;
    running = true;
    try {
      // A few milliseconds of routes per task: the page's tasks stay short at 10,000 stops.
      const building = dayRiskModelInSlices(d.scenario, d.state, d.prediction, resolveVariability(d.scenario.settings), MODEL_SLICE_MS);
      while (!building.step()) await nextTask();
      const model = building.result();
      // Handing the model to the worker copies its routes (~15-30 ms at 10,000 stops): a task of its own.
      await nextTask();
      const basis = estimatedRoutes(d.prediction);
      // The interval counts from the estimate asked for (the model is built first).
      lastStart = Date.now();
      const risk = await compute(model, options);
      if (key === untrack(dayKey)) setState({ status: 'done', risk, basis, weakest: weakestPromises(model, risk, WEAKEST_COUNT), error: null });
    } catch (error: unknown) {
      if (key === untrack(dayKey)) setState({ status: 'error', error: describeRiskError(error) });
    } finally {
      running = false;
      if (pending) { pending = false; schedule(); }
    }
  }

  // Another scenario or day: forget the figures at once.
  createEffect(on(dayKey, () => setState({ status: 'idle', risk: null, basis: null, weakest: [], error: null }), { defer: true }));
  createEffect(on(predicted, (d) => { if (d) schedule(); }));
  return { state, ...estimateReads(() => state.risk) };
}
