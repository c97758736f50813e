// Browser entry: installs the page's Content Security Policy, then mounts the app into #root:
// the driver view for a `#driver…` link (or a phone that keeps a driver's route), else the planner.
// Each is loaded on demand, so the driver view never loads the planner's stores or the solver.
import { render } from 'solid-js/web';
import type { JSX } from 'solid-js';
import { installContentSecurityPolicy } from './csp-boot';
import { storedDriverMode } from './io/driver-db';
import { driverPayload } from './io/handoff';
import { registerServiceWorker } from './pwa';
import './styles.css';

/** The screen to show: the driver view or the planner. */
async function rootComponent(): Promise<() => JSX.Element> {
  const driver = driverPayload(location.hash) !== null || await storedDriverMode();
  if (driver) return (await import('./components/driver/DriverApp')).DriverApp;
  // A driver link pasted into an open planner tab changes only the fragment: start again as the driver view.
  window.addEventListener('hashchange', () => { if (driverPayload(location.hash) !== null) location.reload(); });
  return (await import('./App')).App;
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // Before anything renders, so no tile or request leaves before the policy names its hosts.
  await installContentSecurityPolicy({ dev: import.meta.env.DEV });
  const Root = await rootComponent();
  render(() => <Root />, root);
  registerServiceWorker();
}

void start();
