// Browser entry: mounts the app into #root.
import { render } from 'solid-js/web';
import { App } from './App';
import { registerServiceWorker } from './pwa';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
registerServiceWorker();
