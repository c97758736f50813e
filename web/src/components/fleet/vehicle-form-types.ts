// What the vehicle form's sections share: the draft, its setters and the issues to show.
import type { FormSection } from './form-issues';
import type { VehicleDraft } from './vehicle-draft';

/** String-valued keys of the draft (one input each). */
export type VehicleTextKey = { [K in keyof VehicleDraft]: VehicleDraft[K] extends string ? K : never }[keyof VehicleDraft];

/** Props of every section of the vehicle form. */
export type VehicleSectionProps = FormSection<VehicleDraft, VehicleTextKey>;
