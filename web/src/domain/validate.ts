// Validation of scenario data from any source (IndexedDB, files, imports):
// the valibot schema plus cross-references, with messages that name the
// entity and field ("orders[3] (order 'A-104').lat: latitude must be ≤ 90").
import * as v from 'valibot';
import { migrateScenario } from './migrate';
import { daySchema } from './day/day-schema';
import { scenarioSchema, type Scenario } from './scenario';

/** The scenario schema with its optional day (see Scenario.day for why it is joined here). */
const scenarioWithDaySchema = v.object({ ...scenarioSchema.entries, day: v.optional(daySchema) });
import { newIssues } from './validate-v2';

export interface ValidationIssue {
  /** Dotted path to the field, e.g. `orders[3].lat`. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; issues: ValidationIssue[] };

const ENTITY_LABEL: Record<string, string> = { orders: 'order', vehicles: 'vehicle', depots: 'depot' };

function entityName(data: unknown, collection: string, index: number): string {
  const items = (data as Record<string, unknown> | null)?.[collection];
  const item = Array.isArray(items) ? (items[index] as { id?: unknown } | undefined) : undefined;
  const label = ENTITY_LABEL[collection];
  if (!label) return '';
  return typeof item?.id === 'string' && item.id ? ` (${label} '${item.id}')` : ` (${label} #${index + 1})`;
}

function formatPath(data: unknown, issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  let out = '';
  keys.forEach((key, i) => {
    if (typeof key === 'number') {
      out += `[${key}]`;
      if (i === 1) out += entityName(data, String(keys[0]), key);
    } else {
      // A key of a record ("speedKmh") that is no plain word is quoted, so the path still reads as one: ["e- F1E"].
      const plain = /^[\w-]+$/.test(key);
      out += plain ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  });
  return out || '(scenario)';
}

function crossReferenceIssues(s: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const units = s.settings.capacityUnits.length;
  const depotIds = new Set(s.depots.map((d) => d.id));
  const duplicates = (items: { id: string }[], collection: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: `${collection}[${i}] (${ENTITY_LABEL[collection]} '${item.id}').id`, message: 'id is used twice' });
      seen.add(item.id);
    });
  };
  duplicates(s.depots, 'depots');
  duplicates(s.vehicles, 'vehicles');
  duplicates(s.orders, 'orders');
  s.vehicles.forEach((vehicle, i) => {
    const at = `vehicles[${i}] (vehicle '${vehicle.id}')`;
    if (!depotIds.has(vehicle.startDepotId)) issues.push({ path: `${at}.startDepotId`, message: `unknown depot '${vehicle.startDepotId}'` });
    if (!depotIds.has(vehicle.endDepotId)) issues.push({ path: `${at}.endDepotId`, message: `unknown depot '${vehicle.endDepotId}'` });
    if (vehicle.capacity.length !== units) issues.push({ path: `${at}.capacity`, message: `needs ${units} values, one per capacity unit (${s.settings.capacityUnits.join(', ')})` });
  });
  s.orders.forEach((order, i) => {
    if (order.amounts.length !== units) {
      issues.push({ path: `orders[${i}] (order '${order.id}').amounts`, message: `needs ${units} values, one per capacity unit (${s.settings.capacityUnits.join(', ')})` });
    }
  });
  return [...issues, ...newIssues(s)];
}

/** Upgrades older versions (migrate.ts), then validates unknown data as a scenario v2; never throws. */
export function validateScenario(input: unknown): ValidationResult {
  const data = migrateScenario(input);
  const parsed = v.safeParse(scenarioWithDaySchema, data);
  if (!parsed.success) {
    return { ok: false, issues: parsed.issues.map((issue) => ({ path: formatPath(data, issue), message: issue.message })) };
  }
  const scenario = parsed.output as Scenario;
  const issues = crossReferenceIssues(scenario);
  return issues.length ? { ok: false, issues } : { ok: true, scenario };
}

/** One line per issue, for error banners and CLI output. */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}
