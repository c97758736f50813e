// What a settings change does to a scenario: which settings change the problem (the plan
// becomes stale) and which only the display, and the per-unit data laid out anew when
// capacity units are added, removed or reordered. Pure; the scenario store applies it.
import type { Scenario, Settings } from './scenario';

/** Deep equality of plain data (JSON-like), ignoring key order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Where each capacity unit of the new list comes from: the index of the old unit
 * it keeps (renamed or not), or null for a new unit. Old units not listed are removed.
 */
export type UnitSources = readonly (number | null)[];

/** Whether `sources` keeps all `count` old units, in their order (nothing to remap). */
export const isIdentity = (sources: UnitSources, count: number) => sources.length === count && sources.every((from, i) => from === i);

/**
 * The per-unit data of a scenario laid out for new units: vehicle capacities,
 * order amounts and pickup amounts, and the plan's loads (a new unit carries 0,
 * which is exact: nothing is in it yet). Values of removed units are dropped.
 * The plan is a new object: solutions are replaced whole, never deep-edited.
 */
export function remapUnits(scenario: Scenario, sources: UnitSources): Pick<Scenario, 'vehicles' | 'orders' | 'plan'> {
  // A kept unit keeps its value, `null` (no limit) included; a new unit starts at 0.
  const pick = <T extends number | null>(values: readonly T[]) => sources.map((from) => (from === null || values[from] === undefined ? 0 : values[from]));
  const orders = scenario.orders.map((o) => ({ ...o, amounts: pick(o.amounts), ...(o.pickupAmounts ? { pickupAmounts: pick(o.pickupAmounts) } : {}) }));
  const plan = scenario.plan && {
    ...scenario.plan,
    solution: {
      ...scenario.plan.solution,
      routes: scenario.plan.solution.routes.map((r) => ({ ...r, steps: r.steps.map((step) => ({ ...step, load: pick(step.load) })) })),
    },
  };
  return { vehicles: scenario.vehicles.map((v) => ({ ...v, capacity: pick(v.capacity) })), orders, plan };
}

/** Settings that change the problem (all but the map background, the customer messages and geocoding). */
export const problemSettings = ({ tileUrl: _url, tileAttribution: _attribution, messages: _messages, geocodeUrl: _geocode, geocodeIntervalMs: _interval, ...rest }: Settings) => rest;
/** Settings that change no plan: saved without making the plan stale. */
export const sameDisplay = (a: Settings, b: Settings) => a.tileUrl === b.tileUrl && a.tileAttribution === b.tileAttribution && sameData(a.messages, b.messages)
  && a.geocodeUrl === b.geocodeUrl && a.geocodeIntervalMs === b.geocodeIntervalMs;
