// Pure projection of a plan onto the timeline (Gantt): one row per vehicle with
// its shift, route span and, per stop, windows, arrival, wait, service and
// lateness in seconds since midnight, plus the hour ticks of the axis.
import { windowStart } from '../domain/route-eval';
import type { Order, Scenario, TimeWindow, Vehicle } from '../domain/scenario';
import { isOrderStep, type OrderStepType, type Solution } from '../domain/solution';

/** One stop as the timeline draws it. */
export interface TimelineStop {
  orderId: string;
  /** `job`, or a shipment's `pickup` or `delivery` (two stops with the same order id). */
  stepType: OrderStepType;
  /** 1-based position among the route's stops (a shipment's pickup and delivery count one each). */
  sequence: number;
  label: string;
  arrivalS: number;
  waitS: number;
  serviceStartS: number;
  departureS: number;
  /** How long after its last window closed the stop is reached; 0 when on time. */
  lateS: number;
  windows: { startS: number; endS: number }[];
}

/** A driver break as the timeline draws it: taken where the vehicle stands, from startS to endS. */
export interface TimelineBreak {
  breakId: string;
  startS: number;
  endS: number;
  /** Its windows (when it may start). */
  windows: { startS: number; endS: number }[];
}

/** One vehicle's row; `stops` (and `breaks`) are empty for an unused vehicle. */
export interface TimelineRow {
  vehicleId: string;
  shiftStartS: number;
  shiftEndS: number;
  /** Leaves and is back at the depot; null for an unused vehicle. */
  span: { startS: number; endS: number } | null;
  stops: TimelineStop[];
  breaks: TimelineBreak[];
}

/** The time range shown and the whole hours inside it. */
export interface TimelineAxis {
  fromS: number;
  toS: number;
  hours: number[];
}

/** Rows for every vehicle of the fleet, in fleet order. */
export function projectTimeline(scenario: Scenario, solution: Solution): TimelineRow[] {
  return scenario.vehicles.map(timelineProjector(scenario, solution));
}

/** `scenario`'s orders by id. */
export const ordersById = (scenario: Scenario): Map<string, Order> => new Map(scenario.orders.map((o) => [o.id, o]));

/**
 * The row of one vehicle of `scenario` (projectTimeline one vehicle at a time, so a large fleet can be
 * projected over several tasks, issue #15); the routes are indexed once, when it is made, and the orders when
 * the first row is (or `index` gives them: an index of this scenario's orders kept from before).
 */
export function timelineProjector(scenario: Scenario, solution: Solution, index?: () => Map<string, Order>): (vehicle: Vehicle) => TimelineRow {
  const routes = new Map(solution.routes.map((r) => [r.vehicleId, r]));
  let byId: Map<string, Order> | null = null;
  return (vehicle) => {
    const orders = (byId ??= index?.() ?? ordersById(scenario));
    const route = routes.get(vehicle.id);
    const steps = route?.steps ?? [];
    const served = steps.filter(isOrderStep);
    const stops = served.map((step, index): TimelineStop => {
      const order = orders.get(step.id);
      const serviceStartS = step.arrivalS + step.waitS;
      return {
        orderId: step.id, stepType: step.type, sequence: index + 1, label: order?.customerName || step.id,
        arrivalS: step.arrivalS, waitS: step.waitS, serviceStartS, departureS: step.departureS,
        lateS: order ? lateness(order, step.arrivalS, step.type) : 0,
        windows: order ? stepWindows(order, step.type).map((w) => ({ startS: w.start * 60, endS: w.end * 60 })) : [],
      };
    });
    const breaks = steps.filter((step) => step.type === 'break').map((step): TimelineBreak => ({
      breakId: step.id, startS: step.arrivalS + step.waitS, endS: step.departureS,
      windows: (vehicle.breaks?.find((b) => b.id === step.id)?.timeWindows ?? []).map((w) => ({ startS: w.start * 60, endS: w.end * 60 })),
    }));
    const span = served.length > 0 ? { startS: steps[0].departureS, endS: steps[steps.length - 1].arrivalS } : null;
    return { vehicleId: vehicle.id, shiftStartS: vehicle.shift.start * 60, shiftEndS: vehicle.shift.end * 60, span, stops, breaks };
  };
}

/**
 * A timeline projector for one plan after another; see reusingProjector. `dataVersion` names the version of the
 * scenario's data (the store's count of data edits): an edit can change an order or a vehicle in place.
 */
export type PlanProjector = (scenario: Scenario, solution: Solution, dataVersion: number) => (vehicle: Vehicle) => TimelineRow;

/**
 * timelineProjector, handing back the row it made for the plan before when nothing the row shows can differ: the
 * same data (the same orders array and vehicle object, at the same data version: the store edits an order or a
 * vehicle in place, in the same array) and a route whose steps have the same ids, types and times. A hand
 * move then makes two rows again, not the fleet's, and the rows on screen keep their stop bars (issue #15). The
 * orders' index is kept with the data too: a 10,000-entry map made for each move, for two rows, was garbage.
 */
export function reusingProjector(): PlanProjector {
  let data: { orders: Scenario['orders']; version: number; index: Map<string, Order> | null } | null = null;
  let made = new Map<string, { vehicle: Vehicle; steps: Solution['routes'][number]['steps']; row: TimelineRow }>();
  return (scenario, solution, dataVersion) => {
    const same = data !== null && data.orders === scenario.orders && data.version === dataVersion;
    const kept = same ? data! : { orders: scenario.orders, version: dataVersion, index: null };
    data = kept;
    const project = timelineProjector(scenario, solution, () => (kept.index ??= ordersById(scenario)));
    const routes = new Map(solution.routes.map((r) => [r.vehicleId, r]));
    const previous = same ? made : new Map<string, never>();
    const next: typeof made = new Map();
    made = next;
    return (vehicle) => {
      const steps = routes.get(vehicle.id)?.steps ?? [];
      const before = previous.get(vehicle.id);
      const row = before && before.vehicle === vehicle && sameTimes(before.steps, steps) ? before.row : project(vehicle);
      next.set(vehicle.id, { vehicle, steps, row });
      return row;
    };
  };
}

/** True when two routes' steps have the same ids, types, arrivals, waits and departures, in the same order. */
function sameTimes(a: Solution['routes'][number]['steps'], b: Solution['routes'][number]['steps']): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.id !== y.id || x.type !== y.type || x.arrivalS !== y.arrivalS || x.waitS !== y.waitS || x.departureS !== y.departureS) return false;
  }
  return true;
}

/** Windows of the place a step serves: the pickup place's for a `pickup` step, else the order's. */
export function stepWindows(order: Order, stepType: OrderStepType = 'job'): TimeWindow[] {
  return stepType === 'pickup' && order.pickup ? order.pickup.timeWindows : order.timeWindows;
}

/** What a stop of this type is called: "Stop", "Pickup" or "Delivery". */
export function stepKindLabel(stepType: OrderStepType): string {
  return stepType === 'pickup' ? 'Pickup' : stepType === 'delivery' ? 'Delivery' : 'Stop';
}

/** Seconds past the last window's close when no window (of the step's place) can be met on arrival; else 0. */
export function lateness(order: Order, arrivalS: number, stepType: OrderStepType = 'job'): number {
  const windows = stepWindows(order, stepType);
  if (windowStart(windows, arrivalS) !== null) return 0;
  const lastClose = Math.max(...windows.map((w) => w.end * 60));
  return Math.max(0, arrivalS - lastClose);
}

/** Whole hours around every row's route span (or shift, for a plan with no routes). */
export function timelineAxis(rows: readonly TimelineRow[]): TimelineAxis {
  const spans = rows.flatMap((r) => (r.span ? [r.span] : []));
  const ranges = spans.length > 0 ? spans : rows.map((r) => ({ startS: r.shiftStartS, endS: r.shiftEndS }));
  if (ranges.length === 0) return { fromS: 8 * 3600, toS: 18 * 3600, hours: range(8, 18) };
  const fromH = Math.floor(Math.min(...ranges.map((r) => r.startS)) / 3600);
  const toH = Math.max(fromH + 1, Math.ceil(Math.max(...ranges.map((r) => r.endS)) / 3600));
  return { fromS: fromH * 3600, toS: toH * 3600, hours: range(fromH, toH) };
}

/** Horizontal position of a time on the axis, in percent. */
export function axisPercent(axis: TimelineAxis, timeS: number): number {
  return ((timeS - axis.fromS) / (axis.toS - axis.fromS)) * 100;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Index among a route's other orders (routeOrderIds, a shipment once) for a drop at `timeS`:
 * after every order with a stop served earlier.
 */
export function positionAtTime(stops: readonly TimelineStop[], movingOrderId: string, timeS: number): number {
  return new Set(stops.filter((s) => s.orderId !== movingOrderId && s.serviceStartS < timeS).map((s) => s.orderId)).size;
}
