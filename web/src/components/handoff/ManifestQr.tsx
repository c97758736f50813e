// The driver link's QR code on each printed manifest page (issue #13): built for
// every route of the plan before printing, so the print dialog never snapshots a
// page whose code is still being drawn.
import { createEffect, createResource, Show, type JSX } from 'solid-js';
import { buildDriverRoute } from '../../domain/handoff/route-payload';
import type { Scenario } from '../../domain/scenario';
import { makeHandOffView, type HandOffView } from './hand-off-view';

/** Hand-off views of every route of the scenario's plan, by vehicle id (null: none could be made). Never rejects. */
export async function manifestHandOffs(scenario: Scenario): Promise<Map<string, HandOffView | null>> {
  const plan = scenario.plan;
  const entries = await Promise.all((plan?.solution.routes ?? []).map(async (r) => {
    const route = plan ? buildDriverRoute(scenario, plan, r.vehicleId) : null;
    const view = route ? await makeHandOffView(route).catch(() => null) : null;
    return [r.vehicleId, view] as const;
  }));
  return new Map(entries);
}

/**
 * The hand-off views of the manifest's routes; `onReady` runs once, when every
 * code is drawn and its image decoded inside `root` (or none could be made).
 */
export function createManifestQrs(scenario: () => Scenario, root: () => HTMLElement | undefined, onReady?: () => void): (vehicleId: string) => HandOffView | null | undefined {
  const [views] = createResource(scenario, manifestHandOffs);
  let reported = false;
  createEffect(() => {
    if (views.loading || reported || !views()) return;
    reported = true;
    requestAnimationFrame(() => {
      const images = [...(root()?.querySelectorAll<HTMLImageElement>('img.manifest__qr') ?? [])];
      void Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() => onReady?.());
    });
  });
  return (vehicleId) => (views.loading ? undefined : views()?.get(vehicleId));
}

/** The QR code of one route's driver link, or why there is none. */
export function ManifestQr(props: { view: HandOffView | null | undefined; name: string }): JSX.Element {
  return (
    <Show when={props.view}>
      {(view) => (
        <Show when={view().qrUrl} fallback={<p class="manifest__qr-note">Route too long for a QR code: hand over the route file (Share route).</p>}>
          {(url) => (
            <figure class="manifest__qr-box">
              <img class="manifest__qr" src={url()} alt={`QR code of the driver link for ${props.name}`} />
              <figcaption>Scan to open the route on the phone</figcaption>
            </figure>
          )}
        </Show>
      )}
    </Show>
  );
}
