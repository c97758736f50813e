// Plain words for a dispatcher from an explanation (explain.ts): the rule that
// keeps an order off the plan, and one line per vehicle with its smallest fix,
// each naming the vehicle once ("Van 2 needs 40 kg more capacity").
import { groupsOf, MAX_GROUP_IDS, type BlockReason, type Explanation, type ReasonGroup, type VehicleExplanation } from './explain';
import { plural } from './format';
import type { Vehicle } from './scenario';

/** What the Unassigned panel shows under an order. */
export interface OrderWhy {
  /** The blocking rule in a sentence, e.g. "Capacity: no vehicle has room for it". */
  rule: string;
  /** Per-vehicle fixes, smallest first. */
  fixes: string[];
}

/** Short rule names, for orders blocked by different rules on different vehicles. */
const LABEL: Record<BlockReason, string> = {
  'skill-or-crew': 'skill or crew', capacity: 'capacity', window: 'time window', 'shift-or-depot': 'shift or depot hours',
  range: 'range', 'max-stops': 'stops per route', duration: 'route duration', break: 'driver break', other: 'another rule', none: 'nothing',
};

/** The rule when it blocks the order on every vehicle. */
const EVERY: Record<Exclude<BlockReason, 'none'>, string> = {
  'skill-or-crew': 'Skill or crew: no vehicle has the skill or crew size it needs',
  capacity: 'Capacity: no vehicle has room for it',
  window: 'Time window: no route can reach it inside its window',
  'shift-or-depot': 'Shift: no vehicle has time for it within its shift and depot hours',
  range: "Range: it is out of every vehicle's range",
  'max-stops': 'Stops per route: every route is at its stop limit',
  duration: 'Route duration: it would make every route too long',
  break: "Driver break: it would push a driver's break out of its window",
  other: 'A plan rule blocks it on every vehicle',
};

/** Vehicles named in a group: their names up to three (the ids a group keeps), else how many. */
const MAX_NAMED = MAX_GROUP_IDS;

const byScore = (a: VehicleExplanation, b: VehicleExplanation) => a.score - b.score;

/** One line for one vehicle; drops the "Van 2: " prefix when the fix itself names the vehicle. */
export function vehicleFixLine(v: VehicleExplanation, name: string): string {
  const prefix = `${name}: `;
  // "(Van 2 lacks it; Van 3 has it)" and "(Van 2 has 2)" under the prefix "Van 2: " say the name twice.
  const body = (v.text.startsWith(prefix) ? v.text.slice(prefix.length) : v.text)
    .replace(`(${name} lacks it; `, '(').replace(`(${name} has `, '(has ');
  if (v.fixes.length === 0) return `${name}: ${body}`;
  // A name only inside parentheses ("(Van 2 has 2)") does not say whose fix it is.
  const outside = body.replace(/\([^)]*\)/g, '');
  return outside.includes(name) ? body.charAt(0).toUpperCase() + body.slice(1) : `${name}: ${body}`;
}

/**
 * The blocking rule over the fleet, in one sentence. `groups` covers the whole fleet (an explanation keeps
 * only its best vehicles); plans saved before groups existed keep every vehicle, so they are grouped here.
 */
export function blockingRule(vehicles: readonly VehicleExplanation[], nameOf: (vehicleId: string) => string, groups: readonly ReasonGroup[] = groupsOf(vehicles)): string {
  if (groups.length === 0) return 'No vehicle in the fleet: add one to plan this order';
  const fitting = vehicles.filter((v) => v.reason === 'none').sort(byScore);
  if (fitting.length > 0) return `Fits on ${nameOf(fitting[0].vehicleId)} as it is: drag it onto the route or optimize again`;
  // Rules in the order of their smallest fix, like the fix list below them.
  const blocked = groups.filter((g) => g.reason !== 'none');
  if (blocked.length === 1) return blocked[0].reason === 'skill-or-crew' ? capabilityRule(blocked[0]) : EVERY[blocked[0].reason as Exclude<BlockReason, 'none'>];
  const parts = blocked.map((g) => `${LABEL[g.reason]} (${g.count <= MAX_NAMED ? g.vehicleIds.map(nameOf).join(', ') : plural(g.count, 'vehicle')})`);
  return `Blocked by ${parts.join('; ')}`;
}

/** Skills and crew block alike; say which of the two it is when every vehicle agrees. */
function capabilityRule(group: ReasonGroup): string {
  if (!group.rules.includes('crew-size')) return 'Skill: no vehicle has the skill it needs';
  if (!group.rules.includes('skill')) return 'Crew size: no vehicle has a crew that large';
  return EVERY['skill-or-crew'];
}

/** The blocking rule and up to `limit` per-vehicle fixes, smallest first. */
export function describeExplanation(explanation: Explanation, vehicles: readonly Pick<Vehicle, 'id' | 'name'>[], limit = 3): OrderWhy {
  const names = new Map(vehicles.map((v) => [v.id, v.name]));
  const nameOf = (vehicleId: string) => names.get(vehicleId) || vehicleId;
  if (explanation.vehicles.length === 0 && vehicles.length > 0) return { rule: explanation.summary, fixes: [] };
  const fixes = [...explanation.vehicles].sort(byScore).slice(0, limit).map((v) => vehicleFixLine(v, nameOf(v.vehicleId)));
  return { rule: blockingRule(explanation.vehicles, nameOf, explanation.groups), fixes };
}
