// "Share route" (issue #13): per route, a dialog handing the route to its driver
// with no server: the driver link (the route rides in its fragment), its QR code,
// Copy link, Download route file and the share sheet. A route too long for a QR
// code (or a link) says so and goes as the route file.
import { createResource, createSignal, Show, type JSX } from 'solid-js';
import type { DriverRoute } from '../../domain/handoff/driver-route';
import { buildDriverRoute } from '../../domain/handoff/route-payload';
import { LINK_MAX_CHARS, QR_MAX_LINK_CHARS } from '../../io/handoff';
import { canShareRouteFile, downloadRouteFile, shareRouteFile } from '../../io/route-file';
import { useApp } from '../../store/context';
import { Dialog } from '../ui/Dialog';
import { formatCount, plural } from '../ui/format';
import { makeHandOffView, type HandOffView } from './hand-off-view';
import './share-route.css';

/** The "Share route" button of `vehicleId` and its dialog; `day`: the dispatched day's route as predicted now. */
export function ShareRoute(props: { vehicleId: string; day?: boolean; /** The vehicle's name, when the caller has it (a list of 1,000 routes). */ name?: string }): JSX.Element {
  const { scenario: [state], day: [dayState] } = useApp();
  const [route, setRoute] = createSignal<DriverRoute | null>(null);
  const [open, setOpen] = createSignal(false);
  const name = () => props.name ?? (state.scenario?.vehicles.find((v) => v.id === props.vehicleId)?.name || props.vehicleId);
  const blocker = () => {
    if (props.day) return dayState.derived && dayState.day ? null : 'Dispatch the plan first';
    return state.planStatus === 'valid' ? null : 'The plan is out of date or unchecked: optimize again before handing it off';
  };
  const current = (): DriverRoute | null => {
    const derived = dayState.derived;
    if (props.day) return derived && dayState.day ? buildDriverRoute(derived.scenario, dayState.day.dispatchedPlan, props.vehicleId, derived) : null;
    return state.scenario?.plan ? buildDriverRoute(state.scenario, state.scenario.plan, props.vehicleId) : null;
  };
  // Never rejects: a failure is shown in the dialog, not thrown into the page.
  const [view] = createResource(() => (open() ? route() : null), (r) => makeHandOffView(r).catch((err: unknown) => ({ error: String(err) })));
  const show = () => {
    setRoute(current());
    setOpen(true);
  };
  return (
    <>
      <button type="button" class="btn btn--small" disabled={blocker() !== null} title={blocker() ?? `Hand the route of ${name()} to its driver`} onClick={show}>
        Share route
      </button>
      <Dialog title={`Share the route of ${name()}`} open={open()} onClose={() => setOpen(false)}>
        <Show when={route()} fallback={<p>{name()} has no stops to hand off.</p>}>
          <Show when={view()} fallback={<p class="muted" role="status">Preparing the link…</p>}>
            {(v) => {
              const result = v();
              return 'error' in result ? <p role="alert">The route could not be prepared: {result.error}</p> : <ShareRouteBody view={result} name={name()} />;
            }}
          </Show>
        </Show>
      </Dialog>
    </>
  );
}

function ShareRouteBody(props: { view: HandOffView; name: string }): JSX.Element {
  const [note, setNote] = createSignal('');
  const canShare = canShareRouteFile(props.view.route);
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setNote('Link copied.');
    } catch {
      setNote('The browser did not let the page copy: open the Driver link and copy its address instead.');
    }
  };
  const share = async () => {
    const result = await shareRouteFile(props.view.route);
    setNote(result.outcome === 'failed' ? `Not shared: ${result.message}` : result.outcome === 'shared' ? 'Route file shared.' : '');
  };
  return (
    <div class="share-route">
      <p class="muted">
        {plural(props.view.route.stops.length, 'stop')} · the route travels inside the link or file, never through a server.
      </p>
      <Show when={props.view.link} fallback={<p class="share-route__limit">This route is too long for a link ({formatCount(props.view.linkLength)} characters; at most {formatCount(LINK_MAX_CHARS)}): hand over the route file.</p>}>
        {(link) => <p><a class="share-route__link" href={link()} target="_blank" rel="noopener">Driver link</a> <span class="muted">({formatCount(props.view.linkLength)} characters)</span></p>}
      </Show>
      <Show when={props.view.qrUrl} fallback={
        <Show when={props.view.link}>
          <p class="share-route__limit">Too long for a QR code ({formatCount(props.view.linkLength)} characters; a QR code takes at most {formatCount(QR_MAX_LINK_CHARS)}): send the link, or hand over the route file.</p>
        </Show>
      }>
        {(url) => <img class="share-route__qr" src={url()} alt={`QR code of the driver link for ${props.name}`} />}
      </Show>
      <div class="share-route__actions">
        <Show when={props.view.link}>{(link) => <button type="button" class="btn" onClick={() => void copy(link())}>Copy link</button>}</Show>
        <button type="button" class="btn" onClick={() => downloadRouteFile(props.view.route)}>Download route file</button>
        <Show when={canShare}><button type="button" class="btn" onClick={() => void share()}>Share…</button></Show>
      </div>
      <Show when={note()}><p role="status">{note()}</p></Show>
    </div>
  );
}
