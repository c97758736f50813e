// One row per used vehicle (pin, stops, km, hours, start and end) with a totals
// row. The vehicle name selects the route everywhere; the active route (selected,
// or holding the selected stop) unfolds its stops. Rows accept dropped stops.
// A long table (a large fleet) scrolls in a box of its own and puts in the DOM
// only the rows in view (issue #15), like the timeline.
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js';
import { routeColumns } from './route-columns';
import { createKeyed } from './ui/keyed';
import { createProgressive } from './ui/progressive';
import type { Scenario } from '../domain/scenario';
import { isOrderStep, type Route } from '../domain/solution';
import { routeColor } from '../map/projection';
import { useApp } from '../store/context';
import { isRoutePinned } from '../store/pins';
import { isRouteSelected } from '../store/ui';
import { ShareRoute } from './handoff/ShareRoute';
import { PinToggle } from './PinToggle';
import { RouteStops } from './RouteStops';
import { dropTarget } from './ui/dnd';
import { formatClock, formatCount, formatHm, formatKmValue } from './ui/format';
import { scrollIntoViewSoon } from './ui/scroll-soon';
import { createVehicleNames, nameParts } from './ui/vehicle-names';
import { createVirtualRows } from './ui/virtual-rows';

/** Number of stops on a route (the "Stops" column): a job counts one, a shipment two (pickup and delivery). */
export function stopCount(route: Route): number {
  // Counted, not filtered: the table, its totals and the route filter count every route of a new plan (10,000 steps).
  let count = 0;
  for (const step of route.steps) if (isOrderStep(step)) count++;
  return count;
}

const COLUMNS = 7;
const startS = (route: Route) => route.steps[0]?.departureS ?? 0;
const endS = (route: Route) => route.steps[route.steps.length - 1]?.arrivalS ?? 0;
const startOf = (route: Route) => formatClock(startS(route));
const endOf = (route: Route) => formatClock(endS(route));
/**
 * Route rows rendered at once, then per frame (issue #15: 150 rows in one go is a long task; at 1,000 vehicles
 * the 20 rows of a long table's first view were still half of the task that showed a plan's routes).
 */
const ROWS_PER_FRAME = 10;
/**
 * Above this many rows the table scrolls in its own box and renders only the rows in view: at 10,000 orders
 * ~960 rows were ~11 MB of components made as a plan landed, and their collection part of long tasks (issue #15).
 */
const VIRTUALIZE_ABOVE = 60;
/** A closed row's height in px until one is measured (styles.css: `contain-intrinsic-size` of a route group). */
const ROW_HEIGHT = 34;
/** The scrolling box's height (styles.css `.routes-scroll--bounded`: 70 % of the window, at most 760 px). */
const boxHeight = () => Math.min(0.7 * window.innerHeight, 760);

function RouteRow(props: { route: Route; scenario: Scenario; name: string; active: boolean; editable: boolean; watch?: (el: HTMLElement) => void }): JSX.Element {
  const { ui: [uiState, uiActions], pins: [pinsState, pinsActions], edit } = useApp();
  const vehicleId = () => props.route.vehicleId;
  const selected = () => isRouteSelected(uiState, vehicleId());
  const pinned = () => isRoutePinned(pinsState, props.scenario.id, vehicleId());
  const name = () => props.name;
  const hovered = () => edit[0].preview?.vehicleId === vehicleId() ? (edit[0].preview.feasible ? ' is-drop-ok' : ' is-drop-bad') : '';
  // Dropped on the row itself: the stop goes where it costs least. Its handlers are set one by one, not spread: a
  // spread makes the whole element's attributes one diffed effect, a cost paid by every row scrolled into view.
  const drop = dropTarget(edit, () => (props.editable ? { vehicleId: vehicleId() } : null));
  return (
    <tbody class={`route-group${props.active ? ' is-active' : ''}`} ref={(el) => props.watch?.(el)}>
      <tr class={`${selected() ? 'is-selected' : ''}${hovered()}`} data-vehicle-id={vehicleId()} onDragOver={drop.onDragOver} onDragLeave={drop.onDragLeave} onDrop={drop.onDrop}>
        <td class="pin-cell">
          <PinToggle pinned={pinned()} label={`route ${name()}`} onToggle={() => pinsActions.toggleRoute(props.scenario.id, vehicleId())} />
        </td>
        <th scope="row">
          <button type="button" class="route-name" aria-pressed={selected()} aria-expanded={props.active} title={name()} onClick={() => uiActions.toggleRoute(vehicleId())}>
            <span class="swatch" style={{ background: routeColor(props.scenario, vehicleId()) }} aria-hidden="true" />
            {/* Cut before its end: in a narrow table a fleet of "Chauffeur 1…300" still reads apart. */}
            <span class="route-name__text"><span class="route-name__head">{nameParts(name())[0]}</span><span class="route-name__tail">{nameParts(name())[1]}</span></span>
          </button>
        </th>
        <td class="num">{formatCount(stopCount(props.route))}</td>
        <td class="num">{formatKmValue(props.route.distanceM)}</td>
        <td class="num">{formatHm(props.route.durationS)}</td>
        <td class="num">{startOf(props.route)}</td>
        <td class="num">{endOf(props.route)}</td>
      </tr>
      <Show when={props.active}>
        <tr class="route-stops-row">
          <td colSpan={COLUMNS}>
            <ShareRoute vehicleId={vehicleId()} />
            <RouteStops route={props.route} scenario={props.scenario} editable={props.editable} />
          </td>
        </tr>
      </Show>
    </tbody>
  );
}

/**
 * Table of the used routes; `trusted` false fades it (stale or failed plan); `editable` allows drops.
 * `isVisible` (the route filter) hides rows; the totals stay those of the whole plan.
 */
export function RouteTable(props: { routes: Route[]; scenario: Scenario; trusted: boolean; activeVehicleId: string | null; editable: boolean; isVisible?: (vehicleId: string) => boolean }): JSX.Element {
  const total = (f: (r: Route) => number) => props.routes.reduce((sum, r) => sum + f(r), 0);
  const totals = createMemo(() => ({ stops: formatCount(total(stopCount)), km: formatKmValue(total((r) => r.distanceM)), hours: formatHm(total((r) => r.durationS)) }));
  const { scenario: [scenarioState] } = useApp();
  const nameOf = createVehicleNames(() => props.scenario, () => scenarioState.dataChanges);
  const visible = createMemo(() => (props.isVisible ? props.routes.filter((r) => props.isVisible!(r.vehicleId)) : props.routes));
  const virtualized = createMemo(() => visible().length > VIRTUALIZE_ABOVE);
  // Wide enough for every row's clocks (not only the rows drawn yet), so the columns do not change width as rows
  // appear: a clock's text is wider only on a later day ("08:05 +1"), so the latest one is the widest. A long
  // table's scrolling box has narrower cell padding (styles.css), given back to the names.
  const latest = (of: (r: Route) => number) => formatClock(props.routes.reduce((most, r) => Math.max(most, of(r)), 0));
  const columns = createMemo(() => routeColumns([[totals().stops], [totals().km], [totals().hours], [latest(startS)], [latest(endS)]], virtualized() ? 8 : 12));
  const sizes = createRowSizes();
  const activeIndex = createMemo(() => (props.activeVehicleId === null ? -1 : visible().findIndex((r) => r.vehicleId === props.activeVehicleId)));
  const tall = () => { const open = sizes.open(); return open && open.vehicleId === props.activeVehicleId && activeIndex() >= 0 ? { index: activeIndex(), extra: open.extra } : null; };
  const virtual = createVirtualRows(() => visible().length, virtualized, sizes.row, sizes.frame, { tall, height: boxHeight, measureOnAttach: false });
  const inView = createMemo(() => { const w = virtual.window(); return virtualized() ? visible().slice(w.start, w.end) : visible(); });
  const shown = createProgressive(inView, ROWS_PER_FRAME);
  // The window's rows not rendered yet (they appear a batch per frame) are space below the rendered ones: without
  // it the box's content is shorter than its scroll position assumes, and the browser pulls the position back.
  const padBottom = () => virtual.window().padBottom + (inView().length - shown().length) * sizes.row();
  // Rows by vehicle: a new plan of the same vehicles updates each row's figures in place instead of replacing
  // every row's elements (at 10,000 orders, ~960 rows rebuilt and laid out again in one task, issue #15).
  const rows = createKeyed(shown, (route) => route.vehicleId);
  // A route opened elsewhere (the map, the timeline) brings its row into view, where its stops unfold: first into
  // the rendered window of a long table, then (once drawn) into the panel's view.
  let box: HTMLElement | undefined;
  // The row may come a few frames later (the window's rows render a batch per frame): looked for once per frame,
  // and scrolled to after the frame that lays it out (scroll-soon.ts).
  const intoView = (vehicleId: string, frames: number) => requestAnimationFrame(() => {
    if (props.activeVehicleId !== vehicleId) return;
    const row = box?.querySelector(`tr[data-vehicle-id="${CSS.escape(vehicleId)}"]`);
    if (row) scrollIntoViewSoon(row, { block: 'nearest' }, () => props.activeVehicleId === vehicleId);
    else if (frames > 1) intoView(vehicleId, frames - 1);
  });
  createEffect(on(() => props.activeVehicleId, (vehicleId) => {
    virtual.reveal(activeIndex());
    if (vehicleId !== null) intoView(vehicleId, 10);
  }, { defer: true }));
  return (
    <div class={`routes-scroll${virtualized() ? ' routes-scroll--bounded' : ''}`} ref={(el) => { box = el; virtual.attach(el); }}>
      <table class={`routes-table${props.trusted ? '' : ' routes-table--untrusted'}`} data-route-count={props.routes.length} data-row-count={rows.keys().length} style={{ '--route-columns': columns() }}>
        <thead ref={sizes.watch}>
          <tr>
            <th scope="col" class="pin-cell"><span class="visually-hidden">Pinned</span></th>
            <th scope="col">Vehicle</th>
            <th scope="col" class="num">Stops</th>
            <th scope="col" class="num">km</th>
            <th scope="col" class="num">Hours</th>
            <th scope="col" class="num">Start</th>
            <th scope="col" class="num">End</th>
          </tr>
        </thead>
        <Show when={virtualized()}><tbody class="routes-table__pad" style={{ height: `${virtual.window().padTop}px` }} aria-hidden="true" /></Show>
        <For each={rows.keys()}>
          {(vehicleId) => <RouteRow route={rows.item(vehicleId)!} scenario={props.scenario} name={nameOf(vehicleId)} active={props.activeVehicleId === vehicleId} editable={props.editable} watch={sizes.watch} />}
        </For>
        <Show when={virtualized()}><tbody class="routes-table__pad" style={{ height: `${padBottom()}px` }} aria-hidden="true" /></Show>
        <tfoot ref={sizes.watch}>
          <tr>
            <td />
            <th scope="row">Total</th>
            <td class="num">{totals().stops}</td>
            <td class="num">{totals().km}</td>
            <td class="num">{totals().hours}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What the virtual window needs measured in the table: a closed row, the open one, and the sticky head and foot. */
interface RowSizes {
  row(): number;
  /** Height of the sticky head and foot together (they cover that much of the box). */
  frame(): number;
  /** How much taller than a closed row the open route's row is, and whose it is; null until measured. */
  open(): { vehicleId: string; extra: number } | null;
  /** Measures `el` (a route group, the head or the foot) while the calling component lives. */
  watch(el: HTMLElement): void;
}

/**
 * Sizes read by a ResizeObserver as the table's parts render and change (after layout: no layout forced). An open
 * route's group is told apart by its class, its vehicle by its first row.
 */
function createRowSizes(): RowSizes {
  const [row, setRow] = createSignal(ROW_HEIGHT);
  const [frame, setFrame] = createSignal(0);
  const [open, setOpen] = createSignal<{ vehicleId: string; extra: number } | null>(null, { equals: (a, b) => a?.vehicleId === b?.vehicleId && a?.extra === b?.extra });
  const edges = new Map<Element, number>();
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight;
      if (el.tagName === 'THEAD' || el.tagName === 'TFOOT') edges.set(el, height);
      else if (height <= 0) continue;
      else if (!el.classList.contains('is-active')) setRow(height);
      else {
        const vehicleId = el.querySelector('tr[data-vehicle-id]')?.getAttribute('data-vehicle-id');
        if (vehicleId) setOpen({ vehicleId, extra: Math.max(0, height - row()) });
      }
    }
    setFrame([...edges.values()].reduce((sum, h) => sum + h, 0));
  });
  onCleanup(() => observer.disconnect());
  return {
    row, frame, open,
    watch(el) {
      observer.observe(el);
      onCleanup(() => { observer.unobserve(el); edges.delete(el); });
    },
  };
}
