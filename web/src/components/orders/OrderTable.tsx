// One page of the Orders table (the page, not all 5,000 rows, is rendered):
// id, customer, address, service type, windows, amounts, priority and status,
// with row checkboxes and per-row Edit / Delete. Text is rendered as text.
import { For, type JSX } from 'solid-js';
import type { Order, Scenario } from '../../domain/scenario';
import { serviceTypeSpec } from '../../domain/service-types';
import { windowsText, type OrderStatus } from './order-rows';

/** Props of the table page; `selected` holds order ids. */
export interface OrderTableProps {
  scenario: Scenario;
  rows: Order[];
  status(id: string): OrderStatus;
  selected: ReadonlySet<string>;
  /** Every row of the filter (all pages) is selected. */
  allSelected: boolean;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
  onEdit(order: Order): void;
  onDelete(order: Order): void;
}

/** The table of one page of orders. */
export function OrderTable(props: OrderTableProps): JSX.Element {
  const units = () => props.scenario.settings.capacityUnits;
  return (
    <div class="table-scroll editor-table">
      <table class="data-table" aria-label="Orders table">
        <thead>
          <tr>
            <th><input type="checkbox" aria-label="Select all matching orders" checked={props.allSelected} onChange={(e) => props.onToggleAll(e.currentTarget.checked)} /></th>
            <th>Id</th><th>Customer</th><th>Address</th><th>Service</th><th>Windows</th><th>Amounts</th><th class="num">Priority</th><th>Status</th><th><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows} fallback={<tr><td colSpan={10} class="muted">No orders match.</td></tr>}>
            {(o) => (
              <tr data-order-id={o.id} classList={{ 'is-current': props.selected.has(o.id) }}>
                <td><input type="checkbox" aria-label={`Select order ${o.id}`} checked={props.selected.has(o.id)} onChange={(e) => props.onToggle(o.id, e.currentTarget.checked)} /></td>
                <td>{o.id}</td>
                <td class="editor-wrap">{o.customerName}</td>
                <td class="sample" title={o.address}>{o.address}</td>
                <td>{serviceTypeSpec(props.scenario.settings, o.serviceType).label}</td>
                <td>{windowsText(o)}</td>
                <td>{o.amounts.map((a, i) => `${a} ${units()[i] ?? ''}`).join(' · ')}</td>
                <td class="num">{o.priority}</td>
                <td><span class={props.status(o.id) === 'unassigned' ? 'warn-text' : props.status(o.id) === 'planned' ? 'ok-text' : 'muted'}>{props.status(o.id)}</span></td>
                <td class="editor-actions">
                  <button type="button" class="btn btn--small" aria-label={`Edit order ${o.id}`} onClick={() => props.onEdit(o)}>Edit</button>
                  <button type="button" class="btn btn--small btn--danger" aria-label={`Delete order ${o.id}`} onClick={() => props.onDelete(o)}>Delete</button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
