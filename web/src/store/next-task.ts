// Work a long step of the page leaves to a later task (issue #15): the browser paints and takes input in between.

/** Runs `fn` in a later task. */
export type Later = (fn: () => void) => void;

/** Runs `fn` in a later task (a timer of 0 ms). */
export const nextTask: Later = (fn) => { setTimeout(fn, 0); };

/** Resolves in a later task: `await pause()` between two long steps of an async computation. */
export const pauseForTask = (): Promise<void> => new Promise((resolve) => nextTask(resolve));
