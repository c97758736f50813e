// The lines of the scenario list (one per stored scenario: name, date, sizes and plan
// KPIs) and the names new scenarios and branches get, unused by any other. Pure; the
// catalogue store (scenarios.ts) reads the stored records into them.
import type { Scenario } from '../domain/scenario';
import { planKpis, type PlanKpis } from '../io/export-kpis';

/** One line of the scenario list. */
export interface ScenarioEntry {
  id: string;
  name: string;
  date: string;
  orders: number;
  vehicles: number;
  kpis: PlanKpis | null;
}

/** `base`, or `base 2`, `base 3`… whichever no scenario uses yet. */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

/** The list line of a stored scenario. */
export function entryOf(scenario: Scenario): ScenarioEntry {
  return { id: scenario.id, name: scenario.name, date: scenario.settings.date, orders: scenario.orders.length, vehicles: scenario.vehicles.length, kpis: planKpis(scenario) };
}
