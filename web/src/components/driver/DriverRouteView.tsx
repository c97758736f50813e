// One route on the phone: header (vehicle, date, progress), the small map, the
// stops and breaks in driving order, and "Send status".
import { createMemo, For, type JSX } from 'solid-js';
import { finishedCount } from '../../domain/driver/driver-log';
import { formatDate, formatDayMinutes } from '../../domain/format';
import type { DriverBreak, DriverRoute, DriverStop } from '../../domain/handoff/driver-route';
import type { DriverStore } from './DriverApp';
import { DriverMap } from './DriverMap';
import { DriverStopCard } from './DriverStopCard';
import { SendStatus } from './SendStatus';

type Entry = { kind: 'stop'; stop: DriverStop; index: number; at: number } | { kind: 'break'; item: DriverBreak; at: number };

/** Stops and breaks merged by time (a break before a stop at the same minute). */
function entries(route: DriverRoute): Entry[] {
  const list: Entry[] = [
    ...route.breaks.map((item): Entry => ({ kind: 'break', item, at: item.start })),
    ...route.stops.map((stop, index): Entry => ({ kind: 'stop', stop, index, at: stop.eta + index * 1e-6 })),
  ];
  return list.sort((a, b) => a.at - b.at);
}

/** The route view. */
export function DriverRouteView(props: { route: DriverRoute; store: DriverStore }): JSX.Element {
  const [state] = props.store;
  const finished = () => finishedCount(props.route, state.log);
  const list = createMemo(() => entries(props.route));
  return (
    <>
      <header class="driver-header">
        <h1 class="driver-title">{props.route.vehicle.name || props.route.vehicle.id}</h1>
        <p class="driver-sub">
          <span>{formatDate(props.route.date)}</span>
          <span> · {props.route.scenarioName}</span>
        </p>
        <p class="driver-progress" aria-label="Progress">
          <progress max={props.route.stops.length} value={finished()} />
          <span class="num"> {finished()} of {props.route.stops.length} stops finished</span>
        </p>
        <p class="driver-sub">
          From {props.route.start.name} {formatDayMinutes(props.route.start.departure)} · back at {props.route.end.name} {formatDayMinutes(props.route.end.arrival)}
        </p>
      </header>
      <DriverMap route={props.route} />
      <ol class="driver-stops" aria-label="Stops">
        <For each={list()}>{(entry) => (entry.kind === 'stop'
          ? <li><DriverStopCard stop={entry.stop} number={entry.index + 1} store={props.store} /></li>
          : <li class="driver-break">Break: {entry.item.label || 'break'} at {formatDayMinutes(entry.item.start)}, {entry.item.minutes} min</li>)}
        </For>
      </ol>
      <SendStatus store={props.store} />
    </>
  );
}
