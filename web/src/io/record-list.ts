// The scenario list's lines from the stored records: each record upgraded and validated, its
// name, date, sizes and plan KPIs, or why it cannot be opened. Shared by the page and the save
// worker (save-offload.ts), which does it off the main thread: reading a record deserialises
// all of it, and upgrading and summing one of 10,000 orders with a plan is tens of ms more, so
// opening the Scenarios list with large scenarios stored was one long task per list (issue #15).
import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { Scenario } from '../domain/scenario';
import { CURRENT_KEY, withoutStamp } from './db-write';
import { planKpis, type PlanKpis } from './export-kpis';
import { upgradeScenario } from './restore';

/** One line of the scenario list. */
export interface ScenarioEntry {
  id: string;
  name: string;
  date: string;
  orders: number;
  vehicles: number;
  kpis: PlanKpis | null;
}

/** The scenario list: a line per readable record (by name, then id), and a note per record that cannot be read. */
export interface ScenarioEntries {
  entries: ScenarioEntry[];
  unreadable: string[];
}

/** The list line of a stored scenario. */
export function entryOf(scenario: Scenario): ScenarioEntry {
  return { id: scenario.id, name: scenario.name, date: scenario.settings.date, orders: scenario.orders.length, vehicles: scenario.vehicles.length, kpis: planKpis(scenario) };
}

/** The list of `records` (unvalidated, as stored without their stamps). */
export function entriesOf(records: readonly unknown[]): ScenarioEntries {
  const entries: ScenarioEntry[] = [];
  const unreadable: string[] = [];
  for (const record of records) {
    const upgraded = upgradeScenario(record);
    if (upgraded.ok) entries.push(entryOf(upgraded.scenario));
    else unreadable.push(`${String((record as { id?: unknown } | null)?.id ?? '?')}: ${upgraded.message.split('\n')[0]}`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { entries, unreadable };
}

/** Every scenario record of `store` (not the open scenario's marker), without its stamp. */
export async function readStoredRecords(store: UseStore): Promise<unknown[]> {
  return store('readonly', async (os) => {
    const [keys, values] = await Promise.all([promisifyRequest(os.getAllKeys()), promisifyRequest(os.getAll())]);
    return values.flatMap((value, i) => (keys[i] === CURRENT_KEY ? [] : [withoutStamp(value)]));
  });
}

/** The scenario list of `store`, read and worked out on this thread. */
export async function listStoredEntries(store: UseStore): Promise<ScenarioEntries> {
  return entriesOf(await readStoredRecords(store));
}
