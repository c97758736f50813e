// Installs the page's Content Security Policy at startup, before the app renders
// and anything fetches. index.html already carries the build-time policy, which
// admits any web host for images and requests; this one narrows them to the
// hosts the stored scenarios' settings name. A policy can only be tightened once
// a page has one, so a host configured later is admitted from the next start.
import { defaultSettings, localIsoDate } from './domain/blank';
import { buildPolicy, configuredSources, urlAdmission, type Admission, type HostSettings } from './csp-policy';
import { readHostSettingsOffPage } from './csp-read';
import { DEFAULT_DB_NAMES } from './io/db';

/** Where and how long the startup policy looks for configured hosts. */
export interface BootOptions {
  /** Database holding the scenario records (tests pass their own). */
  dbName?: string;
  /** Past this the stored scenarios are not waited for: only the default hosts are admitted. */
  timeoutMs?: number;
  /** Vite's dev server (inline <style> elements, HMR websocket). */
  dev?: boolean;
  /** Starts the worker that reads the stored settings (csp-read.ts); null reads them on the page. */
  spawnWorker?: (() => Worker) | null;
}

function spawnSettingsWorker(): Worker {
  return new Worker(new URL('./csp-read.worker.ts', import.meta.url), { type: 'module', name: 'settings' });
}

/** Outside sources the installed policy admits; null while only the build-time policy applies. */
let admitted: readonly string[] | null = null;

/** The settings of every stored scenario (records that are not scenarios are skipped); [] when unreadable. */
async function storedHostSettings(dbName: string, timeoutMs: number, spawn: (() => Worker) | null): Promise<HostSettings[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the scenario database in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([readHostSettingsOffPage(dbName, spawn), late]);
  } catch (error) {
    // Fail closed: the page still starts, with only the default hosts admitted.
    console.warn('content security policy: stored settings not read, only default hosts admitted:', error);
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads the hosts the stored scenarios (and a new scenario's defaults) configure and adds the
 * policy admitting exactly them as a <meta> to the document head. Returns the admitted sources.
 */
export async function installContentSecurityPolicy(options: BootOptions = {}): Promise<readonly string[]> {
  const spawn = options.spawnWorker !== undefined ? options.spawnWorker : typeof Worker === 'function' ? spawnSettingsWorker : null;
  const stored = await storedHostSettings(options.dbName ?? DEFAULT_DB_NAMES.scenarios, options.timeoutMs ?? 3000, spawn);
  const sources = configuredSources([defaultSettings(localIsoDate()), ...stored]);
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = buildPolicy({ hosts: sources, dev: options.dev ?? false });
  document.head.append(meta);
  admitted = sources;
  return sources;
}

/** Whether the page's policy lets it load `url` now, from the next start (set after startup), or never. */
export function admissionNow(url: string): Admission {
  return admitted === null ? 'now' : urlAdmission(url, admitted);
}
