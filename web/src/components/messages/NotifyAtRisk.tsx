// "Notify at-risk customers": one delay notice per order at risk, each with its
// ready SMS / email link and Copy, plus "Copy all"; every use is logged on the stop.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { canEmail, canText, mailtoHref, smsHref } from '../../domain/messages/channels';
import type { ComposedMessage } from '../../domain/messages/compose';
import type { MessageChannel } from '../../domain/messages/message-schema';
import type { Order } from '../../domain/scenario';
import { useMessages } from './use-messages';
import { Dialog } from '../ui/Dialog';
import { copyText } from './clipboard';
import { MessageHistory } from './MessageHistory';
import './messages.css';

interface Notice { order: Order; message: ComposedMessage }

/** The button and its dialog; disabled while nothing is at risk. */
export function NotifyAtRisk(): JSX.Element {
  const messages = useMessages();
  const [open, setOpen] = createSignal(false);
  const [note, setNote] = createSignal('');
  const notices = (): Notice[] => messages.atRiskOrderIds().flatMap((orderId) => {
    const order = messages.situation(orderId)?.order;
    const message = messages.compose(orderId, 'delay');
    return order && message ? [{ order, message }] : [];
  });
  const log = (n: Notice, channel: MessageChannel) => messages.log(n.order.id, 'delay', channel, n.message.body);
  const copyAll = async () => {
    const list = notices();
    const text = list.map((n) => `${n.order.customerName || n.order.id} (${n.order.phone || 'no phone'}, order ${n.order.id}):\n${n.message.body}`).join('\n\n');
    const ok = await copyText(text);
    if (ok) list.forEach((n) => log(n, 'copy'));
    setNote(ok ? `Copied ${list.length} message${list.length === 1 ? '' : 's'}.` : 'The browser did not allow copying.');
  };
  return (
    <>
      <button type="button" class="btn btn--small" disabled={notices().length === 0} aria-haspopup="dialog" onClick={() => { setNote(''); setOpen(true); }}>
        Notify at-risk customers
      </button>
      <Dialog title="Notify at-risk customers" open={open()} onClose={() => setOpen(false)} class="dialog--message">
        <p class="muted">A delay notice with the new expected window for each order at risk now. Each link opens your SMS or email app; what you use is logged on the stop.</p>
        <div class="composer__actions">
          <button type="button" class="btn btn--small" disabled={notices().length === 0} onClick={() => void copyAll()}>Copy all</button>
          <span class="muted" role="status">{note()}</span>
        </div>
        <ul class="notify-list" aria-label="Delay notices">
          <For each={notices()}>{(n) => <NoticeItem notice={n} log={(channel) => log(n, channel)} />}</For>
        </ul>
      </Dialog>
    </>
  );
}

function NoticeItem(props: { notice: Notice; log: (channel: MessageChannel) => void }): JSX.Element {
  const order = () => props.notice.order;
  const name = () => order().customerName || order().id;
  const copy = async () => { if (await copyText(props.notice.message.body)) props.log('copy'); };
  return (
    <li class="notify-item" data-order-id={order().id}>
      <strong>{name()} · {order().id}</strong>
      <p class="notify-item__text">{props.notice.message.body}</p>
      <div class="composer__actions">
        <Show when={canText(order().phone)} fallback={<span class="muted">No phone number</span>}>
          <a class="btn btn--small btn--primary" href={smsHref(order().phone, props.notice.message.body)} aria-label={`Send SMS to ${name()}`} onClick={() => props.log('sms')}>SMS</a>
        </Show>
        <Show when={canEmail(order().email)}>
          <a class="btn btn--small" href={mailtoHref(order().email, props.notice.message.subject, props.notice.message.body)} aria-label={`Send email to ${name()}`} onClick={() => props.log('email')}>Email</a>
        </Show>
        <button type="button" class="btn btn--small" aria-label={`Copy the message to ${name()}`} onClick={() => void copy()}>Copy</button>
      </div>
      <MessageHistory orderId={order().id} customer={name()} />
    </li>
  );
}
