// One vehicle's row of the timeline: pin and name on the left, and on the track
// its shift, the route from depot to depot, its stops and the driver's breaks. The track accepts a
// dropped stop and places it by time: after every stop served earlier.
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import { routeColor } from '../map/projection';
import { positionAtTime, type TimelineAxis, type TimelineRow as Row } from '../plan/timeline';
import { useApp } from '../store/context';
import { isRoutePinned } from '../store/pins';
import { isRouteSelected } from '../store/ui';
import { PinToggle } from './PinToggle';
import { createStopBars, spansText, spanStyle } from './TimelineStop';
import { dropTarget } from './ui/dnd';
import { createProgressive } from './ui/progressive';
import { formatClock, formatCount } from './ui/format';

/** Stop bars a row renders at once, then per frame. */
const STOPS_PER_FRAME = 12;

/** A vehicle's row; an unused vehicle shows only its shift, ready to take a dropped stop. */
export function TimelineRow(props: { row: Row; axis: TimelineAxis; scenario: Scenario; name: string; editable: boolean; atRisk?: ReadonlySet<string>; deferBars?: boolean }): JSX.Element {
  const { ui: [uiState, uiActions], pins: [pinsState, pinsActions], edit } = useApp();
  const vehicleId = () => props.row.vehicleId;
  const name = () => props.name;
  // Once per row, not once per bar that reads them (hundreds of bars per screenful).
  const color = createMemo(() => routeColor(props.scenario, vehicleId()));
  const scenarioId = createMemo(() => props.scenario.id);
  // A row's bars come in over a few frames: a scrolled-in screenful of rows is hundreds of bars (issue #15). In a
  // long (virtual) timeline the first ones come a frame after the row too: a revealed screenful of rows at once
  // is too many for the task that mounts them. They are plain elements kept in step by the row (TimelineStop.tsx).
  const stops = createProgressive(() => props.row.stops, STOPS_PER_FRAME, props.deferBars ? 0 : STOPS_PER_FRAME);
  const bars = (track: HTMLElement) => createStopBars(track, {
    stops, axis: () => props.axis, scenarioId, color, editable: () => props.editable, atRisk: () => props.atRisk,
  });
  const drop = dropTarget(edit, (event, moving) => {
    if (!props.editable) return null;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const timeS = props.axis.fromS + ((event.clientX - box.left) / Math.max(1, box.width)) * (props.axis.toS - props.axis.fromS);
    return { vehicleId: vehicleId(), position: positionAtTime(props.row.stops, moving, timeS) };
  });
  const dropState = () => {
    const preview = edit[0].preview;
    return preview?.vehicleId === vehicleId() ? (preview.feasible ? ' is-drop-ok' : ' is-drop-bad') : '';
  };
  return (
    <div class={`tl-row${isRouteSelected(uiState, vehicleId()) ? ' is-selected' : ''}${dropState()}`} data-vehicle-id={vehicleId()} role="group" aria-label={`Timeline of ${name()}`}>
      <div class="timeline__label">
        <PinToggle pinned={isRoutePinned(pinsState, props.scenario.id, vehicleId())} label={`route ${name()}`} onToggle={() => pinsActions.toggleRoute(props.scenario.id, vehicleId())} />
        <button type="button" class="route-name" aria-pressed={isRouteSelected(uiState, vehicleId())} onClick={() => uiActions.toggleRoute(vehicleId())}>
          <span class="swatch" style={{ background: color() }} aria-hidden="true" />
          <span class="tl-row__name">{name()}</span>
        </button>
        <span class="muted tl-row__count">{props.row.stops.length ? formatCount(props.row.stops.length) : 'unused'}</span>
      </div>
      <div class="tl-track" style={{ '--hours': String(Math.max(1, props.axis.hours.length - 1)) }} onDragOver={drop.onDragOver} onDragLeave={drop.onDragLeave} onDrop={drop.onDrop}>
        <div class="tl-shift" style={spanStyle(props.axis, props.row.shiftStartS, props.row.shiftEndS)} />
        <Show when={props.row.span}>
          {(span) => <div class="tl-drive" style={{ ...spanStyle(props.axis, span().startS, span().endS), background: color() }} />}
        </Show>
        <For each={props.row.breaks}>
          {(brk) => {
            const text = () => `Break ${brk.breakId}: ${formatClock(brk.startS)}–${formatClock(brk.endS)}; may start ${spansText(brk.windows)}`;
            return <div class="tl-break" style={spanStyle(props.axis, brk.startS, brk.endS)} role="img" aria-label={text()} title={text()} data-break-id={brk.breakId} />;
          }}
        </For>
        {/* The stop bars, over the shift, route and breaks; no box of its own: placed in the track. */}
        <div ref={bars} class="tl-bars" />
      </div>
    </div>
  );
}
