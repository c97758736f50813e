// The message settings of a scenario with every default filled in: what the
// composer, the bulk notice and "Find order" read. Pure.
import type { Settings } from '../scenario';
import { DEFAULT_ETA_WINDOW, type EtaWindowOptions } from './eta-window';
import { DEFAULT_COMPANY, DEFAULT_REBOOK, DEFAULT_TEMPLATES, MESSAGE_KINDS, type MessageKind, type MessageTemplate } from './templates';

/** Message settings, complete. */
export interface ResolvedMessageSettings {
  templates: Record<MessageKind, MessageTemplate>;
  company: string;
  rebook: string;
  eta: EtaWindowOptions;
}

/** The scenario's message settings over the defaults (an empty company or rebook text keeps the default). */
export function messageSettingsOf(settings: Pick<Settings, 'messages'>): ResolvedMessageSettings {
  const m = settings.messages ?? {};
  const templates = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, { ...(m.templates?.[kind] ?? DEFAULT_TEMPLATES[kind]) }])) as Record<MessageKind, MessageTemplate>;
  return {
    templates,
    company: m.company?.trim() || DEFAULT_COMPANY,
    rebook: m.rebook?.trim() || DEFAULT_REBOOK,
    eta: {
      halfWidthMinutes: m.etaHalfWidthMinutes ?? DEFAULT_ETA_WINDOW.halfWidthMinutes,
      roundMinutes: m.etaRoundMinutes ?? DEFAULT_ETA_WINDOW.roundMinutes,
    },
  };
}
