// What a driver's phone receives for one route (issue #13): everything the
// driver view shows, with no reference back to the dispatcher's scenario, so
// it can travel in a URL fragment, a QR code or a route file. Built by
// route-payload.ts from the scenario, its plan and (once dispatched) the day.

/** A window of a stop, minutes of the day. */
export interface DriverWindow { start: number; end: number }

/** One stop of the route, in driving order. */
export interface DriverStop {
  /** The order's id in the dispatcher's scenario (events name it). */
  order: string;
  /** Which stop of a shipment; absent for a single-stop order. */
  side?: 'pickup' | 'delivery';
  customerName: string;
  phone: string;
  address: string;
  lat: number;
  lng: number;
  /** Promised windows (empty: any time). */
  windows: DriverWindow[];
  /** Planned (or predicted) arrival, minutes of the day. */
  eta: number;
  serviceMinutes: number;
  /** The service type's display name (e.g. "White glove"). */
  serviceType: string;
  /** Notes for the crew (door codes, access…). */
  notes: string;
  /** What is delivered or collected, as text ("2 × 30 kg, 1 m³"). */
  items: string;
}

/** A break of the route, minutes of the day. */
export interface DriverBreak { start: number; minutes: number; label: string }

/** One route, as the driver view needs it. */
export interface DriverRoute {
  /** Format marker of the payload and the route file. */
  type: 'fmp-route';
  version: 1;
  /** Identifies this hand-off (scenario id + vehicle + plan revision): the phone keeps its work per route id. */
  routeId: string;
  scenarioName: string;
  /** The scenario's date, YYYY-MM-DD. */
  date: string;
  vehicle: { id: string; name: string };
  start: { name: string; lat: number; lng: number; departure: number };
  end: { name: string; lat: number; lng: number; arrival: number };
  stops: DriverStop[];
  breaks: DriverBreak[];
}
