// The driver manifests: one printed page per route with the stops in driving
// order, arrival, window, service type, customer, phone and notes, and the breaks. Shown only
// in print (print.css hides the app then); the screen never sees it.
import { For, Show, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import { clockText, layoutPlan, windowsText, type RouteStops } from '../io/export-rows';
import '../print.css';
import { type HandOffView } from './handoff/hand-off-view';
import { createManifestQrs, ManifestQr } from './handoff/ManifestQr';
import { formatCount, formatDate, formatKm, formatMinutes } from './ui/format';

const SERVICE_LABEL: Record<string, string> = {
  curbside: 'Curbside', 'room-of-choice': 'Room of choice', 'white-glove': 'White glove', installation: 'Installation',
  'haul-away': 'Haul-away', return: 'Return', 're-delivery': 'Re-delivery',
};

/** All manifests of the scenario's plan, each with its driver link's QR code; `onReady` once the codes are drawn. */
export function ManifestView(props: { scenario: Scenario; onReady?: () => void }): JSX.Element {
  const layout = () => layoutPlan(props.scenario);
  let root: HTMLDivElement | undefined;
  const qrOf = createManifestQrs(() => props.scenario, () => root, () => props.onReady?.());
  return (
    <div ref={root} class="manifest" role="region" aria-label="Driver manifests">
      <For each={layout().routes}>{(route) => <ManifestPage scenario={props.scenario} route={route} qr={qrOf(route.vehicle.id)} />}</For>
    </div>
  );
}

function ManifestPage(props: { scenario: Scenario; route: RouteStops; qr: HandOffView | null | undefined }): JSX.Element {
  const units = () => props.scenario.settings.capacityUnits;
  const steps = () => props.route.route.steps;
  const breaks = () => steps().filter((st) => st.type === 'break')
    .map((st) => `${st.id} ${clockText(st.arrivalS + st.waitS)}–${clockText(st.departureS)}`).join(', ');
  return (
    <section class="manifest__page" aria-label={`Manifest of ${props.route.vehicle.name || props.route.vehicle.id}`}>
      <header class="manifest__header">
        <div>
          <h1>{props.route.vehicle.name || props.route.vehicle.id}</h1>
          <p>{props.scenario.name} · {formatDate(props.scenario.settings.date)}</p>
        </div>
        <dl>
          <div><dt>Depot</dt><dd>{props.route.startDepot?.name ?? '—'}</dd></div>
          <div><dt>Leave</dt><dd>{clockText(steps()[0]?.departureS ?? 0)}</dd></div>
          <div><dt>Back</dt><dd>{clockText(steps()[steps().length - 1]?.arrivalS ?? 0)}</dd></div>
          <div><dt>Stops</dt><dd>{formatCount(props.route.stops.length)}</dd></div>
          <div><dt>Distance</dt><dd>{formatKm(props.route.route.distanceM)}</dd></div>
          <Show when={breaks()}>{(text) => <div><dt>Breaks</dt><dd data-testid="manifest-breaks">{text()}</dd></div>}</Show>
        </dl>
        <ManifestQr view={props.qr} name={props.route.vehicle.name || props.route.vehicle.id} />
      </header>
      <table class="manifest__stops">
        <thead>
          <tr>
            <th>#</th><th>Arrive</th><th>Window</th><th>Customer and address</th><th>Service</th>
            <th>{units().join(' / ')}</th><th>Phone</th><th>Notes</th><th>Done</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.route.stops}>
            {(stop) => (
              <tr data-order-id={stop.order.id} data-step-type={stop.stepType}>
                <td class="num">{stop.sequence}</td>
                <td class="num">{clockText(stop.serviceStartS)}</td>
                <td class="nowrap">{windowsText(stop.place.timeWindows) || 'any time'}</td>
                <td>
                  <strong>{stop.stepType === 'pickup' ? 'PICKUP · ' : stop.stepType === 'delivery' ? 'DELIVERY · ' : ''}{stop.order.customerName || stop.order.id}</strong>
                  <div>{stop.place.address}</div>
                  <div class="manifest__id">{stop.order.id}</div>
                </td>
                <td>
                  {stop.stepType === 'pickup' ? 'Pickup' : SERVICE_LABEL[stop.order.serviceType] ?? stop.order.serviceType}
                  <div class="manifest__id">{formatMinutes(stop.place.serviceMinutes * 60)}</div>
                </td>
                <td class="num">{stop.order.amounts.join(' / ')}</td>
                <td class="nowrap">{stop.order.phone}</td>
                <td>{stop.order.notes}</td>
                <td class="manifest__check" aria-label="Done" />
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={props.route.endDepot}>
        {(depot) => <p class="manifest__footer">Return to {depot().name} · driver signature ______________________</p>}
      </Show>
    </section>
  );
}
