// "Set every empty service type to …" in one step: rows whose service type cell
// is empty would be curbside; the dispatcher picks the type for all of them.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { SERVICE_TYPES } from '../domain/scenario';
import { DEFAULT_SERVICE_TYPES } from '../domain/service-types';
import { useApp } from '../store/context';
import { plural } from './ui/format';

/** "Set every empty service type to …": rows without a service type would be curbside. */
export function ImportEmptyServiceTypes(): JSX.Element {
  const { importer: [state, actions] } = useApp();
  const column = createMemo(() => state.targets.indexOf('serviceType'));
  // The cells read raw, once per edit (`tableEdits`): through the store, a 10,000-row file's column was ~35 ms of
  // proxy reads each time the review showed (issue #15).
  const pending = createMemo(() => {
    const c = column();
    if (c < 0 || state.kind !== 'orders') return 0;
    void state.tableEdits;
    const rows = state.table ? unwrap(state.table).rows : [];
    const skip = new Set([...state.removed, ...state.imported]);
    let count = 0;
    rows.forEach((cells, index) => { if (!skip.has(index) && (cells[c] ?? '').trim() === '') count += 1; });
    return count;
  });
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
