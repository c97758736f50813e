// Step 1 of the import: pick or drop a file. Lists what the planner reads,
// including what it cannot read yet, and shows why a file was refused.
import { createSignal, Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.json';

/** File picker with drag and drop. */
export function ImportChoose(): JSX.Element {
  const { importer: [state, actions] } = useApp();
  const [over, setOver] = createSignal(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) void actions.loadFile(file);
  };
  return (
    <>
      <div
        class={`drop-zone${over() ? ' drop-zone--over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); take(e.dataTransfer?.files); }}
      >
        <strong>Drop a file here</strong>
        <span class="muted">or</span>
        <label class="btn btn--primary">
          Choose a file…
          <input type="file" accept={ACCEPT} class="visually-hidden" aria-label="Choose a file to import" onChange={(e) => take(e.currentTarget.files)} />
        </label>
        <Show when={state.busy}><span role="status">Reading {state.fileName}…</span></Show>
      </div>
      <Show when={state.error}>
        {(message) => <Banner tone="error" title="This file cannot be imported"><span>{message()}</span></Banner>}
      </Show>
      <ul class="format-list" aria-label="Formats">
        <li><span class="tag">.csv</span> Orders or vehicles, any column names (OptimoRoute, Circuit, Onfleet, Routific and Route4Me templates match as they are), comma, semicolon or tab separated</li>
        <li><span class="tag">.xlsx</span> Orders or vehicles from an Excel workbook (the first sheet holding a table; another can be chosen)</li>
        <li><span class="tag">.fmp.json</span> A scenario file exported from this planner (opens as its own scenario)</li>
        <li><span class="tag">VROOM .json</span> A VROOM problem (jobs, shipments, vehicles; opens as its own scenario)</li>
      </ul>
      <p class="muted">
        Every order needs a place: its coordinates, or an address placed on the map or geocoded (with a geocoding
        service set in Settings, and a network). A vehicle starts at a depot, at "lat, lng", or at an address placed the same way.
      </p>
    </>
  );
}
