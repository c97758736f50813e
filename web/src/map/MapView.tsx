// The Leaflet map region: owns the map instance and its tile background (which
// may be unreachable offline: the map then stays usable on a neutral background)
// and hands the instance to the layers that draw depots, stops and routes on one
// canvas, which keeps panning and zooming smooth with thousands of stops.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { MapLegend } from '../components/MapLegend';
import { admissionNow } from '../csp-boot';
import { nextTask } from '../io/next-task';
import type { Admission } from '../csp-policy';
import { useApp } from '../store/context';
import { rawOf } from '../store/raw';
import type { OrderLevels, RiskLevel } from '../store/risk';
import { createRouteView } from '../store/route-view';
import { planViewKey, viewDataChanges, samePlanView } from '../store/plan-view-key';
import { createStagedSlices, viewQueue, type Slices } from '../store/staged';
import type { Selection } from '../store/ui';
import { useArchiveLayer } from './pmtiles-layer';
import { reusingMapProjector, scenarioBounds, type MapDrawing } from './projection';
import { RouteLayer } from './RouteLayer';
import { slicedCanvas } from './sliced-canvas';
import { StopMarkers } from './StopMarkers';
import { riskPerStop } from './stop-looks';
import { AtRiskRings } from './AtRiskRings';
import { escapeHtml } from './tooltips';

/** Pane of the plan's canvas (route lines under stops), below Leaflet's marker pane (600) where depots sit. */
const PLAN_PANE = 'fmp-plan';
const PLAN_PANE_Z = '420';

/** The selection as one attribute value ("route:v1", "order:o3", ""), for tests and debugging. */
function selectionKey(selection: Selection): string {
  if (!selection) return '';
  return selection.kind === 'route' ? `route:${selection.vehicleId}` : `order:${selection.orderId}`;
}

/** Degrees to 6 decimals (about 0.1 m): what a click can mean. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Where the map looks before a scenario is open (France). */
const INITIAL_VIEW = { center: [46.6, 2.4] as L.LatLngTuple, zoom: 5 };

/**
 * Adds the scenario's tile layer; tile failures only raise `onFailure`, never break the map.
 * A tile host the page's security policy does not admit (yet: set after startup) raises `onBlocked` instead.
 * `framed()`: the map has been framed on the first scenario opened (the layer waits for it).
 */
function useTileLayer(map: () => L.Map | undefined, onFailure: (failed: boolean) => void, onBlocked: (admission: Admission) => void, framed: () => boolean): void {
  const { scenario: [state] } = useApp();
  // The settings as values: opening another scenario with the same tiles keeps the layer (adding it again reset the
  // map's view and tiles in the task that opened a 10,000-order plan, issue #15).
  const tileUrl = createMemo(() => state.scenario?.settings.tileUrl);
  // Leaflet writes the attribution as markup; the setting is plain text.
  const tileAttribution = createMemo(() => escapeHtml(state.scenario?.settings.tileAttribution ?? ''));
  createEffect(() => {
    const instance = map();
    const url = tileUrl();
    const attribution = tileAttribution();
    if (!instance || !url || !framed()) return;
    const admission = admissionNow(url);
    if (admission !== 'now') {
      onBlocked(admission);
      onCleanup(() => onBlocked('now'));
      return;
    }
    const layer = L.tileLayer(url, { attribution, maxZoom: 19 });
    layer.on('tileerror', () => onFailure(true));
    layer.on('tileload', () => onFailure(false));
    // Added in a task of its own, once the first scenario is framed: the first scenario's tiles came with the views
    // of its 10,000 stops, and added before the framing they were first fetched for the whole country, then dropped
    // and fetched again for the scenario's area in the framing's task (issue #15).
    let removed = false;
    void nextTask().then(() => { if (!removed) layer.addTo(instance); });
    onCleanup(() => {
      removed = true;
      layer.remove();
      onFailure(false);
    });
  });
}

/** No estimate: no order has a risk level. */
const noLevels: OrderLevels = () => undefined;

/** The map region (labelled "Map") with tiles, route lines, stops, depots and legend. */
export function MapView(): JSX.Element {
  const { scenario: [state], ui: [uiState, uiActions], mapArchive: [archiveState, archiveActions], day: [day], risk: [, riskReads] } = useApp();
  const [map, setMap] = createSignal<L.Map>();
  const [tilesFailed, setTilesFailed] = createSignal(false);
  const [tilesBlocked, setTilesBlocked] = createSignal<Admission>('now');
  let container!: HTMLDivElement;

  onMount(() => {
    const instance = L.map(container, { ...INITIAL_VIEW, zoomSnap: 0.5, preferCanvas: true });
    instance.createPane(PLAN_PANE).style.zIndex = PLAN_PANE_Z;
    // The panel beside the map can change width; Leaflet must learn its new size.
    const resize = new ResizeObserver(() => instance.invalidateSize());
    resize.observe(container);
    setMap(instance);
    // While a pick is pending, a click on the map is the place asked for (a depot, a new order…).
    instance.on('click', (e: L.LeafletMouseEvent) => {
      if (uiState.pick) uiActions.completePick(round6(e.latlng.lat), round6(e.latlng.lng));
    });
    onCleanup(() => {
      resize.disconnect();
      instance.remove();
    });
  });

  // Frame the whole scenario when one is opened or a frame is asked for, not on every edit (that would yank the view).
  // In a task of its own: Leaflet's view reset redraws every layer, which lengthened the task that opened a
  // 10,000-order scenario (issue #15). A newer request (or closing the map) drops an older one. The tile layers
  // (online and from a map archive) wait for the first framing, so that no tiles are read for the starting view.
  let framing = 0;
  const [framed, setFramed] = createSignal(false);
  onCleanup(() => { framing += 1; });
  createEffect(on([map, () => state.scenario?.id, () => uiState.fitRequests], ([instance, id]) => {
    // Over the raw data (through the store, 10,000 orders' coordinates were a proxy read each), and in that task too.
    const raw = id && state.scenario ? rawOf(state.scenario) : null;
    const own = ++framing;
    if (!instance || !raw) return;
    void nextTask().then(() => {
      if (own !== framing) return;
      const bounds = scenarioBounds(raw);
      if (bounds) instance.fitBounds(bounds, { padding: [40, 40], maxZoom: 15 });
      setFramed(true);
    });
  }));

  useTileLayer(map, setTilesFailed, setTilesBlocked, framed);
  useArchiveLayer(map, archiveActions.archive, framed);

  // In Day mode the map draws the day as predicted now (new orders included) and rings the stops at risk.
  const dayView = () => (day.mode === 'day' ? day.derived : null);
  const shown = () => dayView()?.view ?? state.scenario;
  // Once per plan or edit, over the raw data (through the store's proxies the passes over 10,000 stops were
  // long tasks, issue #15): the plan's routes, the revision and the data edit count are what re-run them
  // (plan-view-key.ts: a new plan value that holds the routes already drawn draws nothing again). A new
  // plan's stops and lines are projected a slice per task after the one that stored it, and drawn once both
  // are done, the dots a task after the stops and the lines a task after them (staged.ts); the region is
  // aria-busy until then.
  const source = () => planViewKey(shown(), () => viewDataChanges(state));
  // Stops and lines a slice per task: all 10,000 stops, or 1,000 lines, with the views that follow them was a long task.
  // Both in one staged derivation, so the map changes plans at once: as two, a new plan's lines showed over the
  // last plan's stops (grey before the first plan) until the stops caught up.
  // A plan of the same data after another (a hand move) projects again only the routes it changed.
  const projector = reusingMapProjector();
  const drawing = createStagedSlices(source, (key): Slices<MapDrawing> => {
    const raw = key && rawOf(key.scenario);
    return raw ? projector(raw, raw.plan, key.dataChanges) : { step: () => true, result: () => ({ first: [], second: [] }) };
  }, viewQueue, undefined, samePlanView);
  const stops = () => drawing().first;
  // A plan lands over three tasks: its stops (the region's counts), then their dots, then the lines (issue #15). At
  // 10,000 stops the dots alone are 10-15 ms of work, and any task may also hold a 30-40 ms collection pause on a
  // busy machine: together with the stops' counts or the lines they made tasks over 50 ms.
  const [dotted, setDotted] = createSignal(drawing().first);
  const [lines, setLines] = createSignal(drawing().second);
  let landing = 0;
  createEffect(on(drawing, (next) => {
    const mine = ++landing;
    void nextTask()
      .then(() => { if (mine === landing) setDotted(() => next.first); return nextTask(); })
      .then(() => { if (mine === landing) setLines(() => next.second); });
  }, { defer: true }));
  const catchingUp = () => drawing.pending() || dotted() !== drawing().first || lines() !== drawing().second;
  // From the projected stops (plain data): a walk over the store's 10,000 order proxies was part of a long task.
  const hasPickups = createMemo(() => stops().some((s) => s.pickup !== null));
  // The active route and the route filter (issue #15), shared with the route table and the timeline.
  const view = createRouteView(shown, () => !dayView());
  const [drawn, setDrawn] = createSignal(0);
  const atRisk = createMemo(() => { const ids = new Set((dayView()?.atRisk ?? []).map((r) => r.orderId)); return stops().filter((s) => ids.has(s.orderId)); });
  // The plan's risk colours its stops (issue #14); in the day view, the risk of the rest of the day. One lookup per
  // estimate, read once by each view over the stops: a tracked read per stop had Solid record the same signals
  // 10,000 times in each of them when a plan landed (megabytes of bookkeeping, then garbage; issue #15).
  const levelsNow = createMemo((): OrderLevels => (dayView() ? day.risk?.orderLevels() : riskReads.orderLevels()) ?? noLevels);
  // A new estimate recolours the stops in the task after the one that delivered it (with the Risk panel's figures,
  // the two were a long task at 10,000 stops); the lookup builds its table on the first level asked for.
  const [riskLevelsOf, setRiskLevelsOf] = createSignal(levelsNow());
  createEffect(on(levelsNow, (next) => void nextTask().then(() => setRiskLevelsOf(() => next)), { defer: true }));
  // The level of each drawn stop, looked up once per estimate and plan for the dots and the counts alike: at 10,000
  // stops two passes of lookups with the dots' drawing were one task of 50-60 ms at 2x CPU throttling (issue #15).
  const risks = createMemo(() => riskPerStop(dotted(), riskLevelsOf()));
  // Each count is its own memo, so a drawing slice (`drawn`) or a risk answer recounts only what it changes,
  // not ten passes over 10,000 stops (issue #15). Counted over the drawn stops: while a new plan's dots are a task
  // behind its stops, the region is busy (catchingUp).
  const riskLevels = createMemo(() => {
    const tally: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
    for (const level of risks()) if (level) tally[level] += 1;
    return tally.low + tally.medium + tally.high === 0 ? '' : `low:${tally.low} medium:${tally.medium} high:${tally.high}`;
  });
  const stopCounts = createMemo(() => ({
    unassigned: stops().filter((s) => s.status === 'unassigned').length,
    pickups: stops().filter((s) => s.pickup).length,
  }));
  const visibleLines = createMemo(() => lines().filter((l) => view.isVisible(l.vehicleId)).length);
  const routeStops = createMemo(() => lines().map((l) => `${l.vehicleId}:${l.points.length - 2}`).join(' '));
  const counts = () => ({
    'data-stop-count': stops().length,
    'data-unassigned-count': stopCounts().unassigned,
    // Shipments' pickup places, drawn as a second point of their order.
    'data-pickup-count': stopCounts().pickups,
    'data-route-count': lines().length,
    // Stops whose circles are reconciled (drawing runs in slices: this reaches data-stop-count when done).
    'data-drawn-count': drawn(),
    'data-visible-route-count': visibleLines(),
    'data-untrusted-route-count': state.planStatus === 'valid' || dayView() ? 0 : lines().length,
    'data-at-risk-count': atRisk().length,
    // Planned stops per risk level ("low:12 medium:3 high:1"), empty until the plan's risk is estimated.
    'data-risk-levels': riskLevels(),
    // "vehicle:stops" per drawn line (a shipment's pickup and delivery count one each), so a hand edit can be seen to reach the map.
    'data-route-stops': routeStops(),
  });

  // What is drawn is counted on the region: canvas shapes are not elements tests or tools could find.
  return (
    <section class="map-region" classList={{ 'map-region--picking': !!uiState.pick }} role="region" aria-label="Map" aria-busy={catchingUp()} {...counts()} data-map-archive={archiveState.info?.name ?? ''} data-selected={selectionKey(uiState.selection)}>
      <div class="map" ref={container} />
      <Show when={uiState.pick}>
        {(pick) => (
          <p class="map-pick-hint" role="status">
            Click the map to place {pick().label}.{' '}
            <button type="button" class="btn btn--small" onClick={() => uiActions.cancelPick()}>Cancel placing</button>
          </p>
        )}
      </Show>
      <Show when={map()}>
        {(instance) => {
          // One canvas for lines and stops: stacked canvases would hide the lower one from clicks. Its full
          // redraws run over a few frames with thousands of stops (sliced-canvas.ts).
          const renderer = slicedCanvas({ pane: PLAN_PANE, padding: 0.2, tolerance: 4 });
          // On the map in a task of its own: sizing its canvas was part of the task that drew a plan's first dots
          // (a 10,000-stop plan opened, issue #15). A layer drawn before then adds it as it always did.
          let gone = false;
          onCleanup(() => { gone = true; });
          void nextTask().then(() => { if (!gone && !instance().hasLayer(renderer)) instance().addLayer(renderer); });
          return (
            <>
              <RouteLayer map={instance()} renderer={renderer} lines={lines()} view={view} />
              <StopMarkers map={instance()} renderer={renderer} stops={dotted()} view={view} risks={risks} onDrawn={setDrawn} />
              <AtRiskRings map={instance()} renderer={renderer} stops={atRisk()} />
            </>
          );
        }}
      </Show>
      <Show when={tilesFailed()}>
        <p class="map-notice" role="status">
          {archiveState.info ? 'Online map tiles unavailable — showing the offline map archive.' : 'Map tiles unavailable — showing a plain background.'}
        </p>
      </Show>
      <Show when={tilesBlocked() !== 'now'}>
        <p class="map-notice" role="status">
          {tilesBlocked() === 'next-start'
            ? 'Map tiles from this host are allowed once the app is reloaded (the security policy is set at startup).'
            : 'This map tile URL cannot be allowed by the security policy: use an http(s) address with a plain host name.'}
        </p>
      </Show>
      <MapLegend hasPickups={hasPickups()} />
    </section>
  );
}
