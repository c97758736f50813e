// The Settings dialog's capacity units: rename, add, remove. Amounts follow
// their unit; a unit that orders carry amounts in cannot be removed (that would
// lose them), and removing one that only vehicles have capacity in says so first.
import { For, Show, type JSX } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { Scenario } from '../domain/scenario';
import { unitUse, type FieldIssue, type SettingsDraft } from './settings-draft';
import { FieldIssues, SettingsField } from './SettingsField';
import { plural } from './ui/format';

/** Props shared by the dialog's sections. */
export interface SettingsSectionProps {
  /** The scenario as it was when the dialog opened. */
  base: Scenario;
  draft: SettingsDraft;
  setDraft: SetStoreFunction<SettingsDraft>;
  issuesAt: (path: string) => FieldIssue[];
}

/** The list of capacity units with Add and Remove. */
export function SettingsUnits(props: SettingsSectionProps): JSX.Element {
  const use = unitUse(props.base);
  const names = props.base.settings.capacityUnits;
  const usedByOrders = (from: number | null) => (from === null ? 0 : use[from].orders);
  const removed = () => names.map((name, k) => ({ name, ...use[k], kept: props.draft.capacityUnits.some((u) => u.from === k) })).filter((u) => !u.kept);
  let list!: HTMLUListElement;
  const add = () => {
    props.setDraft('capacityUnits', (units) => [...units, { name: '', from: null }]);
    list.querySelector<HTMLInputElement>('li:last-child input')?.focus();
  };
  return (
    <fieldset class="settings-section">
      <legend class="section-title">Capacity units</legend>
      <p class="settings-hint">Vehicle capacities and order amounts are kept per unit; renaming a unit keeps them.</p>
      <ul class="settings-units" ref={list}>
        <For each={props.draft.capacityUnits}>
          {(unit, i) => (
            <li>
              <SettingsField path={`settings.capacityUnits[${i()}]`} label={`Capacity unit ${i() + 1}`} value={unit.name}
                onInput={(name) => props.setDraft('capacityUnits', i(), 'name', name)} issues={props.issuesAt(`settings.capacityUnits[${i()}]`)}
                hint={unit.from === null ? 'New: every vehicle gets capacity 0 and every order amount 0 in it.' : undefined} />
              <button type="button" class="btn btn--small" aria-label={`Remove capacity unit ${i() + 1}${unit.name ? ` (${unit.name})` : ''}`}
                disabled={usedByOrders(unit.from) > 0 || props.draft.capacityUnits.length === 1}
                onClick={() => props.setDraft('capacityUnits', (units) => units.filter((_, k) => k !== i()))}>Remove</button>
              <Show when={usedByOrders(unit.from) > 0}>
                <span class="settings-hint">In use by {plural(usedByOrders(unit.from), 'order')}: cannot be removed.</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div><button type="button" class="btn btn--small" onClick={add}>Add unit</button></div>
      <For each={removed().filter((u) => u.vehicles > 0)}>
        {(u) => <p class="note" role="status">Saving removes “{u.name}” and the capacity in it of {plural(u.vehicles, 'vehicle')}.</p>}
      </For>
      <FieldIssues issues={props.issuesAt('settings.capacityUnits')} />
    </fieldset>
  );
}
