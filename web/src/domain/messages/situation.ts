// Where an order stands for its customer (issue #13): status, expected start and
// risk, read from the live prediction in Day mode or from the plan otherwise,
// and the message kind that fits it. Pure.
import type { Order, Scenario } from '../scenario';
import { isOrderStep, type OrderStepType } from '../solution';
import { stopKey, type DayState, type StopStatus } from '../day/day-state';
import type { DayPrediction } from '../day/eta';
import type { MessageKind } from './templates';

/** The status a customer is told. */
export type OrderStatusWord = 'planned' | 'en route' | 'done' | 'failed' | 'unassigned' | 'cancelled';

/** One order as its customer sees it. */
export interface OrderSituation {
  order: Order;
  status: OrderStatusWord;
  /** Vehicle whose route holds the order, or null. */
  vehicleId: string | null;
  /** Expected (predicted or planned) start of service at the customer, seconds of the day; null when none. */
  startS: number | null;
  /** When the stop was done or failed, minutes of the day (Day mode), else null. */
  leftAt: number | null;
  /** Why the stop is at risk (Day mode), or null. */
  risk: string | null;
  /** The plan was dispatched and the situation is read from the day. */
  dispatched: boolean;
  /** The order's vehicle has left its depot (Day mode). */
  vehicleStarted: boolean;
}

/** The customer's stop of an order: the delivery of a shipment, the job otherwise. */
const customerStop = (order: Order): OrderStepType => (order.pickup ? 'delivery' : 'job');

const STATUS_WORDS: Record<StopStatus, OrderStatusWord> = {
  planned: 'planned', 'en-route': 'en route', arrived: 'en route', done: 'done', failed: 'failed', cancelled: 'cancelled',
};

/** The order's situation in the running day, or null for an order the day does not know. */
export function daySituation(state: DayState, prediction: DayPrediction, orderId: string): OrderSituation | null {
  const order = state.orders.find((o) => o.id === orderId);
  if (!order) return null;
  const type = customerStop(order);
  const stop = state.stops[stopKey(orderId, type)];
  if (!stop) return null;
  const route = prediction.routes.find((r) => r.stops.some((s) => s.orderId === orderId && s.type === type));
  const predicted = route?.stops.find((s) => s.orderId === orderId && s.type === type);
  const left = stop.status === 'done' || stop.status === 'failed' || stop.status === 'cancelled';
  const status: OrderStatusWord = !route && !left ? 'unassigned' : STATUS_WORDS[stop.status];
  return {
    order, status, vehicleId: route?.vehicleId ?? null,
    startS: left ? null : predicted?.startS ?? null,
    leftAt: stop.leftAt, risk: predicted?.risk ?? null, dispatched: true,
    vehicleStarted: route ? Boolean(state.vehicles[route.vehicleId]?.started) : false,
  };
}

/** The order's situation in the scenario's plan (planned with its start, or unassigned), or null for an unknown order. */
export function planSituation(scenario: Pick<Scenario, 'orders' | 'plan'>, orderId: string): OrderSituation | null {
  const order = scenario.orders.find((o) => o.id === orderId);
  if (!order) return null;
  const type = customerStop(order);
  for (const route of scenario.plan?.solution.routes ?? []) {
    const step = route.steps.find((s) => isOrderStep(s) && s.id === orderId && s.type === type);
    if (step) return { ...base(order), status: 'planned', vehicleId: route.vehicleId, startS: step.arrivalS + step.waitS };
  }
  return { ...base(order), status: 'unassigned' };
}

const base = (order: Order): OrderSituation => ({
  order, status: 'unassigned', vehicleId: null, startS: null, leftAt: null, risk: null, dispatched: false, vehicleStarted: false,
});

/**
 * The message that fits a situation: failed → failed attempt; done or
 * cancelled → none; at risk → delay notice; en route, or planned on a vehicle
 * that has left → on the way; a re-delivery not yet made → re-delivery
 * confirmation; otherwise (not dispatched, not started) → day-before confirmation.
 */
export function defaultKind(s: OrderSituation): MessageKind | null {
  if (s.status === 'failed') return 'failed-attempt';
  if (s.status === 'done' || s.status === 'cancelled') return null;
  if (s.risk) return 'delay';
  if (s.status === 'en route') return 'on-the-way';
  if (s.order.failedOrderId) return 'redelivery';
  if (s.dispatched && s.vehicleStarted && s.status === 'planned') return 'on-the-way';
  return 'day-before';
}
