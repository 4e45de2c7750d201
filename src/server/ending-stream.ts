/**
 * `source`, ended early when `onStop` fires its callback: the pending next() resolves done and the
 * source is returned (its subscription released), as if it had completed. `onStop` registers the
 * callback and returns how to unregister it. Each next() races the source against a promise of its
 * own, so a long-lived stream does not pile reactions onto one promise that never settles.
 */
export function endingWhen<T>(source: AsyncIterable<T>, onStop: (stop: () => void) => () => void): AsyncGenerator<T, void, void> {
  const iterator = source[Symbol.asyncIterator]();
  let stopped = false;
  let finished = false;
  let wake: (() => void) | undefined;
  const unregister = onStop(() => {
    stopped = true;
    wake?.();
  });
  const finish = async (): Promise<IteratorReturnResult<void>> => {
    if (!finished) {
      finished = true;
      unregister();
      await iterator.return?.();
    }
    return { done: true, value: undefined };
  };
  const generator: AsyncGenerator<T, void, void> = {
    async next() {
      if (stopped || finished) return finish();
      const next = await Promise.race([iterator.next(), new Promise<undefined>((resolve) => (wake = () => resolve(undefined)))]);
      wake = undefined;
      return !next || next.done ? finish() : next;
    },
    return: finish,
    async throw(err: unknown) {
      await finish();
      throw err;
    },
    [Symbol.asyncIterator]: () => generator,
  };
  return generator;
}
