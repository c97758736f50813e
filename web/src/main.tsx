// Browser entry: installs the page's Content Security Policy, then mounts the app into #root.
import { render } from 'solid-js/web';
import { installContentSecurityPolicy } from './csp-boot';
import { App } from './App';
import { registerServiceWorker } from './pwa';
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // Before anything renders, so no tile or request leaves before the policy names its hosts.
  await installContentSecurityPolicy({ dev: import.meta.env.DEV });
  render(() => <App />, root);
  registerServiceWorker();
}

void start();
