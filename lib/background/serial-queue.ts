/**
 * Tasks run one at a time, in the order they were queued; a task that fails does not stop the ones
 * after it. For read-modify-write of stored values, where two tasks interleaving would lose one's
 * change.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
