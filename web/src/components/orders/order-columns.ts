// The order columns a dispatcher can set on many orders at once, and the codec
// that applies them through the order form's draft.
import { SERVICE_TYPES, type Order, type Scenario } from '../../domain/scenario';
import { serviceTypeSpec } from '../../domain/service-types';
import { textField, type BulkColumn, type BulkField, type DraftCodec } from '../fleet/bulk-edit';
import { draftOfOrder, orderFromDraft, type OrderDraft } from './order-draft';

type Column = BulkColumn<OrderDraft>;

/** The single window every selected order gets (both blank = any time). */
function windowField(label: string, key: 'start' | 'end'): BulkField<OrderDraft> {
  return {
    label,
    read: (d) => d.windows[0]?.[key] ?? '',
    write: (d, text) => {
      d.windows = [{ ...(d.windows[0] ?? { start: '', end: '' }), [key]: text }];
      if (!d.windows[0].start.trim() && !d.windows[0].end.trim()) d.windows = [];
    },
  };
}

const serviceTypeField = (scenario: Scenario): BulkField<OrderDraft> => ({
  label: 'Service type',
  choices: SERVICE_TYPES.map((t) => [t, serviceTypeSpec(scenario.settings, t).label] as const),
  read: (d) => d.serviceType,
  write: (d, text) => { d.serviceType = text as OrderDraft['serviceType']; },
});

/** Every bulk-editable column of an order. */
export function orderColumns(scenario: Scenario): Column[] {
  return [
    { name: 'Service type', fields: [serviceTypeField(scenario)], hint: 'Service minutes stay as they are; set them too if the new type takes longer.' },
    { name: 'Service minutes', fields: [textField('Service minutes', 'serviceMinutes')] },
    { name: 'Priority', fields: [textField('Priority', 'priority')], hint: '0 (lowest) to 10.' },
    { name: 'Window', fields: [windowField('Window 1 start', 'start'), windowField('Window 1 end', 'end')], hint: 'Replaces every window with this one; both blank = any time.' },
    { name: 'Skills', fields: [textField('Skills', 'skills')], hint: "Comma-separated; blank = the service type's." },
    { name: 'Crew size', fields: [textField('Crew size', 'crewSize')], hint: "Blank = the service type's." },
    { name: 'Late allowance', fields: [textField('Late allowance (min)', 'lateMax'), textField('Late cost per minute', 'lateCost')], hint: 'Blank = the windows are hard.' },
    { name: 'Notes', fields: [textField('Notes', 'notes')] },
  ];
}

/** Orders ⇄ drafts, validated against `scenario`. */
export function orderCodec(scenario: Scenario): DraftCodec<Order, OrderDraft> {
  const byId = new Map(scenario.orders.map((o) => [o.id, o]));
  // A bulk column never changes an id, so the other orders need not be searched for a clash:
  // that search per order would make a bulk edit of 5,000 orders quadratic.
  const withoutOthers: Scenario = { ...scenario, orders: [] };
  return {
    toDraft: draftOfOrder,
    fromDraft: (draft, originalId) => {
      const keepsId = draft.id.trim() === originalId;
      const { order, issues } = orderFromDraft(draft, keepsId ? withoutOthers : scenario, byId.get(originalId));
      return { value: order, issues };
    },
    nameOf: (o) => o.id,
  };
}
