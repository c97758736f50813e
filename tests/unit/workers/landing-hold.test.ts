// A solver worker that sent a plan waits for the page to take it (issue #15): until the page's answer
// settles, a cancel, or the cap, whichever comes first.
import { describe, expect, it } from 'vitest';
import { holdFor, isThenable } from '../../../workers/landing-hold';

/** A promise the test settles. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('holdFor', () => {
  it('waits until the answer settles, fulfilled or rejected', async () => {
    for (const end of ['resolve', 'reject'] as const) {
      const answer = deferred();
      let over = false;
      const held = holdFor(answer.promise, 60_000, () => false).then((ms) => { over = true; return ms; });
      await new Promise((r) => setTimeout(r, 30));
      expect(over).toBe(false);
      if (end === 'resolve') answer.resolve();
      else answer.reject(new Error('the page went away'));
      expect(await held).toBeGreaterThanOrEqual(0);
      expect(over).toBe(true);
    }
  });

  it('ends at a cancel, without the answer', async () => {
    let cancelled = false;
    const held = holdFor(new Promise(() => {}), 60_000, () => cancelled);
    setTimeout(() => { cancelled = true; }, 20);
    await expect(held).resolves.toBeGreaterThanOrEqual(0);
  });

  it('ends at the cap when the page never answers, and reports the time waited', async () => {
    let clock = 0;
    const now = () => (clock += 7);
    // A clock that moves 7 ms per reading: the cap of 50 ms passes after a few polls, whatever the machine's speed.
    const waited = await holdFor(new Promise(() => {}), 50, () => false, now);
    expect(waited).toBeGreaterThanOrEqual(50);
  });

  it('treats only promise-like answers as something to wait for', () => {
    expect(isThenable(Promise.resolve())).toBe(true);
    expect(isThenable({ then: () => {} })).toBe(true);
    expect(isThenable(undefined)).toBe(false);
    expect(isThenable(3)).toBe(false);
  });
});
