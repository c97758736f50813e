// A macrotask boundary for work spread over several tasks (issue #15): through a
// MessageChannel, which a background tab neither clamps nor throttles as it does
// setTimeout, and which lets the browser paint and handle input first.

/** Resolves in a macrotask of its own. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') return void setTimeout(resolve, 0);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}
