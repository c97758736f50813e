// "Set every empty service type to …" in one step: rows whose service type cell
// is empty would be curbside; the dispatcher picks the type for all of them.
import { For, Show, type JSX } from 'solid-js';
import { SERVICE_TYPES } from '../domain/scenario';
import { DEFAULT_SERVICE_TYPES } from '../domain/service-types';
import { useApp } from '../store/context';
import { plural } from './ui/format';

/** "Set every empty service type to …": rows without a service type would be curbside. */
export function ImportEmptyServiceTypes(): JSX.Element {
  const { importer: [state, actions] } = useApp();
  const column = () => state.targets.indexOf('serviceType');
  const pending = () => {
    const skip = new Set([...state.removed, ...state.imported]);
    return (state.table?.rows ?? []).filter((cells, index) => !skip.has(index) && (cells[column()] ?? '').trim() === '').length;
  };
  let select!: HTMLSelectElement;
  return (
    <Show when={column() >= 0 && state.kind === 'orders' && pending() > 0}>
      <p class="row-line">
        <span>{plural(pending(), 'row has', 'rows have')} no service type (curbside unless set).</span>
        <select ref={select} aria-label="Service type for rows without one">
          <For each={SERVICE_TYPES}>{(type) => <option value={type}>{DEFAULT_SERVICE_TYPES[type].label}</option>}</For>
        </select>
        <button type="button" class="btn btn--small" onClick={() => actions.replaceInColumn(column(), '', select.value)}>
          Set every empty service type
        </button>
      </p>
    </Show>
  );
}
