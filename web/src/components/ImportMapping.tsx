// Step 2 of the import: every column of the file with sample values and where
// it goes. Matches were guessed from the headers; the dispatcher corrects them.
import { For, Index, Show, type JSX } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { ImportKind, TimeFormat } from '../io/column-map';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';
import { formatCount, plural } from './ui/format';

const SAMPLES = 3;
const SHOWN_WARNINGS = 5;

/** Column → field table with the orders/vehicles switch. */
export function ImportMapping(): JSX.Element {
  const { importer: [state, actions] } = useApp();
  const table = () => state.table!;
  /** The column's first SAMPLES non-empty values, read from the raw table up to the rows it needs (a large file has 10,000). */
  const samples = (column: number) => {
    const found: string[] = [];
    for (const row of unwrap(table()).rows) {
      const cell = row[column] ?? '';
      if (cell.trim() !== '') found.push(cell);
      if (found.length === SAMPLES) break;
    }
    return found.join(' · ');
  };
  const isTime = (target: string) => target === 'window' || state.fields.find((f) => f.key === target)?.format === 'time';
  const unmatched = () => state.targets.filter((t) => t === 'extra').length;
  return (
    <>
      <div class="row-line">
        <span>This file holds</span>
        <div class="choice" role="radiogroup" aria-label="File holds">
          <For each={['orders', 'vehicles'] as ImportKind[]}>
            {(kind) => (
              <label>
                <input type="radio" name="import-kind" checked={state.kind === kind} onChange={() => actions.setKind(kind)} />
                {kind === 'orders' ? 'Orders' : 'Vehicles'}
              </label>
            )}
          </For>
        </div>
        <span class="muted">{plural(table().rows.length, 'row')} · {plural(table().headers.length, 'column')}</span>
      </div>
      <Show when={table().sheets}>
        {(sheets) => (
          <div class="row-line">
            <label>
              Sheet{' '}
              <select value={sheets().read} disabled={state.busy} onChange={(e) => void actions.chooseSheet(e.currentTarget.value)}>
                <For each={sheets().names}>{(name) => <option value={name}>{name}</option>}</For>
              </select>
            </label>
            <span class="muted">This workbook has {sheets().names.length} sheets: choose the one to import.</span>
          </div>
        )}
      </Show>
      <Show when={state.error}>{(message) => <Banner tone="error" title="This sheet cannot be imported"><span>{message()}</span></Banner>}</Show>
      <Show when={table().warnings.length > 0}>
        <Banner tone="warning" title="Rows left out or cut short">
          <ul><For each={table().warnings.slice(0, SHOWN_WARNINGS)}>{(w) => <li>{w}</li>}</For></ul>
          <Show when={table().warnings.length > SHOWN_WARNINGS}><p>…and {table().warnings.length - SHOWN_WARNINGS} more. Is this the right file?</p></Show>
        </Banner>
      </Show>
      <div class="table-scroll">
        <table class="data-table" aria-label="Column mapping">
          <thead><tr><th scope="col">Column in file</th><th scope="col">First values</th><th scope="col">Goes to</th><th scope="col">Time written as</th></tr></thead>
          <tbody>
            <Index each={table().headers}>
              {(header, column) => (
                <tr>
                  <th scope="row">{header() || <span class="muted">(no name)</span>}</th>
                  <td class="sample" title={samples(column)}>{samples(column)}</td>
                  <td>
                    <select aria-label={`Field for column ${header() || column + 1}`} value={state.targets[column]} onChange={(e) => actions.mapColumn(column, e.currentTarget.value)}>
                      <For each={state.fields}>{(f) => <option value={f.key}>{f.label}</option>}</For>
                      <Show when={state.kind === 'vehicles'}><option value="flag">Feature if yes (“{header()}”)</option></Show>
                      <option value="extra">Keep as custom field</option>
                      <option value="ignore">Ignore</option>
                    </select>
                  </td>
                  <td>
                    <Show when={isTime(state.targets[column])}>
                      <select aria-label={`Time format of column ${header()}`} value={state.timeFormats[column] ?? 'clock'} onChange={(e) => actions.setTimeFormat(column, e.currentTarget.value as TimeFormat)}>
                        <option value="clock">Clock (10:00, 10h00, 1000)</option>
                        <option value="minutes">Minutes since midnight</option>
                        <option value="dayFraction">Fraction of a day (0.375 = 09:00)</option>
                      </select>
                    </Show>
                  </td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </div>
      <Show when={unmatched() > 0}>
        <p class="muted">
          {unmatched() === 1 ? '1 column is' : `${formatCount(unmatched())} columns are`} kept as custom fields without a rule: they stay with each{' '}
          {state.kind === 'orders' ? 'order' : 'vehicle'} and are exported again.
        </p>
      </Show>
      <div class="dialog__footer">
        <button type="button" class="btn" onClick={() => actions.restart()}>Choose another file</button>
        <span class="spacer" />
        <button type="button" class="btn btn--primary" onClick={() => actions.review()}>Check rows</button>
      </div>
    </>
  );
}
