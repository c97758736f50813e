// "Where is my order?": the "Find order" input of the header searches order id,
// customer name and phone; each match answers with its status, ETA window and a
// ready-to-send reply (the template that fits its state) with Copy / SMS / email.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { useMessages } from './use-messages';
import { MessageComposer } from './MessageComposer';
import './messages.css';

/** The search box and its answers. */
export function FindOrder(): JSX.Element {
  const messages = useMessages();
  const [query, setQuery] = createSignal('');
  const results = () => messages.search(query()).map((o) => o.id);
  return (
    <div class="find-order" role="search">
      <input type="search" class="find-order__input" aria-label="Find order" placeholder="Find order: id, name, phone" value={query()}
        onInput={(e) => setQuery(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Escape') setQuery(''); }} />
      <Show when={query().trim()}>
        <div class="find-order__results" role="region" aria-label="Orders found">
          <Show when={results().length > 0} fallback={<p class="muted">No order matches “{query().trim()}”.</p>}>
            {/* Keyed by id: a re-derived day gives new order objects, and a reply being edited must stay. */}
            <For each={results()}>{(orderId) => <OrderAnswer orderId={orderId} />}</For>
          </Show>
          <div><button type="button" class="btn btn--small" onClick={() => setQuery('')}>Close</button></div>
        </div>
      </Show>
    </div>
  );
}

/** One order found: name, id and contact, then the composer with its status and ETA. */
function OrderAnswer(props: { orderId: string }): JSX.Element {
  const messages = useMessages();
  const order = () => messages.situation(props.orderId)?.order;
  return (
    <article class="order-answer" data-order-id={props.orderId} aria-label={`Order ${props.orderId}`}>
      <h3 class="order-answer__title">{order()?.customerName || props.orderId} · {props.orderId}</h3>
      <span class="muted">{[order()?.phone, order()?.email].filter(Boolean).join(' · ')}</span>
      <MessageComposer orderId={props.orderId} />
    </article>
  );
}
