// The one order form of the app (Add order, Edit order), opened by a request
// from anywhere (order-editor.ts). "Place on map" hides the form while the map
// waits for the click and brings it back, draft intact, with the place filled in.
import { createEffect, createMemo, createSignal, on, onCleanup, Show, untrack, type JSX } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { Order, Scenario } from '../../domain/scenario';
import { useApp } from '../../store/context';
import { IssueList } from '../fleet/EditorField';
import { createIssueGate } from '../fleet/form-issues';
import { Dialog } from '../ui/Dialog';
import { draftOfOrder, formatLocation, newOrderDraft, orderFromDraft, type OrderDraft } from './order-draft';
import { closeOrderForm, orderFormRequest, type OrderFormRequest } from './order-editor';
import type { OrderSectionProps } from './order-form-types';
import { OrderFormMain } from './OrderFormMain';
import { OrderFormRules } from './OrderFormRules';

/** Renders the order form while one is requested. */
export function OrderFormHost(): JSX.Element {
  const { scenario: [state] } = useApp();
  return <Show when={state.scenario && orderFormRequest()} keyed>{(request) => <OrderSession request={request} />}</Show>;
}

/** Labels the form has no input for; their issues are listed above the buttons. */
const unshown = (label: string) => /^(Amounts|Pickup amounts?.*|Windows|Window \d+|Failed order)$/.test(label);

function OrderSession(props: { request: OrderFormRequest }): JSX.Element {
  const { scenario: [state, actions], ui: [uiState, uiActions] } = useApp();
  const scenario = () => state.scenario as Scenario;
  const base = untrack(() => scenario().orders.find((o) => o.id === props.request.orderId));
  const original: Order | undefined = base && structuredClone(unwrap(base));
  const [draft, setDraft] = createStore<OrderDraft>(original ? draftOfOrder(original) : newOrderDraft(untrack(scenario), props.request.place));
  const gate = createIssueGate();
  const [placing, setPlacing] = createSignal(false);
  const [refused, setRefused] = createSignal(false);
  const result = createMemo(() => orderFromDraft(draft, scenario(), original));
  // The map's pick ended (placed or cancelled): show the form again.
  createEffect(on(() => uiState.pick, (pick) => { if (!pick && placing()) setPlacing(false); }, { defer: true }));
  onCleanup(() => { if (placing()) uiActions.cancelPick(); });
  const place = () => {
    setPlacing(true);
    uiActions.startPick({ purpose: 'order', label: original ? `order ${original.id}` : 'the new order' }, (lat, lng) => {
      setDraft('location', formatLocation(lat, lng));
      gate.touch('Location');
    });
  };
  const section: OrderSectionProps = {
    get scenario() { return scenario(); },
    draft,
    setDraft,
    set: (key, label, value) => { setDraft(key, value as never); gate.touch(label); },
    issuesAt: (label) => gate.at(result().issues, label),
    touch: gate.touch,
  };
  let form!: HTMLFormElement;
  const save = (event: Event) => {
    event.preventDefault();
    const current = actions.snapshot();
    if (!current) return;
    const { order, issues } = orderFromDraft(unwrap(draft), current, original);
    if (!order) {
      gate.reveal();
      setRefused(issues.length > 0);
      queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (original) actions.replaceOrder(original.id, order);
    else actions.addOrder(order);
    closeOrderForm();
  };
  return (
    <Dialog title={original ? 'Edit order' : 'Add order'} open={!placing()} onClose={closeOrderForm} class="dialog--medium">
      <form ref={form} class="editor-form" onSubmit={save} novalidate aria-label={original ? `Edit order ${original.id}` : 'Add order'}>
        <OrderFormMain {...section} onPlace={place} />
        <OrderFormRules {...section} />
        <footer class="dialog__footer">
          <Show when={gate.revealed()}><IssueList issues={result().issues.filter((i) => unshown(i.label))} /></Show>
          <Show when={refused() && result().issues.length}>
            <p class="issue" role="alert">Not saved: fix the {result().issues.length === 1 ? 'problem' : `${result().issues.length} problems`} marked above first.</p>
          </Show>
          <span class="spacer" />
          <button type="button" class="btn" onClick={closeOrderForm}>Cancel</button>
          <button type="submit" class="btn btn--primary">Save</button>
        </footer>
      </form>
    </Dialog>
  );
}
