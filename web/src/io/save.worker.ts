// The save worker: runs the autosave's checked IndexedDB writes off the main thread
// (save-offload.ts): keeps the plans' text it is sent, one reply per save request; also
// reads records as the app opens them (validated, plan re-checked), one reply per read (a large one after its parts), and works
// out the scenario list (record-list.ts), one reply per list.
import { makeSaveHandler, readReplies, type WorkerMessage } from './save-offload';

const handle = makeSaveHandler();
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null; postMessage(message: unknown): void };
// Handled in arrival order: a plan's pieces are all kept before a save that names it is run.
// A read of a large scenario answers in parts, a message each (readReplies).
scope.onmessage = (event) => void handle(event.data).then((reply) => { if (reply) for (const message of readReplies(reply)) scope.postMessage(message); });
