// Rule ids of the checker and the violation record it lists, with the small
// helpers that build messages (every message names the order or vehicle).
import { formatClock } from './format';
import type { Vehicle } from './scenario';

/**
 * Every rule the checker knows. Plan-level: unknown-vehicle, vehicle-reused,
 * unknown-order, order-repeated, order-missing, route-shape (start/end depot
 * of the vehicle), time-mismatch, distance-mismatch, cost-mismatch.
 * Route rules (route-eval.ts): the rest.
 */
export const RULES = {
  'unknown-vehicle': 'route uses a vehicle the scenario does not have',
  'vehicle-reused': 'a vehicle has more than one route',
  'unknown-order': 'route visits an order the scenario does not have',
  'order-repeated': 'an order is served twice, or both served and unassigned',
  'order-missing': 'an order is neither served nor listed as unassigned',
  'route-shape': "route must start at the vehicle's start depot and end at its end depot",
  'time-mismatch': 'reported arrival or service start differs from the recomputation',
  'distance-mismatch': 'reported route distance differs from the recomputation',
  'cost-mismatch': 'reported route cost differs from the recomputation',
  'stop-type': 'a shipment needs pickup + delivery steps, any other order one job step',
  'time-window': 'service starts outside every window (plus any lateness allowance)',
  shift: 'route starts before the shift or ends after it (plus any overtime allowance)',
  'depot-hours': 'route leaves its start depot before it opens or reaches its end depot after it closes',
  capacity: 'load exceeds capacity at some point of the route, in some unit',
  skill: "the vehicle's crew and features lack a skill the order needs",
  'crew-size': 'the crew is smaller than the order needs',
  'shipment-precedence': 'a shipment is delivered before it is picked up',
  'shipment-split': 'pickup and delivery of a shipment are not on the same route',
  'break-window': 'a break starts after its windows close',
  'break-missing': 'a used vehicle does not take one of its breaks',
  'break-unknown': 'a break step names a break the vehicle does not have',
  'break-repeated': 'a break is taken twice',
  'max-stops': 'route has more stops than the vehicle allows',
  'max-duration': 'route lasts longer than the vehicle allows',
  'max-driving': 'route drives longer than the vehicle allows',
  'max-distance': "route is longer than the vehicle's range",
} as const;
export type RuleId = keyof typeof RULES;

export interface Violation {
  /** Machine-readable rule id, e.g. `time-window`, `capacity`, `shift` (see RULES). */
  rule: string;
  vehicleId?: string;
  orderId?: string;
  message: string;
  /** How far past the limit, in the rule's unit: seconds, metres, stops, crew members or the capacity unit. */
  amount?: number;
  /** Capacity unit of a `capacity` violation. */
  unit?: string;
  /** Missing skills of a `skill` violation. */
  skills?: string[];
  breakId?: string;
  depotId?: string;
  /** True when the rule broke at a shipment's pickup (a `time-window` one); unset at its delivery and at a job. */
  atPickup?: boolean;
}

/** Details a violation may carry besides its rule, vehicle and message. */
export type ViolationDetail = Omit<Violation, 'rule' | 'vehicleId' | 'message'>;

/** Appends a violation of `vehicle`'s route. */
export function fail(into: Violation[], rule: RuleId, vehicle: Pick<Vehicle, 'id'>, message: string, detail: ViolationDetail = {}): void {
  into.push({ rule, vehicleId: vehicle.id, message, ...detail });
}

/** Seconds since midnight → "HH:MM" (the next day as "01:10 +1"), as every panel writes a time. */
export function clock(seconds: number): string {
  return formatClock(seconds);
}
