// How a stop's dot looks on the map (StopMarkers.tsx): coloured by route, unassigned stops as hollow red rings,
// a risk ring once the plan's risk is estimated, a shipment's pickup place as a smaller white circle ringed in
// its colour, the selected stop enlarged with a dark ring. While a route is active (opened, or holding the
// selected stop) the other routes' stops are faded, as their lines are (RouteLayer.tsx): at thousands of stops
// their dots would otherwise hide the active route.
import type L from 'leaflet';
import type { OrderLevels, RiskLevel } from '../store/risk';
import { UNASSIGNED_COLOR, type StopPoint } from './projection';

export type CircleStyle = Required<Pick<L.CircleMarkerOptions, 'radius' | 'color' | 'weight' | 'fillColor' | 'fillOpacity'>>;

/** The ring of a planned stop by its risk (issue #14): none when low or not estimated, amber when medium, red when high. */
const RISK_RING: Record<RiskLevel, Partial<CircleStyle>> = {
  low: {},
  medium: { color: '#d97706', weight: 2.5 },
  high: { color: '#b91c1c', weight: 3 },
};

/** A stop's circle: selected (drawn apart, on top), unassigned, or planned with its risk ring. */
export function stopStyle(stop: StopPoint, selected: boolean, risk?: RiskLevel): CircleStyle {
  if (selected) {
    return { radius: 10, color: '#111827', weight: 3, fillColor: stop.status === 'unassigned' ? '#ffffff' : stop.color, fillOpacity: 1 };
  }
  if (stop.status === 'unassigned') {
    return { radius: 7, color: UNASSIGNED_COLOR, weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
  }
  return { radius: 6, color: '#ffffff', weight: 1.5, fillColor: stop.color, fillOpacity: 0.95, ...(risk ? RISK_RING[risk] : {}) };
}

/** A planned stop (or pickup place) of a route other than the active one: smaller, see-through, no ring. */
function fadedStyle(stop: StopPoint, pickup: boolean): CircleStyle {
  return { radius: pickup ? 4 : 5, color: stop.color, weight: 0, fillColor: stop.color, fillOpacity: 0.25 };
}

/** A shipment's pickup place: a smaller white circle ringed in its route's colour (red when unassigned). */
export function pickupStyle(stop: StopPoint, selected: boolean): CircleStyle {
  const ring = stop.status === 'unassigned' ? UNASSIGNED_COLOR : stop.color;
  if (selected) return { radius: 8, color: '#111827', weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
  return { radius: 5, color: ring, weight: 3, fillColor: '#ffffff', fillOpacity: 1 };
}

/**
 * Looks of a stop's dots: planned by risk (none, medium, high), unassigned, pickup place (routed or not, unassigned),
 * and faded (stop, pickup place) on a route other than the active one.
 */
export enum Look { Planned, Medium, High, Unassigned, Pickup, PickupUnassigned, Faded, PickupFaded }

/** True when `stop` is planned on a route other than `active` (none active: no stop is faded). */
const faded = (stop: StopPoint, active: string | null) => active !== null && stop.status === 'planned' && stop.vehicleId !== active;

/**
 * The order the stops' dots are drawn in (the last on top): with a route active, the faded stops first, so the
 * active route's dots and the unassigned ones are never under another route's; otherwise the stops' own order.
 * Null when that is the stops' own order.
 */
export function drawOrder(stops: readonly StopPoint[], active: string | null): Int32Array | null {
  if (active === null) return null;
  const order = new Int32Array(stops.length);
  let at = 0;
  for (let i = 0; i < stops.length; i++) if (faded(stops[i], active)) order[at++] = i;
  for (let i = 0; i < stops.length; i++) if (!faded(stops[i], active)) order[at++] = i;
  return order;
}

/** The look of a stop's dot with its risk, `active` being the active route (or null). Unassigned stops are never faded. */
export function stopLook(stop: StopPoint, risk: RiskLevel | undefined, active: string | null): Look {
  if (stop.status === 'unassigned') return Look.Unassigned;
  if (faded(stop, active)) return Look.Faded;
  return risk === 'high' ? Look.High : risk === 'medium' ? Look.Medium : Look.Planned;
}

/** The look of a shipment's pickup place, as `stopLook`. */
export function pickupLook(stop: StopPoint, active: string | null): Look {
  if (stop.status === 'unassigned') return Look.PickupUnassigned;
  return faded(stop, active) ? Look.PickupFaded : Look.Pickup;
}

/** The circle of a look (the selected stop is drawn apart, in `stopStyle(stop, true)`). */
export function lookStyle(stop: StopPoint, look: Look, risk?: RiskLevel): CircleStyle {
  if (look === Look.Faded || look === Look.PickupFaded) return fadedStyle(stop, look === Look.PickupFaded);
  return look >= Look.Pickup ? pickupStyle(stop, false) : stopStyle(stop, false, risk);
}

/**
 * The risk level of each of `stops` (same index): a planned stop's order's level, none for a stop not planned. One
 * lookup per stop, shared by the dots and the region's counts (MapView.tsx).
 */
export function riskPerStop(stops: readonly StopPoint[], levelOf: OrderLevels): (RiskLevel | undefined)[] {
  return stops.map((s) => (s.status === 'planned' ? levelOf(s.orderId) : undefined));
}
