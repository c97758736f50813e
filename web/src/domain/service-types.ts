// The service-type catalogue (DOMAIN.md defaults) and the resolution of an
// order's effective requirements: service time, crew, skills, delivered and
// collected amounts, windows, priority and unassigned penalty.
import type { Order, PickupBehaviour, Scenario, ServiceType, ServiceTypeSpec, Settings, TimeWindow, Vehicle } from './scenario';

/** DOMAIN.md's catalogue; `settings.serviceTypes` replaces entries the user edited. */
export const DEFAULT_SERVICE_TYPES: Readonly<Record<ServiceType, ServiceTypeSpec>> = {
  curbside: { label: 'Threshold / curbside', baseMinutes: 5, minutesPerItem: 0, crewSize: 1, skills: [], pickup: 'none', priorityBoost: 0 },
  'room-of-choice': { label: 'Room of choice', baseMinutes: 15, minutesPerItem: 0, crewSize: 2, skills: [], pickup: 'none', priorityBoost: 0 },
  'white-glove': { label: 'White glove', baseMinutes: 30, minutesPerItem: 0, crewSize: 2, skills: ['white-glove'], pickup: 'none', priorityBoost: 0 },
  installation: { label: 'Installation', baseMinutes: 60, minutesPerItem: 0, crewSize: 1, skills: ['installer'], pickup: 'none', priorityBoost: 0 },
  'haul-away': { label: 'Haul-away', baseMinutes: 15, minutesPerItem: 0, crewSize: 1, skills: [], pickup: 'haul-away', priorityBoost: 0 },
  return: { label: 'Return', baseMinutes: 10, minutesPerItem: 0, crewSize: 1, skills: [], pickup: 'pickup-only', priorityBoost: 0 },
  're-delivery': { label: 'Re-delivery', baseMinutes: 10, minutesPerItem: 0, crewSize: 1, skills: [], pickup: 'none', priorityBoost: 3 },
};

/** Default unassigned penalty: the same scale the solver's encoder uses (100 000 × (1 + priority)). */
export const DEFAULT_UNASSIGNED_PENALTY = { base: 100_000, perPriority: 100_000 } as const;

/** Capacity unit names that count items when `settings.itemUnit` is not set. */
const ITEM_UNIT_NAMES = ['items', 'item', 'pieces', 'pcs', 'parcels'];

/** What serving an order takes, after the service type's defaults and the order's overrides. */
export interface OrderNeeds {
  orderId: string;
  /** Seconds on site at the customer (the delivery stop of a shipment). */
  serviceS: number;
  crewSize: number;
  /** Skills or features the vehicle must offer (crew skills ∪ vehicle features). */
  skills: string[];
  /** Loaded at the start depot (or at the pickup, for a shipment) and left at the customer. */
  delivery: number[];
  /** Collected at the customer and carried to the end depot. Always zero for a shipment. */
  pickup: number[];
  timeWindows: TimeWindow[];
  /** Order priority plus the type's boost, capped at 10. */
  priority: number;
  /** Present for a shipment: the pickup stop's service seconds and windows. */
  shipment?: { serviceS: number; timeWindows: TimeWindow[] };
}

/** The catalogue entry in effect for a type. */
export function serviceTypeSpec(settings: Settings, type: ServiceType): ServiceTypeSpec {
  return settings.serviceTypes?.[type] ?? DEFAULT_SERVICE_TYPES[type];
}

/** Index of the capacity unit that counts items, or -1. */
export function itemUnitIndex(settings: Settings): number {
  if (settings.itemUnit) return settings.capacityUnits.indexOf(settings.itemUnit);
  return settings.capacityUnits.findIndex((u) => ITEM_UNIT_NAMES.includes(u.toLowerCase()));
}

/**
 * Minutes on site the catalogue suggests for an order: base + per item
 * (items = the order's amount in the item unit, at least 1). Used to fill
 * `order.serviceMinutes` when an order is created or imported without one.
 */
export function suggestServiceMinutes(settings: Settings, order: Pick<Order, 'serviceType' | 'amounts'>): number {
  const spec = serviceTypeSpec(settings, order.serviceType);
  const k = itemUnitIndex(settings);
  const items = k >= 0 ? Math.max(1, order.amounts[k] ?? 0) : 1;
  return Math.min(2880, Math.round(spec.baseMinutes + spec.minutesPerItem * items));
}

function amountsFor(behaviour: PickupBehaviour, order: Order, units: number): { delivery: number[]; pickup: number[] } {
  const zeros = Array.from({ length: units }, () => 0);
  if (order.pickup) return { delivery: [...order.amounts], pickup: zeros };
  if (behaviour === 'pickup-only') return { delivery: zeros, pickup: [...(order.pickupAmounts ?? order.amounts)] };
  if (behaviour === 'haul-away') return { delivery: [...order.amounts], pickup: [...(order.pickupAmounts ?? order.amounts)] };
  return { delivery: [...order.amounts], pickup: [...(order.pickupAmounts ?? zeros)] };
}

/**
 * Resolves an order's effective requirements. Pickup behaviour of the type:
 * `none` delivers `amounts` (and collects `pickupAmounts` if given);
 * `haul-away` delivers `amounts` and collects `pickupAmounts`, by default the same as delivered;
 * `pickup-only` delivers nothing and collects `pickupAmounts ?? amounts`.
 * A shipment (order with `pickup`) carries `amounts` from its pickup to its delivery.
 */
export function resolveOrder(settings: Settings, order: Order): OrderNeeds {
  const spec = serviceTypeSpec(settings, order.serviceType);
  const { delivery, pickup } = amountsFor(spec.pickup, order, settings.capacityUnits.length);
  return {
    orderId: order.id,
    serviceS: order.serviceMinutes * 60,
    crewSize: order.crewSize ?? spec.crewSize,
    skills: [...(order.skills ?? spec.skills)],
    delivery,
    pickup,
    timeWindows: order.timeWindows,
    priority: Math.min(10, order.priority + spec.priorityBoost),
    shipment: order.pickup ? { serviceS: order.pickup.serviceMinutes * 60, timeWindows: order.pickup.timeWindows } : undefined,
  };
}

/** Resolves every order of a scenario, by order id. */
export function resolveOrders(scenario: Pick<Scenario, 'settings' | 'orders'>): Map<string, OrderNeeds> {
  return new Map(scenario.orders.map((o) => [o.id, resolveOrder(scenario.settings, o)]));
}

/** Penalty for leaving an order of this (resolved) priority unassigned. */
export function unassignedPenalty(settings: Settings, priority: number): number {
  const p = settings.unassignedPenalty ?? DEFAULT_UNASSIGNED_PENALTY;
  return p.base + p.perPriority * priority;
}

/** What a vehicle lacks to serve an order: missing skills and crew shortfall (empty/0 = capable). */
export function capabilityGap(vehicle: Vehicle, needs: OrderNeeds): { missingSkills: string[]; crewShort: number } {
  if (!vehicle.crew) return { missingSkills: [], crewShort: 0 };
  const offered = new Set([...vehicle.crew.skills, ...(vehicle.features ?? [])]);
  return {
    missingSkills: needs.skills.filter((s) => !offered.has(s)),
    crewShort: Math.max(0, needs.crewSize - vehicle.crew.size),
  };
}
