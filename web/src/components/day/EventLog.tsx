// Region "Event log": the day's events in log order (append-only: a correction
// is a later event), with import (an events file or a driver's status file with
// its media) and export of the events file; a done or failed event opens its POD.
import { For, Show, type JSX } from 'solid-js';
import { formatDayTime, type DayEvent } from '../../domain/day/events';
import { downloadText, MIME, safeFileName } from '../../io/download';
import { useApp } from '../../store/context';
import { AUTO_REPAIR_ID } from '../../store/day-repair';
import { createKeyed } from '../ui/keyed';
import { formatCount } from '../ui/format';
import { EventPod } from './PodView';
import { StatusImport } from './StatusImport';

/** One line of text about an event (rendered as text, never markup). */
export function describeEvent(e: DayEvent): string {
  switch (e.type) {
    case 'departed': return `${e.vehicle} departed`;
    case 'arrived': return `arrived at ${e.order}${e.stop ? ` (${e.stop})` : ''}`;
    case 'done': return `${e.order}${e.stop ? ` (${e.stop})` : ''} done`;
    case 'failed': return `${e.order}${e.stop ? ` (${e.stop})` : ''} failed: ${e.reason}`;
    case 'delay': return `${e.vehicle} delayed ${e.minutes} min`;
    case 'service-overran': return `service at ${e.order} overran ${e.minutes} min`;
    case 'position': return `${e.vehicle} at ${e.lat.toFixed(5)}, ${e.lng.toFixed(5)}`;
    case 'unavailable': return `${e.vehicle} unavailable (${e.reason})`;
    case 'new-order': return `new order ${e.order.id}${e.order.customerName ? ` (${e.order.customerName})` : ''}`;
    case 'order-cancelled': return `${e.order} cancelled`;
    case 'repair-applied': return `${e.id.startsWith(AUTO_REPAIR_ID) ? 'automatic ' : ''}repair applied (${e.routes.length} route${e.routes.length === 1 ? '' : 's'})`;
  }
}

/** Events listed at most: the latest. */
const LISTED = 200;

/** The log with Import events / Export events. */
export function EventLog(): JSX.Element {
  const { scenario: [scenarioState], day: [state, actions], pod: [, podActions] } = useApp();
  let file!: HTMLInputElement;
  // Keyed by event id: every append rewrites the day, and an open POD must stay open.
  // Only the latest events are listed (a played day at 10,000 orders logs 20,000): Export events has them all.
  const all = () => state.day?.events ?? [];
  const events = createKeyed(() => all().slice(-LISTED), (e) => e.id);
  const onFile = async () => {
    const chosen = file.files?.[0];
    if (chosen) await podActions.importStatus(await chosen.text());
    file.value = '';
  };
  const exportLog = () => {
    const text = actions.exportEvents();
    if (text) downloadText(`${safeFileName(scenarioState.scenario?.name ?? 'day')}-events.json`, MIME.json, text);
  };
  return (
    <section class="panel-section event-log" aria-label="Event log">
      <div class="section-head">
        <h2 class="section-title">Event log <span class="count">{formatCount(all().length)}</span></h2>
        <label class="btn btn--small file-button">
          Import events
          <input ref={file} type="file" accept=".json,application/json" class="visually-hidden" onChange={() => void onFile()} />
        </label>
        <button type="button" class="btn btn--small" onClick={exportLog}>Export events</button>
      </div>
      <StatusImport />
      <Show when={all().length > LISTED}>
        <p class="muted">The latest {formatCount(LISTED)} of {formatCount(all().length)} events; Export events has them all.</p>
      </Show>
      <ol class="event-log__list" start={Math.max(1, all().length - LISTED + 1)}>
        <For each={events.keys()}>
          {(id) => (
            <Show when={events.item(id)}>
              {(e) => (
                <li class="event-log__item" data-event-type={e().type}>
                  <span class="num">{formatDayTime(e().at)}</span> {describeEvent(e())} <EventPod event={e()} />
                </li>
              )}
            </Show>
          )}
        </For>
      </ol>
    </section>
  );
}
