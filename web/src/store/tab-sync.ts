// Tells the planner's other tabs (same browser profile) that a scenario was
// saved, with the save stamp of the stored copy, so they can follow it or warn.
// Without BroadcastChannel it does nothing; the stamp check in db.ts still
// refuses to overwrite a newer copy.

/** One save announced to the other tabs. */
export interface SavedNotice {
  scenarioId: string;
  stamp: number;
}

export interface TabSync {
  announce(notice: SavedNotice): void;
  close(): void;
}

/** Name of the channel every tab of the planner listens on. */
export const SAVES_CHANNEL = 'fmp-saves';

function isNotice(data: unknown): data is SavedNotice {
  const notice = data as Partial<SavedNotice> | null;
  return typeof notice?.scenarioId === 'string' && typeof notice.stamp === 'number';
}

/** Opens the channel; `onSaved` hears the saves of the other tabs (never this tab's own). */
export function openTabSync(onSaved: (notice: SavedNotice) => void, channelName: string = SAVES_CHANNEL): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { announce() {}, close() {} };
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<unknown>) => { if (isNotice(event.data)) onSaved(event.data); };
  return {
    announce: (notice) => channel.postMessage(notice),
    close: () => channel.close(),
  };
}
