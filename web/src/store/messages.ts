// Customer messages over the scenario and day stores (issue #13): each order's
// situation (live prediction in Day mode, the plan otherwise), the filled
// template, the search of "Find order", and the log of what was sent (kept in
// the scenario's `messageLog`, so it is saved, exported and backed up with it).
import { composeMessage, situationEta, type ComposedMessage } from '../domain/messages/compose';
import type { MinuteWindow } from '../domain/messages/eta-window';
import type { MessageChannel, MessageLogEntry } from '../domain/messages/message-schema';
import { findOrders } from '../domain/messages/search';
import { messageSettingsOf, type ResolvedMessageSettings } from '../domain/messages/settings';
import { daySituation, planSituation, type OrderSituation } from '../domain/messages/situation';
import type { MessageKind } from '../domain/messages/templates';
import type { Order } from '../domain/scenario';
import type { DayStore } from './day';
import type { ScenarioStore } from './scenario';

/** Reads and verbs of customer messages; reads are reactive inside a tracking scope. */
export interface Messages {
  settings(): ResolvedMessageSettings;
  /** The order's situation now, or null for an order neither the plan nor the day knows. */
  situation(orderId: string): OrderSituation | null;
  /** The order's ETA window now, or null. */
  eta(orderId: string): MinuteWindow | null;
  /** The `kind` template filled for the order, or null for an unknown order. */
  compose(orderId: string, kind: MessageKind): ComposedMessage | null;
  /** Orders matching a "Find order" query, best first. */
  search(query: string): Order[];
  /** Orders with a stop at risk now (Day mode), in the at-risk list's order, each once. */
  atRiskOrderIds(): string[];
  /** What was sent to the order's customer, oldest first. */
  logOf(orderId: string): MessageLogEntry[];
  /** Logs a message as sent through `channel`. */
  log(orderId: string, kind: MessageKind, channel: MessageChannel, text: string): void;
}

/** Messages over the app's stores; `now` is the laptop's clock (injectable for tests). */
export function makeMessages(app: { scenario: ScenarioStore; day: DayStore }, now: () => Date = () => new Date()): Messages {
  const { scenario: [scenarioState, scenarioActions], day: [dayState, , clock] } = app;
  const live = () => (dayState.mode === 'day' ? dayState.derived : null);
  const settings = () => messageSettingsOf(scenarioState.scenario?.settings ?? {});
  const situation = (orderId: string): OrderSituation | null => {
    const derived = live();
    if (derived) return daySituation(derived.state, derived.prediction, orderId);
    return scenarioState.scenario ? planSituation(scenarioState.scenario, orderId) : null;
  };
  return {
    settings,
    situation,
    eta: (orderId) => {
      const s = situation(orderId);
      return s ? situationEta(s, settings()) : null;
    },
    compose: (orderId, kind) => {
      const s = situation(orderId);
      return s && scenarioState.scenario ? composeMessage(scenarioState.scenario, s, kind, settings()) : null;
    },
    search: (query) => findOrders(query, live()?.state.orders ?? scenarioState.scenario?.orders ?? []),
    atRiskOrderIds: () => [...new Set((live()?.atRisk ?? []).flatMap((item) => (item.orderId ? [item.orderId] : [])))],
    logOf: (orderId) => (scenarioState.scenario?.messageLog ?? []).filter((entry) => entry.orderId === orderId),
    log: (orderId, kind, channel, text) => {
      const entry: MessageLogEntry = { orderId, kind, channel, at: now().toISOString(), text };
      if (live()) entry.dayMinutes = Math.min(2880, Math.max(0, Math.floor(clock.minutes())));
      scenarioActions.logMessage(entry);
    },
  };
}
