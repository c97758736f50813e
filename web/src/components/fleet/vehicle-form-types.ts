// What the vehicle form's sections share: the draft, its setters and the issues to show.
import type { SetStoreFunction } from 'solid-js/store';
import type { Scenario } from '../../domain/scenario';
import type { FieldIssue } from '../../domain/validate-entity';
import type { VehicleDraft } from './vehicle-draft';

/** String-valued keys of the draft (one input each). */
export type VehicleTextKey = { [K in keyof VehicleDraft]: VehicleDraft[K] extends string ? K : never }[keyof VehicleDraft];

/** Props of every section of the vehicle form. */
export interface VehicleSectionProps {
  scenario: Scenario;
  draft: VehicleDraft;
  setDraft: SetStoreFunction<VehicleDraft>;
  /** Sets a text field and marks it typed in (its issues show). */
  set(key: VehicleTextKey, label: string, value: string): void;
  /** The issues the form shows now for a label. */
  issuesAt(label: string): FieldIssue[];
  /** Marks a field typed in. */
  touch(label: string): void;
}
