// The "Message" button of a stop, and the one dialog it opens. The dialog lives
// once per page (MessageDialogHost), not in the stop's row: logging a message
// edits the scenario, the day re-derives and its rows are drawn anew, and a
// dialog owned by a row would close under the dispatcher's hands.
import { createSignal, Show, type JSX } from 'solid-js';
import { Dialog } from '../ui/Dialog';
import { MessageComposer } from './MessageComposer';

interface Target { orderId: string; customer: string }

// Module state: one composer open in the whole page at a time (a modal dialog).
const [target, setTarget] = createSignal<Target | null>(null);

/** "Message" for the order `orderId`; `describedBy` names the stop the button belongs to. */
export function MessageButton(props: { orderId: string; customer: string; describedBy?: string; class?: string }): JSX.Element {
  return (
    <button type="button" class={`btn btn--small ${props.class ?? ''}`} aria-haspopup="dialog" aria-describedby={props.describedBy}
      onClick={(e) => { e.stopPropagation(); setTarget({ orderId: props.orderId, customer: props.customer }); }}>Message</button>
  );
}

/** The composer dialog of the last "Message" pressed; mount once, e.g. beside the planner screen. */
export function MessageDialogHost(): JSX.Element {
  return (
    <Dialog title={`Message to ${target()?.customer || target()?.orderId || ''}`} open={target() !== null} onClose={() => setTarget(null)} class="dialog--message">
      <Show when={target()} keyed>{(t) => <MessageComposer orderId={t.orderId} />}</Show>
    </Dialog>
  );
}
