/**
 * A limit on tasks in flight. After a task fails, queued tasks are dropped (they reject with the same error)
 * rather than run: a company is read completely or not at all, so further calls would only waste the rate budget.
 */
export type ConcurrencyLimit = <T>(task: () => Promise<T>) => Promise<T>;

export function createConcurrencyLimit(maxInFlight: number): ConcurrencyLimit {
  let inFlight = 0;
  let failure: { error: unknown } | null = null;
  const queue: (() => void)[] = [];
  const release = (): void => {
    inFlight--;
    queue.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (inFlight >= maxInFlight) await new Promise<void>((resolve) => queue.push(resolve));
    inFlight++;
    try {
      if (failure) throw failure.error;
      return await task();
    } catch (error) {
      failure ??= { error };
      throw error;
    } finally {
      release();
    }
  };
}
