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

/**
 * Reads one company with a signal that also aborts when the read fails: the first failure fails the company, so it
 * also cancels the company's other calls still in flight (queued ones are dropped by {@link createConcurrencyLimit}).
 */
export async function failingFast<T>(
  signal: AbortSignal | undefined,
  read: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const failed = new AbortController();
  try {
    return await read(signal ? AbortSignal.any([signal, failed.signal]) : failed.signal);
  } catch (error) {
    failed.abort(error);
    throw error;
  }
}
