// The risk model of a running day (issue #14, Day mode): the rest of each
// route from the current state, as predictDay (day/eta.ts) walks it. Finished
// stops (done, failed) are left out; each route starts where and when the
// vehicle is now — a leg under way keeps only its predicted remainder, a
// service under way its predicted rest (sampled, not scored: its start is
// known) — and every remaining leg and service is random as in model.ts.
import type { DayPrediction, PredictedRoute } from '../day/eta';
import { stopKey, type DayState } from '../day/day-state';
import type { Scenario } from '../scenario';
import type { OrderStepType, Step } from '../solution';
import { makeEvalContext, type EvalContext } from '../route-eval';
import type { Variability } from '../variability';
import { finishModel, orderStop, riskTime, shiftLimitOf, type RiskModel, type RiskRoute, type RiskStop } from './model';

const LEFT = new Set(['done', 'failed']);

/** The risk model of what remains of the day at `prediction.nowS`; routes of unavailable vehicles and routes with nothing left to score are left out. */
export function buildDayRiskModel(scenario: Scenario, state: DayState, prediction: DayPrediction, variability: Variability): RiskModel {
  const model = dayRiskModelInSlices(scenario, state, prediction, variability, Infinity);
  while (!model.step());
  return model.result();
}

/**
 * buildDayRiskModel a few routes at a time (`ms` of work per step, at least one route): `step()` builds the next
 * routes and returns true once the model is whole, `result()` is then the model. Built in one go, the model of a
 * 10,000-stop day was a 60-100 ms task on the page every few seconds.
 */
export function dayRiskModelInSlices(scenario: Scenario, state: DayState, prediction: DayPrediction, variability: Variability, ms: number, now: () => number = () => performance.now()): { step(): boolean; result(): RiskModel } {
  const ctx = makeEvalContext({ ...scenario, orders: state.orders });
  const routes: RiskRoute[] = [];
  let next = 0;
  let tablesNext = false;
  let model: RiskModel | null = null;
  return {
    step() {
      if (model) return true;
      if (tablesNext) {
        model = finishModel(routes);
        return true;
      }
      const until = ms === Infinity ? Infinity : now() + ms;
      do {
        const route = prediction.routes[next++];
        const built = !route || route.unavailable ? null : dayRoute(ctx, state, route, prediction.nowS, variability);
        if (built) routes.push(built);
      } while (next < prediction.routes.length && (until === Infinity || now() < until));
      if (next < prediction.routes.length) return false;
      // The factor tables in a step of their own (a slice's time is spent by now), unless built in one go.
      if (!tablesNext && ms !== Infinity) return (tablesNext = true), false;
      model = finishModel(routes);
      return true;
    },
    result() {
      if (!model) throw new Error('the day risk model is not built yet');
      return model;
    },
  };
}

const isOrder = (step: Step) => step.type === 'job' || step.type === 'pickup' || step.type === 'delivery';

function dayRoute(ctx: EvalContext, state: DayState, route: PredictedRoute, nowS: number, variability: Variability): RiskRoute | null {
  const vehicle = ctx.scenario.vehicles.find((v) => v.id === route.vehicleId);
  if (!vehicle || route.steps.length < 2) return null;
  const statusOf = (step: Step) => state.stops[stopKey(step.id, step.type as OrderStepType)]?.status;
  const inner = route.steps.slice(1, -1);
  // Everything up to the last stop left is history.
  let last = -1;
  inner.forEach((step, i) => { if (isOrder(step) && LEFT.has(statusOf(step) ?? '')) last = i; });
  const stops: RiskStop[] = [];
  let prev: Step = last >= 0 ? inner[last] : route.steps[0];
  const departS = Math.max(prev.departureS, nowS);
  for (const step of inner.slice(last + 1)) {
    const legMeanS = step.arrivalS - Math.max(prev.departureS, nowS);
    const startS = step.arrivalS + step.waitS;
    if (step.type === 'break') {
      if (step.departureS <= nowS) continue; // taken already
      const windows = startS < nowS ? [] : (vehicle.breaks?.find((b) => b.id === step.id)?.timeWindows ?? []).map((w) => [w.start * 60, w.end * 60] as [number, number]);
      stops.push(fixedStop('break', step, riskTime(0, 0), riskTime(step.departureS - Math.max(startS, nowS), 0), windows));
    } else if (statusOf(step) === 'arrived') {
      const cv = variability.serviceCv[ctx.orders.get(step.id)!.serviceType];
      stops.push(fixedStop('in-progress', step, riskTime(0, 0), riskTime(step.departureS - Math.max(startS, nowS), cv), []));
    } else {
      stops.push(orderStop(ctx, { type: step.type, id: step.id }, legMeanS, variability, startS, step.waitS));
    }
    prev = step;
  }
  if (!stops.some((s) => s.kind === 'order')) return null;
  const end = route.steps[route.steps.length - 1];
  return {
    vehicleId: vehicle.id, departS, shiftLimitS: shiftLimitOf(vehicle), stops,
    endLeg: riskTime(end.arrivalS - Math.max(prev.departureS, nowS), variability.travelCv),
  };
}

/** A break, or the rest of a service under way: never scored, never a failed attempt. */
function fixedStop(kind: 'break' | 'in-progress', step: Step, leg: RiskStop['leg'], service: RiskStop['service'], windows: [number, number][]): RiskStop {
  return { kind, id: step.id, leg, service, notHome: 0, failedS: 0, windows, plannedStartS: step.arrivalS + step.waitS, plannedWaitS: step.waitS };
}
