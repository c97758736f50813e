// What the order form's sections share: the draft, its setters and the issues to show.
import type { FormSection } from '../fleet/form-issues';
import type { OrderDraft } from './order-draft';

/** String-valued keys of the draft (one input each). */
export type OrderTextKey = { [K in keyof OrderDraft]: OrderDraft[K] extends string ? K : never }[keyof OrderDraft];

/** Props of every section of the order form. */
export type OrderSectionProps = FormSection<OrderDraft, OrderTextKey>;
