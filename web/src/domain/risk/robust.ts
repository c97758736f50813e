// Robust planning (issue #14): with an on-time target p, the solver plans with
// longer travel and service times — each multiplied by a quantile factor of the
// lognormal risk model (variability.ts) — so the slack they leave lets a stop
// reach p where it can. The plan shown keeps the mean times: feasible under the
// longer times means feasible under the shorter ones, since waiting is allowed.
//
// The factor of a time with mean m and CV c is the p-quantile of a lognormal
// of mean 1 and CV c' = c / √n. n = 1 is the per-leg rule (every leg at its own
// p-quantile: over-conservative, because a stop's start is a sum of legs and
// services that varies relatively less than each of them). The prefix rule takes
// n = the typical number of legs before a stop (half a route's stops): a sum of
// n independent lognormals with the same CV is close to a lognormal with CV
// c / √n (Fenton–Wilkinson). The route rule takes a whole route's stops (less
// slack), prefix-travel inflates travel only. tests/bench/RESULTS.md compares the
// rules: the prefix rule brings 92–99 % of the stops to the target at 3–18 % more
// cost; per leg costs 6–27 % more and leaves up to 3× the orders out; travel only
// or a whole route's length leave up to 27 % and 21 % of the stops below it.
import { SERVICE_TYPES, type Scenario, type ServiceType } from '../scenario';
import type { Variability } from '../variability';
import { normalQuantile } from './quantiles';

/** How the slack is derived: per leg, from the typical route prefix (for travel only), or from a whole route. */
export type RobustRule = 'leg' | 'prefix' | 'prefix-travel' | 'route';

/** The rule the app plans with (the benchmark's argument: tests/bench/RESULTS.md, "Risk of a plan"). */
export const DEFAULT_ROBUST_RULE: RobustRule = 'prefix';

/** Multipliers of the mean times the solver plans with (1 = the mean). */
export interface RobustFactors {
  travel: number;
  service: Record<ServiceType, number>;
}

/** The p-quantile (0 < p < 1) of a lognormal factor with mean 1 and CV `cv` (1 when cv ≤ 0); never below 1. */
export function quantileFactor(p: number, cv: number): number {
  if (!(cv > 0) || !(p > 0)) return 1;
  const sigma2 = Math.log(1 + cv * cv);
  return Math.max(1, Math.exp(Math.sqrt(sigma2) * normalQuantile(p) - sigma2 / 2));
}

/** Legs before a typical stop: half the stops a vehicle would serve if the fleet shared them evenly (at least 1). */
export function typicalPrefix(scenario: Pick<Scenario, 'orders' | 'vehicles'>): number {
  const stops = scenario.orders.reduce((n, o) => n + (o.pickup ? 2 : 1), 0);
  return Math.max(1, Math.round(stops / Math.max(1, scenario.vehicles.length) / 2));
}

/**
 * The factors for an on-time target in percent (0 or absent: null, plan with the means). Higher targets
 * give factors at least as large (the quantile grows with p).
 */
export function robustFactors(targetPct: number | undefined, variability: Variability, prefix: number, rule: RobustRule = DEFAULT_ROBUST_RULE): RobustFactors | null {
  if (!targetPct || targetPct <= 0) return null;
  const p = Math.min(99, targetPct) / 100;
  const legs = rule === 'route' ? 2 * prefix : prefix;
  const shrink = rule === 'leg' ? 1 : Math.sqrt(Math.max(1, legs));
  const service = Object.fromEntries(SERVICE_TYPES.map((t) => [t, rule === 'prefix-travel' ? 1 : quantileFactor(p, variability.serviceCv[t] / shrink)])) as Record<ServiceType, number>;
  return { travel: quantileFactor(p, variability.travelCv / shrink), service };
}
