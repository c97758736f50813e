// Builds the DriverRoute of one vehicle (issue #13): its stops in driving order
// with what the crew needs on site, its breaks and its depots, timed by the plan
// or, once the day is dispatched, by the day's live prediction. Pure.
import type { DayPrediction } from '../day/eta';
import type { Depot, Order, Scenario, Settings } from '../scenario';
import { resolveOrder, serviceTypeSpec } from '../service-types';
import { isOrderStep, type OrderStepType, type Step } from '../solution';
import type { DriverBreak, DriverRoute, DriverStop } from './driver-route';

/** The plan a route is handed off from: the scenario's plan, or the day's dispatched plan. */
export interface HandOffPlan {
  solvedRevision: number;
  solution: { routes: readonly { vehicleId: string; steps: readonly Step[] }[] };
}

/** The dispatched day (the day store's derived state fits): its prediction and its orders, re-deliveries included. */
export interface HandOffDay {
  prediction: Pick<DayPrediction, 'routes'>;
  state: { orders: readonly Order[] };
}

/** An order stop of the route and when its service starts (seconds of the day). */
interface TimedStop {
  type: OrderStepType;
  id: string;
  startS: number;
  /** Service seconds on site; null: not walked (the order's own minutes apply). */
  serviceS: number | null;
}

/** When the route leaves, serves each stop, breaks and returns. */
interface RouteTiming {
  departS: number;
  endS: number;
  stops: TimedStop[];
  breaks: DriverBreak[];
}

/** Seconds of the day → whole minutes, as the manifest shows them (08:05:59 is 08:05). */
const toMinutes = (seconds: number): number => Math.floor(seconds / 60);

/**
 * The route of `vehicleId` as a driver's phone receives it, or null when the
 * vehicle has no route with stops. With `day`, stop order, ETAs and breaks are
 * the day's prediction (repairs and delays included); without, the plan's.
 */
export function buildDriverRoute(scenario: Scenario, plan: HandOffPlan, vehicleId: string, day?: HandOffDay): DriverRoute | null {
  const vehicle = scenario.vehicles.find((v) => v.id === vehicleId);
  const timing = day ? dayTiming(day, vehicleId) : planTiming(plan, vehicleId);
  if (!vehicle || !timing) return null;
  const orders = new Map([...scenario.orders, ...(day?.state.orders ?? [])].map((o) => [o.id, o]));
  const stops = timing.stops.flatMap((s) => {
    const order = orders.get(s.id);
    return order ? [driverStop(scenario.settings, order, s)] : [];
  });
  if (stops.length === 0) return null;
  const start = depotPlace(scenario, vehicle.startDepotId);
  const end = depotPlace(scenario, vehicle.endDepotId);
  return {
    type: 'fmp-route', version: 1,
    routeId: `${scenario.id}:${vehicleId}:${plan.solvedRevision}`,
    scenarioName: scenario.name, date: scenario.settings.date,
    vehicle: { id: vehicle.id, name: vehicle.name || vehicle.id },
    start: { ...start, departure: toMinutes(timing.departS) },
    end: { ...end, arrival: toMinutes(timing.endS) },
    stops, breaks: timing.breaks,
  };
}

function planTiming(plan: HandOffPlan, vehicleId: string): RouteTiming | null {
  const steps = plan.solution.routes.find((r) => r.vehicleId === vehicleId)?.steps ?? [];
  if (steps.length < 2) return null;
  return {
    departS: steps[0].departureS,
    endS: steps[steps.length - 1].arrivalS,
    stops: steps.filter(isOrderStep).map((st) => ({ type: st.type, id: st.id, startS: st.arrivalS + st.waitS, serviceS: st.serviceS })),
    breaks: steps.filter((st) => st.type === 'break')
      .map((st) => ({ start: toMinutes(st.arrivalS + st.waitS), minutes: Math.round(st.serviceS / 60), label: st.id })),
  };
}

/** The day's route as predicted now; a stop without a time (stranded) keeps the time of the stop before it. */
function dayTiming(day: HandOffDay, vehicleId: string): RouteTiming | null {
  const route = day.prediction.routes.find((r) => r.vehicleId === vehicleId);
  if (!route) return null;
  let lastS = route.departS;
  const stops = route.stops.filter((s) => s.status !== 'cancelled').map((s) => {
    lastS = s.startS ?? lastS;
    const step = route.steps.find((x) => x.type === s.type && x.id === s.orderId);
    return { type: s.type, id: s.orderId, startS: lastS, serviceS: step ? step.serviceS : null };
  });
  return {
    departS: route.departS, endS: route.endS, stops,
    breaks: route.breaks.map((b) => ({ start: toMinutes(b.startS), minutes: Math.round((b.endS - b.startS) / 60), label: b.id })),
  };
}

function depotPlace(scenario: Scenario, depotId: string): { name: string; lat: number; lng: number } {
  const depot: Depot | undefined = scenario.depots.find((d) => d.id === depotId);
  return depot ? { name: depot.name || depot.id, lat: depot.lat, lng: depot.lng } : { name: depotId, lat: 0, lng: 0 };
}

function driverStop(settings: Settings, order: Order, stop: TimedStop): DriverStop {
  const place = stop.type === 'pickup' && order.pickup ? order.pickup : order;
  return {
    order: order.id,
    ...(stop.type === 'job' ? {} : { side: stop.type }),
    customerName: order.customerName || order.id,
    phone: order.phone,
    address: place.address,
    lat: place.lat,
    lng: place.lng,
    windows: place.timeWindows.map((w) => ({ start: w.start, end: w.end })),
    eta: toMinutes(stop.startS),
    serviceMinutes: stop.serviceS === null ? place.serviceMinutes : Math.round(stop.serviceS / 60),
    serviceType: stop.type === 'pickup' ? 'Pickup' : serviceTypeSpec(settings, order.serviceType).label,
    notes: order.notes,
    items: itemsText(settings, order, stop.type),
  };
}

/** Amounts as "24 kg, 3 items" (zeros left out; fractions to two decimals). */
function amountsText(settings: Settings, amounts: readonly number[]): string {
  return amounts.flatMap((a, k) => (a > 0 ? [`${Math.round(a * 100) / 100} ${settings.capacityUnits[k] ?? ''}`.trim()] : [])).join(', ');
}

/**
 * What the crew hands over or takes at a stop, from the order's amounts and the
 * capacity units: "24 kg, 3 items", "collect 1 items" (a return), "24 kg · collect 24 kg"
 * (haul-away); a shipment's pickup collects what its delivery hands over.
 */
export function itemsText(settings: Settings, order: Order, type: OrderStepType): string {
  const needs = resolveOrder(settings, order);
  const collect = (text: string) => (text ? `collect ${text}` : '');
  if (type === 'pickup') return collect(amountsText(settings, needs.delivery));
  const parts = [amountsText(settings, needs.delivery), type === 'job' ? collect(amountsText(settings, needs.pickup)) : ''];
  return parts.filter(Boolean).join(' · ');
}
