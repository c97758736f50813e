// Re-delivery orders: a failed attempt becomes a new order of service type
// `re-delivery`, linked to the failed one, that keeps the customer's promise
// (place, windows) and what the work needs (crew, skills, minutes, amounts).
import type { Order, Settings } from '../scenario';
import { resolveOrder } from '../service-types';
import type { ShipmentSide } from './events';

/**
 * The re-delivery of `failed` with id `id`. Its own priority is the failed
 * order's: the catalogue's `re-delivery` boost raises it when resolved
 * (service-types.ts), so it is not added twice. Crew, skills and service
 * minutes of the failed work are kept as overrides (the re-delivery type's
 * defaults would send one person without the skills); a shipment that failed
 * at its delivery is re-delivered from the depot (its goods went back there),
 * one that failed at its pickup is tried again whole.
 */
export function makeRedelivery(settings: Settings, failed: Order, id: string, side?: ShipmentSide): Order {
  const needs = resolveOrder(settings, failed);
  const collects = needs.pickup.some((a) => a > 0);
  const redelivery: Order = {
    ...failed,
    id,
    serviceType: 're-delivery',
    failedOrderId: failed.id,
    amounts: [...needs.delivery],
    crewSize: needs.crewSize,
    skills: [...needs.skills],
    timeWindows: failed.timeWindows.map((w) => ({ ...w })),
    extra: { ...failed.extra },
  };
  delete redelivery.pickupAmounts;
  if (collects) redelivery.pickupAmounts = [...needs.pickup];
  if (side === 'delivery' || !failed.pickup) delete redelivery.pickup;
  return redelivery;
}
