// The Settings dialog's service-type catalogue: per type, the base service
// minutes, minutes per item, crew size and required skills (comma-separated).
import { For, type JSX } from 'solid-js';
import { SERVICE_TYPES, type ServiceType } from '../domain/scenario';
import { itemUnitIndex, serviceTypeSpec } from '../domain/service-types';
import { fieldLabel, type ServiceTypeDraft } from './settings-draft';
import { SettingsField } from './SettingsField';
import type { SettingsSectionProps } from './SettingsUnits';

const COLUMNS: { key: keyof ServiceTypeDraft; title: string; numeric: boolean }[] = [
  { key: 'baseMinutes', title: 'Base min', numeric: true },
  { key: 'minutesPerItem', title: 'Min per item', numeric: true },
  { key: 'crewSize', title: 'Crew size', numeric: true },
  { key: 'skills', title: 'Required skills', numeric: false },
];

/** The catalogue table; one row per service type. */
export function SettingsServiceTypes(props: SettingsSectionProps): JSX.Element {
  const itemUnit = () => {
    const k = itemUnitIndex(props.base.settings);
    return k >= 0 ? props.base.settings.capacityUnits[k] : null;
  };
  const cell = (type: ServiceType, key: keyof ServiceTypeDraft, numeric: boolean) => {
    const path = `settings.serviceTypes.${type}.${key}`;
    return (
      <td class={numeric ? 'num' : undefined}>
        <SettingsField path={path} label={fieldLabel(path)} hideLabel numeric={numeric} class={numeric ? 'settings-field--short' : 'settings-field--skills'}
          value={props.draft.serviceTypes[type][key]} onInput={(text) => props.setDraft('serviceTypes', type, key, text)} issues={props.issuesAt(path)} />
      </td>
    );
  };
  return (
    <fieldset class="settings-section">
      <legend class="section-title">Service types</legend>
      <p class="settings-hint">
        Crew size and required skills apply to every order of the type unless the order overrides them.
        Suggested minutes on site = base + per item × {itemUnit() ? `the order's amount in “${itemUnit()}”` : '1 (no unit counts items)'}; each order keeps its own minutes.
      </p>
      <table class="data-table settings-catalogue" aria-label="Service types">
        <thead><tr><th scope="col">Type</th><For each={COLUMNS}>{(c) => <th scope="col" class={c.numeric ? 'num' : undefined}>{c.title}</th>}</For></tr></thead>
        <tbody>
          <For each={SERVICE_TYPES}>
            {(type) => <tr><th scope="row">{serviceTypeSpec(props.base.settings, type).label}</th><For each={COLUMNS}>{(c) => cell(type, c.key, c.numeric)}</For></tr>}
          </For>
        </tbody>
      </table>
    </fieldset>
  );
}
