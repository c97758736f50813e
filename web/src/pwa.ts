// The service worker's page side: registers the precaching worker that makes
// the planner load with no network, and learns when a newer version waits.
// A new version is offered, never forced: it activates only when the user says
// so (see UpdateBanner), and never while work is in flight.
import { createSignal } from 'solid-js';
import { registerSW } from 'virtual:pwa-register';

const [updateWaiting, setUpdateWaiting] = createSignal(false);
const [offlineReady, setOfflineReady] = createSignal(false);
let activate: ((reload?: boolean) => Promise<void>) | null = null;

/** A newer version of the app is installed and waits for the user's go. */
export { updateWaiting, offlineReady };

/** Registers the service worker (production builds; a browser without service workers just skips it). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  activate = registerSW({
    immediate: true,
    onNeedRefresh: () => setUpdateWaiting(true),
    onOfflineReady: () => setOfflineReady(true),
    onRegisterError: (error: unknown) => console.warn('service worker not registered:', error),
  });
}

/** Activates the waiting version and reloads the page; the caller checks nothing is in flight. */
export async function applyUpdate(): Promise<void> {
  await activate?.(true);
}
