// The one order form of the app (Add order, Edit order), opened by a request
// from anywhere (order-editor.ts). "Place on map" hides the form while the map
// waits for the click and brings it back, draft intact, with the place filled in.
import { createEffect, createMemo, createSignal, on, onCleanup, Show, untrack, type JSX } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { Order, Scenario } from '../../domain/scenario';
import { useApp } from '../../store/context';
import { createIssueGate, makeSection, makeSubmit } from '../fleet/form-issues';
import { FormFooter } from '../fleet/FormFooter';
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

/** "Place on map": hides the form until the map's pick ends (placed or cancelled). */
function createPlacing(label: string, onPlace: (lat: number, lng: number) => void): { placing: () => boolean; start: () => void } {
  const { ui: [uiState, uiActions] } = useApp();
  const [placing, setPlacing] = createSignal(false);
  createEffect(on(() => uiState.pick, (pick) => { if (!pick && placing()) setPlacing(false); }, { defer: true }));
  onCleanup(() => { if (placing()) uiActions.cancelPick(); });
  return {
    placing,
    start: () => {
      setPlacing(true);
      uiActions.startPick({ purpose: 'order', label }, onPlace);
    },
  };
}

function OrderSession(props: { request: OrderFormRequest }): JSX.Element {
  const { scenario: [state, actions] } = useApp();
  const scenario = () => state.scenario as Scenario;
  const base = untrack(() => scenario().orders.find((o) => o.id === props.request.orderId));
  const original: Order | undefined = base && structuredClone(unwrap(base));
  const [draft, setDraft] = createStore<OrderDraft>(original ? draftOfOrder(original) : newOrderDraft(untrack(scenario), props.request.place));
  const gate = createIssueGate();
  const [refused, setRefused] = createSignal(false);
  const result = createMemo(() => orderFromDraft(draft, scenario(), original));
  const place = createPlacing(original ? `order ${original.id}` : 'the new order', (lat, lng) => {
    setDraft('location', formatLocation(lat, lng));
    gate.touch('Location');
  });
  const section: OrderSectionProps = makeSection(scenario, draft, setDraft, gate, () => result().issues);
  let form: HTMLFormElement | undefined;
  const save = makeSubmit({
    form: () => form, gate, setRefused,
    read: () => {
      // Read only (validated against), so the store's own data, not a copy of 10,000 orders (issue #15); the edit
      // copies the order it is given.
      const current = actions.current();
      if (!current) return null;
      const { order, issues } = orderFromDraft(unwrap(draft), current, original);
      return { value: order, issues };
    },
    commit: (order) => {
      if (original) actions.replaceOrder(original.id, order);
      else actions.addOrder(order);
      closeOrderForm();
    },
  });
  return (
    <Dialog title={original ? 'Edit order' : 'Add order'} open={!place.placing()} onClose={closeOrderForm} class="dialog--medium">
      <form ref={form} class="editor-form" onSubmit={save} novalidate aria-label={original ? `Edit order ${original.id}` : 'Add order'}>
        <OrderFormMain {...section} onPlace={place.start} />
        <OrderFormRules {...section} />
        <FormFooter issues={result().issues} unshown={result().issues.filter((i) => unshown(i.label))} revealed={gate.revealed()} refused={refused()} onCancel={closeOrderForm} />
      </form>
    </Dialog>
  );
}
