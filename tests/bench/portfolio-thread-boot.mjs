// Entry of a benchmark solver thread: Node 20 worker_threads do not run `--import tsx` from execArgv,
// so the thread registers tsx itself and then loads the TypeScript thread module.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./portfolio-thread.ts', import.meta.url).href);
