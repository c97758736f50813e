// What the order form's sections share: the draft, its setters and the issues to show.
import type { SetStoreFunction } from 'solid-js/store';
import type { Scenario } from '../../domain/scenario';
import type { FieldIssue } from '../../domain/validate-entity';
import type { OrderDraft } from './order-draft';

/** String-valued keys of the draft (one input each). */
export type OrderTextKey = { [K in keyof OrderDraft]: OrderDraft[K] extends string ? K : never }[keyof OrderDraft];

/** Props of every section of the order form. */
export interface OrderSectionProps {
  scenario: Scenario;
  draft: OrderDraft;
  setDraft: SetStoreFunction<OrderDraft>;
  set(key: OrderTextKey, label: string, value: string): void;
  issuesAt(label: string): FieldIssue[];
  touch(label: string): void;
}
