// The save worker: runs the autosave's checked IndexedDB writes off the main thread
// (save-offload.ts), one reply per request.
import { makeSaveHandler, type SaveRequest } from './save-offload';

const handle = makeSaveHandler();
const scope = self as unknown as { onmessage: ((event: MessageEvent<SaveRequest>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => void handle(event.data).then((reply) => scope.postMessage(reply));
