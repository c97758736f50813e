// Schemas of what the scenario stores about customer messages (issue #13): the
// optional `settings.messages` (edited templates, company, rebook text, ETA
// window) and the optional `messageLog` (what was sent, per order). Both are
// optional, so scenarios saved before them load unchanged (no version bump).
import * as v from 'valibot';
import { MESSAGE_KINDS } from './templates';

/** Ways a message leaves: an sms: link, a mailto: link, or the clipboard. */
export const MESSAGE_CHANNELS = ['sms', 'email', 'copy'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const wholeMinutes = (min: number, max: number) =>
  v.pipe(v.number('must be a number'), v.integer('must be whole minutes'), v.minValue(min, `must be ≥ ${min}`), v.maxValue(max, `must be ≤ ${max}`));

/** One edited template. */
export const messageTemplateSchema = v.object({ subject: text(200), body: text(2000) });

/** `settings.messages`: every field optional; absent ones take the defaults of templates.ts and eta-window.ts. */
export const messageSettingsSchema = v.object({
  /** Edited templates by kind; a kind not listed uses DEFAULT_TEMPLATES. */
  templates: v.optional(v.record(v.picklist(MESSAGE_KINDS, 'unknown message kind'), messageTemplateSchema)),
  /** `{company}`: who signs the messages. */
  company: v.optional(text(200)),
  /** `{rebook}`: how a customer books a new time after a failed attempt. */
  rebook: v.optional(text(500)),
  /** ETA window: minutes either side of the expected time. */
  etaHalfWidthMinutes: v.optional(wholeMinutes(0, 240)),
  /** ETA window: its centre is rounded to a multiple of this many minutes. */
  etaRoundMinutes: v.optional(wholeMinutes(1, 60)),
});
export type MessageSettings = v.InferOutput<typeof messageSettingsSchema>;

/** One message sent (or copied) to an order's customer. */
export const messageLogEntrySchema = v.object({
  orderId: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  kind: v.picklist(MESSAGE_KINDS, 'unknown message kind'),
  channel: v.picklist(MESSAGE_CHANNELS, 'unknown channel'),
  /** When it was sent: an ISO timestamp of the laptop's clock. */
  at: v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp')),
  /** The day's clock (minutes of the scenario day) when sent in Day mode. */
  dayMinutes: v.optional(wholeMinutes(0, 2880)),
  /** The text as sent (the dispatcher may have edited it). */
  text: v.optional(text(5000)),
});
export type MessageLogEntry = v.InferOutput<typeof messageLogEntrySchema>;

/** The scenario's `messageLog`, oldest first. */
export const messageLogSchema = v.array(messageLogEntrySchema);
