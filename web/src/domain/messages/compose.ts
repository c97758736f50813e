// A message for one order: the placeholder values of its situation, and the
// chosen template filled with them (subject for e-mail, text for both). Pure.
import { formatDate } from '../format';
import type { Scenario } from '../scenario';
import { etaWindow, windowPhrase, windowsPhrase, type MinuteWindow } from './eta-window';
import { fillTemplate } from './fill';
import type { ResolvedMessageSettings } from './settings';
import type { OrderSituation } from './situation';
import type { MessageKind } from './templates';

/** A filled message and what could not be filled. */
export interface ComposedMessage {
  kind: MessageKind;
  subject: string;
  body: string;
  /** Placeholders that are no known name, left as typed. */
  unknown: string[];
  /** Known placeholders without a value for this order, left as typed. */
  missing: string[];
}

/** The ETA window of a situation, or null when the order has no expected start. */
export function situationEta(s: OrderSituation, settings: ResolvedMessageSettings): MinuteWindow | null {
  return s.startS === null ? null : etaWindow(s.startS, settings.eta);
}

/** Every placeholder's value for this order; ETA placeholders are absent when there is no expected start. */
export function messageValues(scenario: Pick<Scenario, 'settings'>, s: OrderSituation, settings: ResolvedMessageSettings): Record<string, string | undefined> {
  const eta = situationEta(s, settings);
  const etaText = eta ? windowPhrase(eta) : undefined;
  return {
    customer: s.order.customerName.trim() || 'there',
    order: s.order.id,
    date: formatDate(scenario.settings.date),
    window: windowsPhrase(s.order.timeWindows),
    eta_window: etaText,
    new_window: etaText,
    company: settings.company,
    rebook: settings.rebook,
  };
}

/** The `kind` template filled for this order. */
export function composeMessage(scenario: Pick<Scenario, 'settings'>, s: OrderSituation, kind: MessageKind, settings: ResolvedMessageSettings): ComposedMessage {
  const values = messageValues(scenario, s, settings);
  const template = settings.templates[kind];
  const subject = fillTemplate(template.subject, values);
  const body = fillTemplate(template.body, values);
  const merge = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return { kind, subject: subject.text, body: body.text, unknown: merge(subject.unknown, body.unknown), missing: merge(subject.missing, body.missing) };
}
