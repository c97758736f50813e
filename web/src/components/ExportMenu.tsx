// The header's "Export" menu: plan CSV, orders and vehicles CSV (they import
// back as the same orders and fleet), scenario file, GeoJSON and the printed driver manifest (rendered into a print-only view, then the print dialog opens).
import { createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { Scenario } from '../domain/scenario';
import type { PinSet } from '../plan/pins';
import { downloadText, MIME, safeFileName } from '../io/download';
import { planCsv } from '../io/export-csv';
import { planGeoJson } from '../io/export-geojson';
import { ordersCsv } from '../io/export-orders';
import { vehiclesCsv } from '../io/export-vehicles';
import { SCENARIO_FILE_EXTENSION, serializeScenarioFile } from '../io/scenario-file';
import { exportVroomProblem, exportVroomSolution } from '../io/vroom';
import { useApp } from '../store/context';
import { ManifestView } from './ManifestView';

interface ExportItem {
  label: string;
  hint: string;
  /** Needs a plan to export. */
  planOnly?: boolean;
  run: (scenario: Scenario, pins: PinSet) => void;
}

const base = (s: Scenario) => `${safeFileName(s.name)}-${s.settings.date}`;

const FILES: ExportItem[] = [
  { label: 'Plan (CSV)', hint: 'One row per stop, for spreadsheets', run: (s) => downloadText(`${base(s)}-plan.csv`, MIME.csv, `\ufeff${planCsv(s)}`) },
  { label: 'Orders (CSV)', hint: 'One row per order; imports back as the same orders', run: (s) => downloadText(`${base(s)}-orders.csv`, MIME.csv, `\ufeff${ordersCsv(s)}`) },
  { label: 'Vehicles (CSV)', hint: 'One row per vehicle with its depots; imports back as the same fleet', run: (s) => downloadText(`${base(s)}-vehicles.csv`, MIME.csv, `\ufeff${vehiclesCsv(s)}`) },
  { label: 'Scenario file', hint: 'Everything, to open again or share', run: (s, pins) => downloadText(`${safeFileName(s.name)}${SCENARIO_FILE_EXTENSION}`, MIME.json, serializeScenarioFile(s, pins)) },
  { label: 'Map data (GeoJSON)', hint: 'Stops, routes and depots for GIS tools', run: (s) => downloadText(`${base(s)}.geojson`, MIME.geojson, JSON.stringify(planGeoJson(s), null, 1)) },
  { label: 'VROOM problem (JSON)', hint: 'The orders and fleet for a VROOM server', run: (s) => downloadText(`${base(s)}-vroom-problem.json`, MIME.json, JSON.stringify(exportVroomProblem(s).problem, null, 1)) },
  { label: 'VROOM solution (JSON)', hint: 'The plan in VROOM’s solution shape', planOnly: true, run: (s) => downloadText(`${base(s)}-vroom-solution.json`, MIME.json, JSON.stringify(exportVroomSolution(s, s.plan!.solution), null, 1)) },
];

/** Export button with its menu and the print-only manifest. */
export function ExportMenu(): JSX.Element {
  const { scenario: [state, actions], pins: [, pinsActions] } = useApp();
  const [open, setOpen] = createSignal(false);
  const [printing, setPrinting] = createSignal(false);
  let anchor!: HTMLDivElement;

  const onOutside = (event: PointerEvent) => { if (!anchor.contains(event.target as Node)) setOpen(false); };
  const onAfterPrint = () => setPrinting(false);
  onMount(() => {
    document.addEventListener('pointerdown', onOutside);
    window.addEventListener('afterprint', onAfterPrint);
  });
  onCleanup(() => {
    document.removeEventListener('pointerdown', onOutside);
    window.removeEventListener('afterprint', onAfterPrint);
  });

  const exportFile = (item: ExportItem) => {
    const snapshot = actions.snapshot();
    setOpen(false);
    if (snapshot) item.run(snapshot, pinsActions.snapshot(snapshot.id));
  };
  const printManifest = () => {
    setOpen(false);
    setPrinting(true);
  };

  return (
    <div class="menu-anchor" ref={anchor} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      <button type="button" class="btn" aria-haspopup="menu" aria-expanded={open()} disabled={!state.scenario} onClick={() => setOpen(!open())}>
        Export
      </button>
      <Show when={open()}>
        <ul class="menu" role="menu" aria-label="Export">
          <For each={FILES}>
            {(item) => (
              <li role="none">
                <button type="button" role="menuitem" disabled={item.planOnly && !state.scenario?.plan} onClick={() => exportFile(item)}>
                  {item.label}<span class="menu__hint">{item.planOnly && !state.scenario?.plan ? 'Optimize first' : item.hint}</span>
                </button>
              </li>
            )}
          </For>
          <li role="none"><hr /></li>
          <li role="none">
            <button type="button" role="menuitem" disabled={!state.scenario?.plan} onClick={printManifest}>
              Print manifest<span class="menu__hint">{state.scenario?.plan ? 'One page per driver' : 'Optimize first'}</span>
            </button>
          </li>
        </ul>
      </Show>
      <Show when={printing() && state.scenario}>
        {(scenario) => <Portal><ManifestView scenario={scenario()} onReady={() => window.print()} /></Portal>}
      </Show>
    </div>
  );
}
