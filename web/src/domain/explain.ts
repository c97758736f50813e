// Why an order is unassigned (or served late under a soft window): for every
// vehicle, the least-violating insertion of the order into that vehicle's route,
// the rule that blocks it and the smallest relaxation that would let it in.
import { formatCostDelta, formatCount, plural } from './format';
import type { Order, Scenario, Vehicle } from './scenario';
import type { Solution, Step } from './solution';
import { earliestDepartureS, evaluateRoute, makeEvalContext, round2, type EvalContext, type LateStop, type StopRef } from './route-eval';
import { capabilityGap } from './service-types';
import type { RuleId, Violation } from './violations';

/** The kinds of blocking reason DOMAIN.md names; `none` = the order fits. */
export type BlockReason = 'skill-or-crew' | 'capacity' | 'window' | 'shift-or-depot' | 'range' | 'max-stops' | 'duration' | 'break' | 'other' | 'none';

/** One relaxation in plain words, e.g. "allow 8 min overtime on Van 3". */
export interface Fix {
  rule: string;
  /** Size of the relaxation in the rule's unit (see Violation.amount). */
  amount: number;
  text: string;
}

/** The best insertion of the order on one vehicle. */
export interface VehicleExplanation {
  vehicleId: string;
  /** Rule that blocks the least-violating insertion, or null when the order fits. */
  blockedBy: string | null;
  reason: BlockReason;
  /** Index among the route's stops where the order would go (-1: blocked whatever the position). */
  position: number;
  /** Every relaxation the best insertion needs; empty when it fits. */
  fixes: Fix[];
  /** "Van 3: allow 8 min overtime" or "Van 3: fits at stop 4 (+12.40 cost)". */
  text: string;
  /** Route cost added by the insertion (fits only). */
  costDelta?: number;
  /** Internal ranking: fewer and smaller relaxations first. */
  score: number;
}

/** Vehicles blocked by one rule (or fitting, reason `none`) over the whole fleet. */
export interface ReasonGroup {
  reason: BlockReason;
  /** Vehicles in the group. */
  count: number;
  /** The first MAX_GROUP_IDS of them, in fleet order. */
  vehicleIds: string[];
  /** Every rule their fixes relax (tells a skill block from a crew block). */
  rules: string[];
}

export interface Explanation {
  orderId: string;
  kind: 'unassigned' | 'late';
  /** Seconds late, for a stop served late under its allowance. */
  lateS?: number;
  /** The VEHICLES_KEPT vehicles with the smallest fixes, in fleet order (every vehicle in a smaller fleet). */
  vehicles: VehicleExplanation[];
  /**
   * The whole fleet by blocking rule, the rule with the smallest fix first. Absent in plans saved before
   * it existed: their `vehicles` hold the whole fleet (see `groupsOf`).
   */
  groups?: ReasonGroup[];
  /** The smallest fix over the fleet, in plain words. */
  summary: string;
}

/**
 * Vehicles an explanation keeps: the panel shows the best three. The rest of a 1,000-vehicle fleet made one
 * explained order 300 kB of a stored plan; the groups still count them.
 */
export const VEHICLES_KEPT = 10;
/** Vehicle ids a group keeps (a group of more is counted, not listed). */
export const MAX_GROUP_IDS = 3;

const REASON: Record<RuleId, BlockReason> = {
  skill: 'skill-or-crew', 'crew-size': 'skill-or-crew', capacity: 'capacity', 'time-window': 'window',
  shift: 'shift-or-depot', 'depot-hours': 'shift-or-depot', 'max-distance': 'range', 'max-stops': 'max-stops',
  'max-duration': 'duration', 'max-driving': 'duration', 'break-window': 'break', 'break-missing': 'break',
  'break-unknown': 'break', 'break-repeated': 'break', 'unknown-vehicle': 'other', 'vehicle-reused': 'other',
  'unknown-order': 'other', 'order-repeated': 'other', 'order-missing': 'other', 'route-shape': 'other',
  'time-mismatch': 'other', 'distance-mismatch': 'other', 'cost-mismatch': 'other', 'stop-type': 'other',
  'shipment-precedence': 'other', 'shipment-split': 'other',
};

/** A skill or crew block cannot be relaxed by moving stops: rank it after every other fix. */
const CAPABILITY_SCORE = 1e9;
/** Each extra broken rule weighs more than any single relaxation amount. */
const PER_RULE_SCORE = 1e5;

type Input = Pick<Solution, 'routes' | 'unassigned'>;

/**
 * Explains every unassigned order and the stops served late under a soft window, the first `lateAtMost`
 * of them in route order (each tries every position of every vehicle; the panel explains any other on demand).
 */
export function explainSolution(scenario: Scenario, solution: Input, lateAtMost = Infinity): Explanation[] {
  const ctx = makeEvalContext(scenario);
  const out = solution.unassigned.filter((u) => ctx.orders.has(u.orderId)).map((u) => explainWith(ctx, solution, u.orderId, 'unassigned'));
  let late = 0;
  for (const route of solution.routes) {
    if (late >= lateAtMost) break;
    const vehicle = scenario.vehicles.find((v) => v.id === route.vehicleId);
    if (!vehicle) continue;
    const stops = route.steps.filter((s) => s.type !== 'start' && s.type !== 'end');
    const ev = evaluateRoute(ctx, vehicle, stops, route.steps[0]?.departureS);
    // A shipment late at both legs is one order to explain, as late as its later leg.
    const lateS = new Map<string, number>();
    for (const stop of ev.lateStops) lateS.set(stop.orderId, Math.max(lateS.get(stop.orderId) ?? 0, stop.lateS));
    for (const [orderId, s] of [...lateS].slice(0, lateAtMost - late)) out.push({ ...explainWith(ctx, solution, orderId, 'late'), lateS: s });
    late += Math.min(lateS.size, lateAtMost - late);
  }
  return out;
}

/** Explains one order: unassigned, or (kind `late`) taken out of its route and re-inserted. */
export function explainOrder(scenario: Scenario, solution: Input, orderId: string, kind: Explanation['kind'] = 'unassigned'): Explanation {
  return explainWith(makeEvalContext(scenario), solution, orderId, kind);
}

function explainWith(ctx: EvalContext, solution: Input, orderId: string, kind: Explanation['kind']): Explanation {
  const order = ctx.orders.get(orderId);
  if (!order) return { orderId, kind, vehicles: [], summary: `order '${orderId}' is not in the scenario` };
  const routes = new Map(solution.routes.map((r) => [r.vehicleId, r]));
  const vehicles = ctx.scenario.vehicles.map((vehicle) => {
    const base = (routes.get(vehicle.id)?.steps ?? []).filter((s) => s.type !== 'start' && s.type !== 'end' && s.id !== orderId);
    return explainVehicle(ctx, vehicle, order, base);
  });
  const ranked = [...vehicles].sort(byScore);
  const summary = ranked.length ? summaryOf(ctx, order, ranked[0], vehicles) : 'no vehicle in the fleet';
  const kept = new Set(ranked.slice(0, VEHICLES_KEPT));
  return { orderId, kind, vehicles: vehicles.filter((v) => kept.has(v)), groups: groupsOf(vehicles), summary };
}

const byScore = (a: VehicleExplanation, b: VehicleExplanation) => a.score - b.score;

/** The fleet's vehicles by blocking rule, the rule with the smallest fix first; ids in fleet order. */
export function groupsOf(vehicles: readonly VehicleExplanation[]): ReasonGroup[] {
  const groups = new Map<BlockReason, ReasonGroup & { best: number }>();
  for (const v of vehicles) {
    let group = groups.get(v.reason);
    if (!group) groups.set(v.reason, (group = { reason: v.reason, count: 0, vehicleIds: [], rules: [], best: v.score }));
    group.count++;
    if (group.vehicleIds.length < MAX_GROUP_IDS) group.vehicleIds.push(v.vehicleId);
    group.best = Math.min(group.best, v.score);
    for (const fix of v.fixes) if (!group.rules.includes(fix.rule)) group.rules.push(fix.rule);
  }
  return [...groups.values()].sort((a, b) => a.best - b.best).map(({ best: _, ...group }) => group);
}

/** Every stop sequence with the order inserted (a shipment: pickup before delivery). */
function insertions(order: Order, base: StopRef[]): { stops: StopRef[]; position: number }[] {
  const out: { stops: StopRef[]; position: number }[] = [];
  for (let i = 0; i <= base.length; i++) {
    if (!order.pickup) {
      out.push({ stops: [...base.slice(0, i), { type: 'job', id: order.id }, ...base.slice(i)], position: i });
      continue;
    }
    for (let j = i; j <= base.length; j++) {
      const stops = [...base.slice(0, i), { type: 'pickup' as const, id: order.id }, ...base.slice(i, j), { type: 'delivery' as const, id: order.id }, ...base.slice(j)];
      out.push({ stops, position: i });
    }
  }
  return out;
}

/** Base stops of a vehicle: its route's, or only its breaks (by window) when it is unused. */
function baseStops(vehicle: Vehicle, steps: Step[]): StopRef[] {
  if (steps.some((s) => s.type !== 'break')) return steps.map((s) => ({ type: s.type, id: s.id }));
  const breaks = [...(vehicle.breaks ?? [])].sort((a, b) => a.timeWindows[0].start - b.timeWindows[0].start);
  return breaks.map((b) => ({ type: 'break', id: b.id }));
}

function explainVehicle(ctx: EvalContext, vehicle: Vehicle, order: Order, steps: Step[]): VehicleExplanation {
  const needs = ctx.needs.get(order.id)!;
  const gap = capabilityGap(vehicle, needs);
  if (gap.missingSkills.length || gap.crewShort > 0) return capabilityBlock(ctx, vehicle, order, gap);
  const base = baseStops(vehicle, steps);
  const departS = earliestDepartureS(ctx, vehicle);
  const before = base.some((s) => s.type !== 'break') ? evaluateRoute(ctx, vehicle, base, departS) : null;
  const known = new Set((before?.violations ?? []).map(violationKey));
  // Plain-words fixes are written for the best insertion only: one vehicle tries every position.
  let best: { candidate: number; violations: Violation[]; blockedBy: string | null; costDelta: number; score: number } | null = null;
  const candidates = insertions(order, base);
  for (let c = 0; c < candidates.length; c++) {
    const ev = evaluateRoute(ctx, vehicle, candidates[c].stops, departS);
    const introduced = ev.violations.filter((v) => !known.has(violationKey(v)));
    const late = ev.lateStops.filter((l) => l.orderId === order.id).map((l) => lateAsViolation(vehicle, l));
    const violations = [...introduced, ...late];
    const costDelta = ev.cost - (before?.cost ?? 0);
    const score = violations.length * PER_RULE_SCORE + violations.reduce((acc, v) => acc + scoreOf(v.rule, v.amount ?? 0), 0) + costDelta * 1e-6;
    if (best && best.score <= score) continue;
    // Late under its allowance breaks no rule, but the window is what keeps it from being on time.
    best = { candidate: c, violations, blockedBy: introduced[0]?.rule ?? (late.length > 0 ? 'time-window' : null), costDelta, score };
  }
  const { candidate, violations, blockedBy, costDelta, score } = best!;
  const fixes = violations.map((v) => fixFor(ctx, vehicle, order, v));
  const position = candidates[candidate].position;
  const reason: BlockReason = blockedBy ? REASON[blockedBy as RuleId] ?? 'other' : 'none';
  const text = `${vehicle.name}: ${fixes.length ? fixes.map((f) => f.text).join(' and ') : `fits at stop ${formatCount(position + 1)} (${formatCostDelta(costDelta)} cost)`}`;
  return { vehicleId: vehicle.id, blockedBy, reason, position, fixes, score, text, ...(fixes.length === 0 ? { costDelta } : {}) };
}

function violationKey(v: Violation): string {
  return `${v.rule}|${v.orderId ?? ''}|${v.atPickup ? 'pickup' : ''}|${v.breakId ?? ''}|${v.unit ?? ''}|${v.depotId ?? ''}`;
}

/** A stop served late under its allowance still costs: its fix is to widen the window. */
function lateAsViolation(vehicle: Vehicle, late: LateStop): Violation {
  const v: Violation = { rule: 'time-window', vehicleId: vehicle.id, orderId: late.orderId, amount: late.lateS, message: `order '${late.orderId}' is late` };
  return late.atPickup ? { ...v, atPickup: true } : v;
}

function capabilityBlock(ctx: EvalContext, vehicle: Vehicle, order: Order, gap: ReturnType<typeof capabilityGap>): VehicleExplanation {
  const fixes: Fix[] = gap.missingSkills.map((skill) => ({ rule: 'skill', amount: 1, text: skillText(ctx, vehicle, skill) }));
  if (gap.crewShort > 0) {
    const needed = ctx.needs.get(order.id)!.crewSize;
    fixes.push({ rule: 'crew-size', amount: gap.crewShort, text: `needs a crew of ${needed} (${vehicle.name} has ${needed - gap.crewShort})` });
  }
  return {
    vehicleId: vehicle.id, blockedBy: fixes[0].rule, reason: 'skill-or-crew', position: -1, fixes,
    score: CAPABILITY_SCORE + fixes.length * PER_RULE_SCORE, text: `${vehicle.name}: ${fixes.map((f) => f.text).join(' and ')}`,
  };
}

/**
 * Vehicles a skill fix names as holding the skill; the rest are counted. Every vehicle's line of every
 * explained order carries this text: naming all 1,000 holders made a 10,000-order plan's explanations 30 MB.
 */
const HOLDERS_NAMED = 3;

/** Per evaluation context, the words naming a skill's holders (the fleet is scanned once per skill). */
const holderWords = new WeakMap<EvalContext, Map<string, string>>();

function skillText(ctx: EvalContext, vehicle: Vehicle, skill: string): string {
  let known = holderWords.get(ctx);
  if (!known) holderWords.set(ctx, (known = new Map()));
  let where = known.get(skill);
  if (where === undefined) {
    const holders = ctx.scenario.vehicles.filter((v) => !v.crew || v.crew.skills.includes(skill) || (v.features ?? []).includes(skill));
    const named = holders.slice(0, HOLDERS_NAMED).map((v) => v.name).join(', ');
    const more = holders.length - HOLDERS_NAMED;
    where = holders.length === 0 ? 'none in the fleet'
      : more > 0 ? `${named} and ${formatCount(more)} more have it` : `${named} ${holders.length === 1 ? 'has' : 'have'} it`;
    known.set(skill, where);
  }
  return `needs a vehicle with skill ${skill} (${vehicle.name} lacks it; ${where})`;
}

/** A relaxation in whole minutes, at least 1, with separators ("1,200"). */
const minutesOf = (seconds: number) => formatCount(Math.max(1, Math.ceil(seconds / 60)));

/** Plain words for the relaxation a violation asks for. */
function fixFor(ctx: EvalContext, vehicle: Vehicle, order: Order, v: Violation): Fix {
  const amount = v.amount ?? 0;
  const name = vehicle.name;
  const depot = ctx.depots.get(v.depotId ?? '');
  const texts: Partial<Record<RuleId, () => string>> = {
    'time-window': () => {
      // A shipment has two windows: say which one.
      const which = v.atPickup ? 'pickup window' : ctx.orders.get(v.orderId ?? '')?.pickup ? 'delivery window' : 'window';
      return v.orderId === order.id ? `widen the ${which} by ${minutesOf(amount)} min` : `widen the ${which} of order '${v.orderId}' by ${minutesOf(amount)} min`;
    },
    shift: () => `allow ${minutesOf(amount)} min overtime on ${name}`,
    'depot-hours': () => `keep depot '${depot?.name || v.depotId}' open ${minutesOf(amount)} min longer`,
    capacity: () => `${name} needs ${round2(amount)} ${v.unit} more capacity`,
    'max-stops': () => `allow ${plural(amount, 'more stop')} on ${name}`,
    'max-duration': () => `allow ${minutesOf(amount)} min more route duration on ${name}`,
    'max-driving': () => `allow ${minutesOf(amount)} min more driving on ${name}`,
    'max-distance': () => `${name} needs ${round2(Math.ceil(amount / 10) / 100)} km more range`,
    'break-window': () => `widen break '${v.breakId}' of ${name} by ${minutesOf(amount)} min`,
  };
  const text = texts[v.rule as RuleId]?.() ?? v.message;
  return { rule: v.rule, amount, text };
}

/** Comparable size of a relaxation: minutes, km, capacity units, stops. */
function scoreOf(rule: string, amount: number): number {
  if (rule === 'max-distance') return amount / 1000;
  if (rule === 'capacity' || rule === 'max-stops') return amount * 10;
  return amount / 60;
}

function summaryOf(ctx: EvalContext, order: Order, best: VehicleExplanation, all: VehicleExplanation[]): string {
  if (best.fixes.length === 0) return `order '${order.id}' fits: ${best.text}`;
  if (best.reason === 'skill-or-crew' && all.every((v) => v.reason === 'skill-or-crew')) {
    const missing = [...new Set(all.flatMap((v) => v.fixes.filter((f) => f.rule === 'skill').map((f) => f.text.split(' (')[0])))];
    const noneInFleet = best.fixes.find((f) => f.text.includes('none in the fleet'));
    if (noneInFleet) return `order '${order.id}' ${noneInFleet.text.replace(/\(.*; /, '(')}`;
    if (missing.length) return `order '${order.id}' ${missing.join(' and ')}: ${best.text}`;
  }
  return `order '${order.id}': ${best.text}`;
}
