// Backup and restore of every stored scenario. "Back up everything" writes one
// file (with the proof-of-delivery media); "Restore backup" reads a file, says
// what will happen (added, identical, kept as a copy, or replaced only when
// asked) and only then writes, media under the id the scenario is restored as.
import { createStore, unwrap } from 'solid-js/store';
import { describeRestore, makeBackup, planRestore, readBackup, serializeBackup, type BackupEntry, type RestoreItem } from '../io/backup';
import type { ScenarioListDb } from '../io/db';
import type { PodMediaStore } from '../io/pod-media';
import { messageOf } from './storage-error';

/** A backup read and waiting for the user's go-ahead. */
export interface RestorePreview {
  fileName: string;
  createdAt: string;
  entries: BackupEntry[];
  items: RestoreItem[];
  /** Sentences saying what Restore will do. */
  summary: string[];
  /** Scenarios of the file that cannot be restored, with place and reason. */
  problems: string[];
  replace: boolean;
}

interface BackupFields {
  preview: RestorePreview | null;
  busy: boolean;
  error: string | null;
  /** What the last restore did. */
  done: string | null;
}

export type BackupState = Readonly<BackupFields>;

export interface BackupActions {
  /** Downloads one file with every stored scenario (after saving the open one). */
  backUp(): Promise<void>;
  /** Reads a backup file and shows what restoring it will do. */
  choose(file: File): Promise<void>;
  /** Replace scenarios that differ from the backup's version instead of adding copies. */
  setReplace(replace: boolean): Promise<void>;
  /** Writes the previewed restore. */
  confirm(): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

export type BackupStore = [state: BackupState, actions: BackupActions];

export interface BackupDeps {
  db: ScenarioListDb;
  /** Saves the open scenario first, so the backup has its latest edits. */
  flush(): Promise<void>;
  /** After a restore: re-reads the list and the open scenario if it was replaced. */
  restored(replacedIds: string[]): Promise<void>;
  download(fileName: string, text: string): void;
  /** The proof-of-delivery media store (absent: backups carry no media and restores store none). */
  media?: Pick<PodMediaStore, 'put' | 'list'>;
  newId?: () => string;
  now?: () => Date;
}

/** Creates the backup store. */
export function createBackupStore(deps: BackupDeps): BackupStore {
  const [state, setState] = createStore<BackupFields>({ preview: null, busy: false, error: null, done: null });
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function busy(what: string, work: () => Promise<void>): Promise<void> {
    setState({ busy: true, error: null, done: null });
    try {
      await work();
    } catch (error) {
      setState('error', `${what} failed: ${messageOf(error)}`);
    } finally {
      setState('busy', false);
    }
  }

  async function preview(fileName: string, createdAt: string, entries: BackupEntry[], problems: string[], replace: boolean): Promise<void> {
    const items = planRestore(entries, await deps.db.listScenarios(), replace);
    setState('preview', { fileName, createdAt, entries, items, summary: describeRestore(items), problems, replace });
  }

  async function write(items: RestoreItem[]): Promise<string[]> {
    const replaced: string[] = [];
    for (const { entry, action } of items) {
      const copy = action === 'copy';
      const scenario = copy ? { ...entry.scenario, id: newId(), name: `${entry.scenario.name} (restored)` } : entry.scenario;
      if (action !== 'same') await deps.db.putScenario({ ...scenario, pins: entry.pins });
      // Media first missing here are added even to an identical scenario; those already here are kept.
      if (entry.media.length && deps.media) await deps.media.put(scenario.id, entry.media);
      if (action === 'replace') replaced.push(entry.scenario.id);
    }
    return replaced;
  }

  const actions: BackupActions = {
    backUp: () => busy('Backing up', async () => {
      await deps.flush();
      const file = makeBackup(await deps.db.listScenarios(), deps.now?.(), (await deps.media?.list()) ?? []);
      deps.download(`final-mile-backup-${file.createdAt.slice(0, 10)}.json`, serializeBackup(file));
      setState('done', `Backed up ${file.scenarios.length} ${file.scenarios.length === 1 ? 'scenario' : 'scenarios'}.`);
    }),
    choose: (file) => busy('Reading the backup', async () => {
      await deps.flush();
      const read = readBackup(await file.text());
      if (!read.ok) throw new Error(`${file.name}: ${read.message}`);
      await preview(file.name, read.createdAt, read.entries, read.problems, false);
    }),
    setReplace: (replace) => busy('Reading the backup', async () => {
      const current = state.preview;
      if (current) await preview(current.fileName, current.createdAt, current.entries, current.problems, replace);
    }),
    confirm: () => busy('Restoring the backup', async () => {
      const current = state.preview;
      if (!current) return;
      await deps.flush();
      // Planned again right before writing: another tab may have saved meanwhile.
      const entries = structuredClone(unwrap(current.entries));
      const items = planRestore(entries, await deps.db.listScenarios(), current.replace);
      const replaced = await write(items);
      setState({ preview: null, done: `Restored from ${current.fileName}: ${describeRestore(items).join(' ')}` });
      await deps.restored(replaced);
    }),
    cancel: () => setState({ preview: null, error: null }),
    dismiss: () => setState({ done: null, error: null }),
  };
  return [state, actions];
}
