// Steps 3 and 4 of the import: how many rows are ready, every invalid row with
// its fixes, append or replace, and Import. After importing, rows still invalid
// stay listed here ("kept aside") until they are fixed and added, or removed.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { ImportColumnFixes } from './ImportColumnFixes';
import { ImportEmptyServiceTypes } from './ImportEmptyServiceTypes';
import { ImportNotices } from './ImportNotices';
import { ImportPlaces } from './ImportPlaces';
import { ImportRowFix } from './ImportRowFix';
import { Banner } from './ui/Banner';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { formatCount, plural } from './ui/format';

/** Rows shown at once; the rest are counted. */
const SHOWN_ROWS = 200;

/** Summary, invalid rows and the Import action. */
export function ImportReview(): JSX.Element {
  const { importer: [state, actions], scenario: [scenario] } = useApp();
  const noun = () => (state.kind === 'orders' ? 'order' : 'vehicle');
  const existing = () => (state.kind === 'orders' ? scenario.scenario?.orders.length : scenario.scenario?.vehicles.length) ?? 0;
  const done = () => state.step === 'done';
  const [askRestart, setAskRestart] = createSignal(false);
  /** "12 rows ready", or, when some orders take more than one row (further lines, a shipment's pickup row), "5 orders ready (9 rows)". */
  const readyText = () => {
    const rows = state.rows.reduce((n, r) => n + (r.value === null ? 0 : 1 + (r.lines?.length ?? 0) + (r.pickupRow === undefined ? 0 : 1)), 0);
    return rows === state.validCount ? `${plural(rows, 'row')} ready` : `${plural(state.validCount, noun())} ready (${plural(rows, 'row')})`;
  };
  /** The workbook's other tables not imported in this session (a fleet sheet after the orders; not a cover sheet). */
  const otherSheets = () => {
    const sheets = state.table?.sheets;
    return sheets ? sheets.tables.filter((name) => name !== sheets.read && !state.importedSheets.includes(name)) : [];
  };
  return (
    <>
      <Show when={state.lastImport}>
        {(last) => (
          <p class="summary-line ok-text" role="status">
            Imported {plural(last().count, last().kind === 'orders' ? 'order' : 'vehicle')}{last().mode === 'replace' ? ' (replacing the previous ones)' : ''}
            {last().depots > 0 ? ` and created ${plural(last().depots, 'depot')}` : ''}.
          </p>
        )}
      </Show>
      <Show when={state.checking}>
        <p class="summary-line" role="status">Checking {plural(state.table?.rows.length ?? 0, 'row')}…</p>
      </Show>
      <p class="summary-line" hidden={state.checking}>
        <Show when={!done() || state.validCount > 0}><span class="ok-text">{readyText()}</span>{' · '}</Show>
        <Show when={state.invalid.length > 0} fallback={<span>no row needs attention</span>}>
          <span class="warn-text">{formatCount(state.invalid.length)} {done() ? 'kept aside (not imported)' : 'need attention'}</span>
        </Show>
        <Show when={state.removed.length > 0}>
          {' · '}{formatCount(state.removed.length)} removed{' '}
          <button type="button" class="btn btn--ghost btn--small" onClick={() => actions.restoreRows()}>Put back</button>
        </Show>
      </p>
      <Show when={done() && otherSheets().length > 0}>
        {/* Another sheet is a new session: offered once no row of this one is kept aside, so none is lost. */}
        <Show when={state.invalid.length === 0} fallback={
          <p class="muted">This workbook has more to import ({otherSheets().map((name) => `“${name}”`).join(', ')}): fix or remove the rows kept aside first.</p>
        }>
          <div class="row-line">
            <span>This workbook has more to import:</span>
            <For each={otherSheets()}>
              {(name) => <button type="button" class="btn btn--small" disabled={state.busy} onClick={() => void actions.chooseSheet(name)}>Import sheet “{name}”</button>}
            </For>
          </div>
        </Show>
        <Show when={state.error}>{(message) => <Banner tone="error" title="This sheet cannot be imported"><span>{message()}</span></Banner>}</Show>
      </Show>
      <ImportNotices />
      <ImportPlaces />
      <Show when={!done()}><ImportEmptyServiceTypes /></Show>
      <Show when={state.invalid.length > 0}>
        <ImportColumnFixes />
        <p class="muted">Fix a value in place (the row is checked again at once) or remove the row. Row numbers are those of your spreadsheet. Rows still invalid are kept aside, never dropped.</p>
        <ul class="fix-list" aria-label="Rows that need attention">
          <For each={state.invalid.slice(0, SHOWN_ROWS)}>{(row) => <ImportRowFix row={row} />}</For>
        </ul>
        <Show when={state.invalid.length > SHOWN_ROWS}><p class="muted">…and {plural(state.invalid.length - SHOWN_ROWS, 'more row')}.</p></Show>
      </Show>
      <Show when={!done()}>
        <div class="row-line">
          <div class="choice" role="radiogroup" aria-label="Import mode">
            <label><input type="radio" name="import-mode" checked={state.mode === 'append'} onChange={() => actions.setMode('append')} />Add to the {plural(existing(), noun())}</label>
            <label><input type="radio" name="import-mode" checked={state.mode === 'replace'} onChange={() => actions.setMode('replace')} />Replace the {plural(existing(), noun())}</label>
          </div>
          <Show when={state.mode === 'replace'}><span class="muted">The current plan is removed.</span></Show>
        </div>
      </Show>
      <div class="dialog__footer">
        <Show when={!done()} fallback={<button type="button" class="btn" onClick={() => (state.invalid.length > 0 ? setAskRestart(true) : actions.restart())}>Import another file</button>}>
          <button type="button" class="btn" onClick={() => actions.back()}>Back to columns</button>
        </Show>
        <span class="spacer" />
        <Show when={done()}><button type="button" class="btn" onClick={() => actions.close()}>Close</button></Show>
        <button type="button" class="btn btn--primary" disabled={state.validCount === 0 || state.checking} onClick={() => void actions.commit()}>
          {done() ? `Add ${plural(state.validCount, 'fixed row')}` : `Import ${plural(state.validCount, noun())}`}
        </button>
      </div>
      {/* Another file is a new session: the rows kept aside (and the fixes typed into them) would leave the list unsaid. */}
      <Show when={askRestart()}>
        <ConfirmDialog
          open
          title={`${plural(state.invalid.length, 'row')} kept aside ${state.invalid.length === 1 ? 'is' : 'are'} not imported`}
          confirmLabel="Leave them out"
          cancelLabel="Keep fixing"
          onConfirm={() => { setAskRestart(false); actions.restart(); }}
          onCancel={() => setAskRestart(false)}
        >
          <p>Another file starts a new import, and these rows leave this list with any fixes typed into them. They stay in your file, to import later.</p>
        </ConfirmDialog>
      </Show>
    </>
  );
}
