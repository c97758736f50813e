// The Settings dialog's working copy of the customer messages (issue #13):
// company, rebook text, ETA window and the five templates, as typed, turned back
// into `settings.messages`. A template equal to its default is not stored, so a
// later change of the defaults reaches scenarios that never edited it. Pure.
import type { MessageSettings } from '../domain/messages/message-schema';
import { DEFAULT_ETA_WINDOW } from '../domain/messages/eta-window';
import { DEFAULT_TEMPLATES, MESSAGE_KIND_LABELS, MESSAGE_KINDS, type MessageKind, type MessageTemplate } from '../domain/messages/templates';
import type { Settings } from '../domain/scenario';

/** The message settings as typed. */
export interface MessagesDraft {
  /** Empty = the default signature. */
  company: string;
  /** Empty = the default rebook text. */
  rebook: string;
  etaHalfWidthMinutes: string;
  etaRoundMinutes: string;
  templates: Record<MessageKind, MessageTemplate>;
}

/** The draft of the scenario's message settings (templates as in use: edited or default). */
export function messagesDraftOf(settings: Pick<Settings, 'messages'>): MessagesDraft {
  const m = settings.messages ?? {};
  return {
    company: m.company ?? '',
    rebook: m.rebook ?? '',
    etaHalfWidthMinutes: String(m.etaHalfWidthMinutes ?? DEFAULT_ETA_WINDOW.halfWidthMinutes),
    etaRoundMinutes: String(m.etaRoundMinutes ?? DEFAULT_ETA_WINDOW.roundMinutes),
    templates: Object.fromEntries(MESSAGE_KINDS.map((k) => [k, { ...(m.templates?.[k] ?? DEFAULT_TEMPLATES[k]) }])) as Record<MessageKind, MessageTemplate>,
  };
}

const sameTemplate = (a: MessageTemplate, b: MessageTemplate) => a.subject === b.subject && a.body === b.body;

/**
 * `settings.messages` as edited, or undefined when everything is default and
 * nothing was stored before. `num` reads a number and remembers text that is none.
 * No draft (a caller that does not edit messages) keeps the current settings.
 */
export function messagesFromDraft(current: Pick<Settings, 'messages'>, draft: MessagesDraft | undefined, num: (path: string, text: string) => number): MessageSettings | undefined {
  if (!draft) return current.messages;
  const before = current.messages ?? {};
  const out: MessageSettings = {};
  const templates: Partial<Record<MessageKind, MessageTemplate>> = {};
  for (const kind of MESSAGE_KINDS) {
    const t = draft.templates[kind];
    if (!sameTemplate(t, DEFAULT_TEMPLATES[kind])) templates[kind] = { subject: t.subject, body: t.body };
  }
  if (Object.keys(templates).length) out.templates = templates;
  if (draft.company.trim()) out.company = draft.company.trim();
  if (draft.rebook.trim()) out.rebook = draft.rebook.trim();
  const half = num('settings.messages.etaHalfWidthMinutes', draft.etaHalfWidthMinutes);
  if (before.etaHalfWidthMinutes !== undefined || half !== DEFAULT_ETA_WINDOW.halfWidthMinutes) out.etaHalfWidthMinutes = half;
  const round = num('settings.messages.etaRoundMinutes', draft.etaRoundMinutes);
  if (before.etaRoundMinutes !== undefined || round !== DEFAULT_ETA_WINDOW.roundMinutes) out.etaRoundMinutes = round;
  return Object.keys(out).length || current.messages ? out : undefined;
}

/** The label of a `settings.messages.…` field, as its input is labelled (rest = path parts after `messages`). */
export function messageFieldLabel(rest: string[]): string {
  const [field = '', kind, part] = rest;
  if (field === 'company') return 'Company name';
  if (field === 'rebook') return 'How to rebook';
  if (field === 'etaHalfWidthMinutes') return 'ETA window, minutes either side';
  if (field === 'etaRoundMinutes') return 'ETA window, rounded to minutes';
  if (field === 'templates' && kind) {
    const label = MESSAGE_KIND_LABELS[kind as MessageKind] ?? kind;
    return part ? `${label}: ${part === 'subject' ? 'subject' : 'text'}` : label;
  }
  return `Messages: ${rest.join('.')}`;
}
