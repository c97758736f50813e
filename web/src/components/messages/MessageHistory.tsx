// What was sent to an order's customer (the scenario's message log): channel,
// template and time, oldest first; the day's clock time when sent in Day mode.
import { For, Show, type JSX } from 'solid-js';
import type { MessageChannel, MessageLogEntry } from '../../domain/messages/message-schema';
import { MESSAGE_KIND_LABELS } from '../../domain/messages/templates';
import { useMessages } from './use-messages';
import { formatDayMinutes } from '../ui/format';

const CHANNEL_LABELS: Record<MessageChannel, string> = { sms: 'SMS', email: 'Email', copy: 'Copied' };

/** "10:32" of an entry: the day's clock when logged in Day mode, else the laptop's local time. */
function entryTime(entry: MessageLogEntry): string {
  if (entry.dayMinutes !== undefined) return formatDayMinutes(entry.dayMinutes);
  const date = new Date(entry.at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** One line of the log, e.g. "SMS · Delay notice · 10:32". */
export function describeMessage(entry: MessageLogEntry): string {
  return `${CHANNEL_LABELS[entry.channel]} · ${MESSAGE_KIND_LABELS[entry.kind]} · ${entryTime(entry)}`;
}

/** The order's message log; nothing when none was sent. */
export function MessageHistory(props: { orderId: string; customer: string }): JSX.Element {
  const messages = useMessages();
  const entries = () => messages.logOf(props.orderId);
  return (
    <Show when={entries().length > 0}>
      <ul class="message-log" aria-label={`Messages sent to ${props.customer}`}>
        <For each={entries()}>{(entry) => <li title={entry.text}>{describeMessage(entry)}</li>}</For>
      </ul>
    </Show>
  );
}
