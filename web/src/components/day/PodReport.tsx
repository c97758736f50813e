// The printable proof-of-delivery report (issue #13), per route or per order:
// each stop's status, time, recipient, note, signature and photo thumbnails and
// the distance flag. Rendered into a print-only view (pod.css hides it on
// screen, print.css hides the app in print); the dialog opens once its images load.
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { DayStop } from '../../domain/day/day-state';
import { podEntry, podMediaIds, podReportKeys, type PodEntry } from '../../domain/day/pod';
import { formatDayTime } from '../../domain/day/events';
import { useApp } from '../../store/context';
import { createMediaUrls } from '../../store/pod';
import { createVehicleNames } from '../ui/vehicle-names';
import { PodDistance, PodMediaList, podOutcome } from './PodParts';
import '../../pod.css';

const STATUS_TEXT: Record<string, string> = { planned: 'planned', 'en-route': 'en route', arrived: 'arrived', done: 'done', failed: 'failed', cancelled: 'cancelled' };

/** What a POD report covers: one route, or one order. */
export type PodScope = { vehicleId: string } | { orderId: string };

/** Waits for the report's images, then opens the print dialog. */
async function printReport(): Promise<void> {
  const images = [...document.querySelectorAll<HTMLImageElement>('.pod-report img')];
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  requestAnimationFrame(() => window.print());
}

/** A button that renders the report of `scope` for print and opens the print dialog. */
export function PodPrintButton(props: { scope: PodScope; label: string; text?: string }): JSX.Element {
  const [printing, setPrinting] = createSignal(false);
  const done = () => setPrinting(false);
  onMount(() => window.addEventListener('afterprint', done));
  onCleanup(() => window.removeEventListener('afterprint', done));
  return (
    <>
      <button type="button" class="btn btn--small" aria-label={props.label} onClick={() => setPrinting(true)}>{props.text ?? 'Print'}</button>
      <Show when={printing()}><Portal><PodReport scope={props.scope} onReady={() => void printReport()} /></Portal></Show>
    </>
  );
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** "POD report of" a route with "Print POD report" (region "POD report"). */
export function PodReportControls(): JSX.Element {
  const { scenario: [scenarioState], day: [state] } = useApp();
  // The same list while the same routes have stops: every event or clock step derives the day's routes again, and
  // a new list re-made the 300 options of a 10,000-order day (issue #15).
  const vehicles = createMemo(() => (state.derived?.state.routes ?? []).filter((r) => r.stops.length > 0).map((r) => r.vehicleId), [], { equals: sameIds });
  const [chosen, setChosen] = createSignal<string | null>(null);
  const vehicleId = () => (chosen() && vehicles().includes(chosen()!) ? chosen()! : vehicles()[0]);
  // One lookup per fleet change: a search of the fleet per option was ~30 ms at 300 vehicles.
  const names = createVehicleNames(() => scenarioState.scenario, () => scenarioState.dataChanges);
  const name = (id: string) => names(id) || id;
  return (
    <section class="panel-section pod-controls" aria-label="POD report">
      <Show when={vehicleId()}>
        {(id) => (
          <div class="row-line">
            <label class="field--inline">
              <span>POD report of</span>
              <select class="input" value={id()} onChange={(e) => setChosen(e.currentTarget.value)}>
                <For each={vehicles()}>{(v) => <option value={v}>{name(v)}</option>}</For>
              </select>
            </label>
            <PodPrintButton scope={{ vehicleId: id() }} label="Print POD report" text="Print POD report" />
          </div>
        )}
      </Show>
    </section>
  );
}

/** The print-only report; `onReady` once its media are loaded. */
export function PodReport(props: { scope: PodScope; onReady: () => void }): JSX.Element {
  const { scenario: [scenarioState], day: [state], pod } = useApp();
  const dayState = createMemo(() => state.derived?.state ?? null);
  const rows = createMemo(() => {
    const day = dayState();
    const events = state.derived?.day.events ?? [];
    if (!day) return [];
    return podReportKeys(day, props.scope).map((key) => ({ stop: day.stops[key], entry: podEntry(day, events, key) })).filter((row) => row.stop);
  });
  const urls = createMediaUrls(pod, () => rows().flatMap((row) => podMediaIds(row.entry?.pod)));
  let ready = false;
  createEffect(() => {
    if (!urls() || ready) return;
    ready = true;
    queueMicrotask(props.onReady);
  });
  const customer = (orderId: string) => state.orderOf(orderId)?.customerName || orderId;
  const names = createVehicleNames(() => scenarioState.scenario, () => scenarioState.dataChanges);
  const vehicleName = (id: string) => names(id) || id;
  const title = () => ('vehicleId' in props.scope ? `POD report of ${vehicleName(props.scope.vehicleId)}` : `POD report of order ${props.scope.orderId}`);
  return (
    <div class="pod-report" role="region" aria-label={title()}>
      <header class="pod-report__header">
        <h1>{title()}</h1>
        <p>{scenarioState.scenario?.name} · {scenarioState.scenario?.settings.date}</p>
      </header>
      <table class="pod-report__stops">
        <thead><tr><th>#</th><th>Customer and order</th><th>Status</th><th>Time</th><th>Recipient</th><th>Note</th><th>Signature and photos</th><th>Position</th></tr></thead>
        <tbody>
          <For each={rows()}>{(row, i) => <PodReportRow index={i() + 1} stop={row.stop} entry={row.entry} customer={customer(row.stop.orderId)} urls={urls()} />}</For>
        </tbody>
      </table>
    </div>
  );
}

/** One stop of the report: what happened there, or its status while it is open. */
function PodReportRow(props: { index: number; stop: DayStop; entry: PodEntry | null; customer: string; urls: Map<string, string | null> | undefined }): JSX.Element {
  return (
    <tr data-stop-key={props.stop.key} data-status={props.stop.status}>
      <td class="num">{props.index}</td>
      <td><strong>{props.customer}</strong><div class="pod-report__id">{props.stop.key}</div></td>
      <td>{props.entry ? podOutcome(props.entry) : STATUS_TEXT[props.stop.status]}</td>
      <td class="num">{props.entry ? formatDayTime(props.entry.event.at) : '—'}</td>
      <td>{props.entry?.pod.recipient || '—'}</td>
      <td>{props.entry?.pod.note || '—'}</td>
      <td>{props.entry ? <PodMediaList entry={props.entry} label={props.customer} urls={props.urls} /> : '—'}</td>
      <td>{props.entry ? <PodDistance entry={props.entry} /> : '—'}</td>
    </tr>
  );
}
