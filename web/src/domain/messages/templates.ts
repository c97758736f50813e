// Customer message templates (issue #13): the five kinds a dispatcher sends, the
// placeholders they may use, and the default wording in plain friendly English.
// Pure data; the scenario's `settings.messages` may replace any template.

/** The kinds of customer message, in the order a day meets them. */
export const MESSAGE_KINDS = ['day-before', 'on-the-way', 'delay', 'failed-attempt', 'redelivery'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** How each kind is named in the interface and in the message log. */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  'day-before': 'Day-before confirmation',
  'on-the-way': 'On the way',
  delay: 'Delay notice',
  'failed-attempt': 'Failed attempt',
  redelivery: 'Re-delivery confirmation',
};

/** One template: the e-mail subject and the text (the SMS is the text alone). */
export interface MessageTemplate {
  subject: string;
  body: string;
}

/** Every placeholder a template may use, with what it becomes (shown in Settings). */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  customer: "the customer's name",
  order: 'the order id',
  date: "the scenario's day, e.g. Sat, 21 Nov 2026",
  window: "the promised window, e.g. 'between 10:00 and 12:00'",
  eta_window: "the expected arrival window, e.g. 'between 10:25 and 10:55'",
  new_window: 'the new expected arrival window after a delay (same form)',
  company: 'your company name (Settings)',
  rebook: 'how to book a new time (Settings)',
};

/** Names of the known placeholders. */
export const PLACEHOLDER_NAMES: readonly string[] = Object.keys(PLACEHOLDERS);

/** The wording shipped with the planner; a dispatcher edits it in Settings. */
export const DEFAULT_TEMPLATES: Readonly<Record<MessageKind, MessageTemplate>> = {
  'day-before': {
    subject: 'Your delivery on {date}',
    body: 'Hello {customer}, your delivery (order {order}) is planned for {date} {window}. '
      + 'If that no longer suits you, just reply to this message. Thank you! {company}',
  },
  'on-the-way': {
    subject: 'Your delivery is on its way',
    body: 'Hello {customer}, good news: your delivery (order {order}) is on its way and should arrive {eta_window}. See you soon! {company}',
  },
  delay: {
    subject: 'Your delivery is running late',
    body: "Hello {customer}, we're sorry: your delivery (order {order}) is running late. "
      + 'It should now arrive {new_window}. Thank you for your patience. {company}',
  },
  'failed-attempt': {
    subject: 'We missed you today',
    body: "Hello {customer}, we came by with your delivery (order {order}) today but couldn't complete it. "
      + 'To book a new time, {rebook}. {company}',
  },
  redelivery: {
    subject: 'Your new delivery time',
    body: 'Hello {customer}, your new delivery (order {order}) is booked for {date} {window}. Thank you! {company}',
  },
};

/** Defaults of the texts a dispatcher sets once (Settings). */
export const DEFAULT_COMPANY = 'Your delivery team';
export const DEFAULT_REBOOK = 'reply to this message with a day and time that suit you';
