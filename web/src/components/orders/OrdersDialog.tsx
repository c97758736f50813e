// The "Orders" window: a filter box, one page of the orders table, row
// selection (one by one or every match) with bulk edit and bulk delete, and
// Add order (a form, or a click on the map). Every change is one undoable edit.
import { createEffect, createMemo, createSignal, on, Show, type JSX } from 'solid-js';
import type { Scenario } from '../../domain/scenario';
import { useApp } from '../../store/context';
import type { ScenarioActions } from '../../store/scenario';
import { applyBulk, type BulkIssue } from '../fleet/bulk-edit';
import { BulkEditor } from '../fleet/BulkEditor';
import { createRowSelection } from '../fleet/selection';
import { Dialog } from '../ui/Dialog';
import { formatCount } from '../ui/format';
import { orderCodec, orderColumns } from './order-columns';
import { draftOfOrder } from './order-draft';
import { openOrderForm } from './order-editor';
import { filterOrders, orderStatuses, PAGE_SIZE } from './order-rows';
import { OrderTable } from './OrderTable';

type OrderColumn = ReturnType<typeof orderColumns>[number];

/** Sets a column on the selected orders in one undoable edit; returns the issues that refused it. */
function applyOrderColumn(actions: ScenarioActions, ids: ReadonlySet<string>, column: OrderColumn, values: string[]): BulkIssue[] {
  const scenario = actions.snapshot();
  if (!scenario) return [];
  const { changed, issues } = applyBulk(scenario.orders.filter((o) => ids.has(o.id)), column, values, orderCodec(scenario));
  if (!issues.length) actions.updateOrders([...changed.keys()], (o) => changed.get(o.id) ?? o);
  return issues;
}

/** The modal with the orders table; `onPlaceOnMap` closes it so the map can be clicked. */
export function OrdersDialog(props: { open: boolean; onClose: () => void; onAddOnMap: () => void }): JSX.Element {
  const { scenario: [state] } = useApp();
  return (
    <Dialog title="Orders" open={props.open} onClose={props.onClose} class="dialog--wide">
      <Show when={state.scenario}>{(s) => <OrdersBody scenario={s()} onAddOnMap={props.onAddOnMap} />}</Show>
    </Dialog>
  );
}

function OrdersBody(props: { scenario: Scenario; onAddOnMap: () => void }): JSX.Element {
  const { scenario: [, actions] } = useApp();
  const [query, setQuery] = createSignal('');
  const [page, setPage] = createSignal(0);
  const selection = createRowSelection(() => props.scenario.orders);
  const live = selection.live;
  const matches = createMemo(() => filterOrders(props.scenario.orders, query()));
  const status = createMemo(() => orderStatuses(props.scenario));
  const pages = () => Math.max(1, Math.ceil(matches().length / PAGE_SIZE));
  const current = () => Math.min(page(), pages() - 1);
  const rows = () => matches().slice(current() * PAGE_SIZE, (current() + 1) * PAGE_SIZE);
  createEffect(on(query, () => setPage(0), { defer: true }));
  const allSelected = () => matches().length > 0 && matches().every((o) => live().has(o.id));
  const applyColumn = (column: OrderColumn, values: string[]) => applyOrderColumn(actions, live(), column, values);
  return (
    <>
      <div class="editor-toolbar">
        <button type="button" class="btn btn--primary" onClick={() => openOrderForm({})}>Add order</button>
        <button type="button" class="btn" onClick={() => props.onAddOnMap()}>Add order on map</button>
        <label class="field editor-filter">
          <span class="field__label">Filter orders</span>
          <input type="search" value={query()} placeholder="id, customer, address, type…" onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <span class="muted" role="status">{formatCount(matches().length)} of {formatCount(props.scenario.orders.length)} orders · {formatCount(live().size)} selected</span>
        <Show when={live().size > 0}>
          <button type="button" class="btn btn--small btn--danger" onClick={() => { actions.removeOrders([...live()]); selection.set([]); }}>Delete selected ({formatCount(live().size)})</button>
        </Show>
      </div>
      <Show when={live().size > 0}>
        <BulkEditor columns={orderColumns(props.scenario)} count={live().size} noun={live().size === 1 ? 'order' : 'orders'}
          prefill={(c) => { const o = props.scenario.orders.find((x) => live().has(x.id)); return o ? c.fields.map((f) => f.read(draftOfOrder(o))) : c.fields.map(() => ''); }}
          apply={applyColumn} />
      </Show>
      <OrderTable scenario={props.scenario} rows={rows()} status={status()} selected={live()} allSelected={allSelected()}
        onToggle={selection.toggle} onToggleAll={(on) => selection.set(on ? matches().map((o) => o.id) : [])}
        onEdit={(o) => openOrderForm({ orderId: o.id })} onDelete={(o) => actions.removeOrders([o.id])} />
      <Pager page={current()} pages={pages()} total={matches().length} onPage={setPage} />
    </>
  );
}

/** Previous / Next page and where the page is in the filtered orders. */
function Pager(props: { page: number; pages: number; total: number; onPage: (page: number) => void }): JSX.Element {
  const from = () => (props.total ? props.page * PAGE_SIZE + 1 : 0);
  const to = () => Math.min(props.total, (props.page + 1) * PAGE_SIZE);
  return (
    <nav class="editor-pager" aria-label="Orders pages">
      <button type="button" class="btn btn--small" disabled={props.page === 0} onClick={() => props.onPage(props.page - 1)}>Previous page</button>
      <span>Orders {formatCount(from())}–{formatCount(to())} of {formatCount(props.total)} · page {props.page + 1} of {props.pages}</span>
      <button type="button" class="btn btn--small" disabled={props.page >= props.pages - 1} onClick={() => props.onPage(props.page + 1)}>Next page</button>
    </nav>
  );
}
