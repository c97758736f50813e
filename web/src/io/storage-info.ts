// The browser's storage for this site: asks for persistent storage (so the
// browser does not evict saved scenarios when space runs low; Chromium decides
// without a prompt) and reads usage, quota and whether storage is persistent.

/** What Settings shows; null where the browser does not tell. */
export interface StorageInfo {
  usageBytes: number | null;
  quotaBytes: number | null;
  persistent: boolean | null;
}

const manager = (): StorageManager | undefined => (typeof navigator === 'undefined' ? undefined : navigator.storage);

/** Asks once for persistent storage; resolves whether it is granted (null: not supported or failed). */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = manager();
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return null;
  }
}

/** Reads usage, quota and persistence. */
export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = manager();
  const estimate = await storage?.estimate?.().catch(() => undefined);
  const persistent = await storage?.persisted?.().catch(() => null);
  return { usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null, persistent: persistent ?? null };
}

/** "1.2 MB", "340 kB", "12 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit += 1; }
  return unit === 0 ? `${Math.round(value)} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
