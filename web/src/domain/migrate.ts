// Schema migrations: turns data saved by an older build into the current
// schema's shape before validation. Pure; never throws; data it does not
// recognise is returned unchanged, for validateScenario to report.
import { SCENARIO_TYPE, SCENARIO_VERSION } from './scenario';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * v1 → v2: v2 only adds optional fields (service-type catalogue, order
 * overrides, pickups and shipments, crews, breaks, limits, overtime, travel
 * matrices), and each absent field keeps v1's behaviour: no crew = crew not
 * checked, no limits = none, no allowance = hard windows and shift. So the
 * upgrade only stamps the version; a saved plan is kept and re-checked.
 */
const v1ToV2: Migration = (data) => ({ ...data, version: 2 });

/**
 * v2 → v3: the plan and the record's pins become part of the schema (validated
 * field by field instead of `any`). Their shape did not change, so the upgrade
 * only stamps the version and moves nothing; a plan that does not fit the schema
 * is reported on load (and re-planned), never silently reshaped here.
 */
const v2ToV3: Migration = (data) => ({ ...data, version: 3 });

/*
 * Later optional settings need no step: an absent field keeps the behaviour of the builds before it
 * (e.g. `settings.onTimeTarget`, issue #14: absent = 0 = plan with the mean times), so no version step.
 */

/** Migration from version `n` to `n + 1`, by `n`. */
const MIGRATIONS: Record<number, Migration> = { 1: v1ToV2, 2: v2ToV3 };

/** True for a scenario record written by a NEWER build than this one (it must be left untouched). */
export function newerVersionOf(data: unknown): number | null {
  const record = data as { type?: unknown; version?: unknown } | null;
  if (typeof record !== 'object' || record === null || record.type !== SCENARIO_TYPE) return null;
  return typeof record.version === 'number' && record.version > SCENARIO_VERSION ? record.version : null;
}

/** Upgrades a stored or imported scenario of any older version to SCENARIO_VERSION. */
export function migrateScenario(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  let record = data as Record<string, unknown>;
  if (record.type !== SCENARIO_TYPE || typeof record.version !== 'number') return data;
  while (typeof record.version === 'number' && record.version < SCENARIO_VERSION) {
    const step = MIGRATIONS[record.version];
    if (!step) return record;
    record = step(record);
  }
  return record;
}
