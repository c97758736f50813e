// The save worker: runs the autosave's checked IndexedDB writes off the main thread
// (save-offload.ts): keeps the plans' text it is sent, one reply per save request; also
// reads records as the app opens them (validated, plan re-checked), one reply per read (a large one after its parts,
// sent as the page asks for them), and works out the scenario list (record-list.ts), one reply per list.
import { makeReplyPoster, makeSaveHandler, type WorkerMessage } from './save-offload';

const handle = makeSaveHandler();
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null; postMessage(message: unknown): void };
// A read of a large scenario answers in parts, a message each (readReplies), posted as the page asks for them.
const replies = makeReplyPoster((message) => scope.postMessage(message));
// Handled in arrival order: a plan's pieces are all kept before a save that names it is run.
scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'read-more') return replies.more(message.id);
  void handle(message).then((reply) => { if (reply) replies.send(reply); });
};
