// The table of every vehicle: what it carries, its crew and equipment, depots,
// shift, breaks, limits and costs, with row checkboxes for bulk edits and
// per-row Edit / Duplicate / Delete. Names are rendered as text.
import { For, Show, type JSX } from 'solid-js';
import type { Scenario, Vehicle } from '../../domain/scenario';
import { formatDayMinutes } from '../ui/format';

/** Props of the table; `selected` holds vehicle ids. */
export interface VehicleTableProps {
  scenario: Scenario;
  selected: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
  onEdit(vehicle: Vehicle): void;
  onDuplicate(vehicle: Vehicle): void;
  onDelete(vehicle: Vehicle): void;
}

function capacityText(v: Vehicle, units: readonly string[]): string {
  return v.capacity.map((c, i) => `${c === null ? 'no limit' : c.toLocaleString('en')} ${units[i]}`).join(' · ');
}

function limitsText(v: Vehicle): string {
  const l = v.limits ?? {};
  const parts = [
    l.maxStops !== undefined && `${l.maxStops} stops`, l.maxDurationMinutes !== undefined && `${l.maxDurationMinutes} min`,
    l.maxDrivingMinutes !== undefined && `${l.maxDrivingMinutes} min driving`, l.maxDistanceKm !== undefined && `${l.maxDistanceKm} km`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

const depotName = (s: Scenario, id: string) => s.depots.find((d) => d.id === id)?.name || id;

/** One row per vehicle. */
export function VehicleTable(props: VehicleTableProps): JSX.Element {
  const all = () => props.scenario.vehicles.length > 0 && props.scenario.vehicles.every((v) => props.selected.has(v.id));
  return (
    <div class="table-scroll editor-table">
      <table class="data-table">
        <thead>
          <tr>
            <th><input type="checkbox" aria-label="Select all vehicles" checked={all()} onChange={(e) => props.onToggleAll(e.currentTarget.checked)} /></th>
            <th>Name</th><th>Type</th><th>Capacity</th><th>Crew</th><th>Features</th><th>Depots</th><th>Shift</th><th class="num">Breaks</th><th>Limits</th><th>Costs</th><th><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          <For each={props.scenario.vehicles} fallback={<tr><td colSpan={12} class="muted">No vehicles yet: press Add vehicle.</td></tr>}>
            {(v) => (
              <tr data-vehicle-id={v.id} classList={{ 'is-current': props.selected.has(v.id) }}>
                <td><input type="checkbox" aria-label={`Select ${v.name || v.id}`} checked={props.selected.has(v.id)} onChange={(e) => props.onToggle(v.id, e.currentTarget.checked)} /></td>
                <td><strong>{v.name || v.id}</strong> <span class="muted">{v.id}</span></td>
                <td>{v.type}</td>
                <td>{capacityText(v, props.scenario.settings.capacityUnits)}</td>
                <td>{v.crew ? `${v.crew.size}${v.crew.skills.length ? ` · ${v.crew.skills.join(', ')}` : ''}` : '—'}</td>
                <td>{v.features?.length ? v.features.join(', ') : '—'}</td>
                <td>{depotName(props.scenario, v.startDepotId)}<Show when={v.endDepotId !== v.startDepotId}> → {depotName(props.scenario, v.endDepotId)}</Show></td>
                <td>{formatDayMinutes(v.shift.start)}–{formatDayMinutes(v.shift.end)}<Show when={v.overtime}>{(o) => <span class="muted"> +{o().maxMinutes} min</span>}</Show></td>
                <td class="num">{v.breaks?.length ?? 0}</td>
                <td>{limitsText(v)}</td>
                <td>{v.costs.fixed} + {v.costs.perKm}/km + {v.costs.perHour}/h</td>
                <td class="editor-actions">
                  <button type="button" class="btn btn--small" aria-label={`Edit ${v.name || v.id}`} onClick={() => props.onEdit(v)}>Edit</button>
                  <button type="button" class="btn btn--small" aria-label={`Duplicate ${v.name || v.id}`} onClick={() => props.onDuplicate(v)}>Duplicate</button>
                  <button type="button" class="btn btn--small btn--danger" aria-label={`Delete ${v.name || v.id}`} onClick={() => props.onDelete(v)}>Delete</button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
