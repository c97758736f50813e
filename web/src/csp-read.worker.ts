// Reads the stored scenarios' host settings for the startup policy off the page (csp-read.ts):
// one request, one answer of settings only, then the page terminates it.
import { readHostSettings, type HostSettingsReply } from './csp-read';

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ dbName: string }>) => void) | null; postMessage(message: HostSettingsReply): void };
scope.onmessage = (event) => {
  readHostSettings(event.data.dbName).then(
    (settings) => scope.postMessage({ ok: true, settings }),
    (error: unknown) => scope.postMessage({ ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
};
