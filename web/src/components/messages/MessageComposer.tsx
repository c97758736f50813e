// One message to one customer: the template (defaulting by the stop's state), the
// filled text (editable), and "Send SMS" (sms: link), "Send email" (mailto: link)
// and "Copy"; each use is logged on the stop. Unfillable placeholders are named.
import { createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { canEmail, canText, mailtoHref, smsHref } from '../../domain/messages/channels';
import { windowPhrase } from '../../domain/messages/eta-window';
import type { MessageChannel } from '../../domain/messages/message-schema';
import { defaultKind } from '../../domain/messages/situation';
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS, type MessageKind } from '../../domain/messages/templates';
import { useMessages } from './use-messages';
import { formatDayMinutes } from '../ui/format';
import { copyText } from './clipboard';
import { MessageHistory } from './MessageHistory';
import './messages.css';

/** The composer of the order `orderId`; `kind` overrides the default template. */
export function MessageComposer(props: { orderId: string; kind?: MessageKind }): JSX.Element {
  const messages = useMessages();
  const situation = () => messages.situation(props.orderId);
  const [kind, setKind] = createSignal<MessageKind | ''>(untrack(() => props.kind ?? (situation() ? defaultKind(situation()!) : null) ?? ''));
  // The text follows the live ETA until the dispatcher edits it; another template starts afresh.
  const [body, setBody] = createSignal<string | null>(null);
  const [subject, setSubject] = createSignal<string | null>(null);
  const composed = () => (kind() ? messages.compose(props.orderId, kind() as MessageKind) : null);
  const text = () => body() ?? composed()?.body ?? '';
  const title = () => subject() ?? composed()?.subject ?? '';
  const order = () => situation()?.order;
  const log = (channel: MessageChannel) => { if (kind()) messages.log(props.orderId, kind() as MessageKind, channel, text()); };
  const choose = (next: MessageKind | '') => { setKind(next); setBody(null); setSubject(null); };
  return (
    <div class="composer" role="group" aria-label={`Message to ${order()?.customerName || props.orderId}`}>
      <SituationLine orderId={props.orderId} />
      <label class="field">
        <span class="field__label">Template</span>
        <select value={kind()} onChange={(e) => choose(e.currentTarget.value as MessageKind | '')}>
          <option value="">Choose a template…</option>
          <For each={[...MESSAGE_KINDS]}>{(k) => <option value={k}>{MESSAGE_KIND_LABELS[k]}</option>}</For>
        </select>
      </label>
      <Show when={kind()}>
        <label class="field"><span class="field__label">Subject (email)</span>
          <input type="text" value={title()} onInput={(e) => setSubject(e.currentTarget.value)} />
        </label>
        <label class="field"><span class="field__label">Text</span>
          <textarea value={text()} onInput={(e) => setBody(e.currentTarget.value)} />
        </label>
        <Problems orderId={props.orderId} unknown={composed()?.unknown ?? []} missing={composed()?.missing ?? []} />
        <SendActions phone={order()?.phone ?? ''} email={order()?.email ?? ''} subject={title()} text={text()} log={log} />
      </Show>
      <MessageHistory orderId={props.orderId} customer={order()?.customerName || props.orderId} />
    </div>
  );
}

/** "Send SMS" and "Send email" links with the text filled in (when the order has a phone / an address), and "Copy". */
function SendActions(props: { phone: string; email: string; subject: string; text: string; log: (channel: MessageChannel) => void }): JSX.Element {
  const [note, setNote] = createSignal('');
  const copy = async () => {
    const ok = await copyText(props.text);
    if (ok) props.log('copy');
    setNote(ok ? 'Copied.' : 'The browser did not allow copying: select the text and press Ctrl+C.');
  };
  return (
    <div class="composer__actions">
      <Show when={canText(props.phone)} fallback={<span class="muted">No phone number</span>}>
        <a class="btn btn--small btn--primary" href={smsHref(props.phone, props.text)} onClick={() => props.log('sms')}>Send SMS</a>
      </Show>
      <Show when={canEmail(props.email)} fallback={<span class="muted">No email address</span>}>
        <a class="btn btn--small" href={mailtoHref(props.email, props.subject, props.text)} onClick={() => props.log('email')}>Send email</a>
      </Show>
      <button type="button" class="btn btn--small" onClick={() => void copy()}>Copy</button>
      <span class="muted" role="status">{note()}</span>
    </div>
  );
}

/** "Order LYO-1003 · en route · expected between 10:25 and 10:55", with the at-risk reason. */
export function SituationLine(props: { orderId: string }): JSX.Element {
  const messages = useMessages();
  const s = () => messages.situation(props.orderId);
  const eta = () => messages.eta(props.orderId);
  const when = () => {
    const left = s()?.leftAt;
    if (left !== null && left !== undefined) return ` at ${formatDayMinutes(Math.floor(left))}`;
    return eta() ? ` · expected ${windowPhrase(eta()!)}` : '';
  };
  return (
    <Show when={s()} fallback={<p class="composer__status">Order {props.orderId} is not in this scenario.</p>}>
      {(x) => (
        <p class="composer__status" data-status={x().status}>
          Order {x().order.id} · <strong class="composer__status-word">{x().status}</strong>{when()}
          <Show when={x().risk}>{(risk) => <span class="composer__risk"> · at risk: {risk()}</span>}</Show>
        </p>
      )}
    </Show>
  );
}

function Problems(props: { orderId: string; unknown: string[]; missing: string[] }): JSX.Element {
  return (
    <>
      <Show when={props.unknown.length}>
        <p class="composer__note issue">Unknown placeholder{props.unknown.length > 1 ? 's' : ''} left as typed: {props.unknown.map((n) => `{${n}}`).join(', ')} (fix the template in Settings).</p>
      </Show>
      <Show when={props.missing.length}>
        <p class="composer__note issue">No value for {props.missing.map((n) => `{${n}}`).join(', ')} for order {props.orderId}: it has no expected time. Edit the text before sending.</p>
      </Show>
    </>
  );
}
