/**
 * Values grouped by key, with a list made only for a key that gets a second value. A run groups every served person
 * by userName, e-mail and employee number, where nearly every key has one person: a list of one per person was
 * most of what those maps held, all of it promoted and dropped with the plan (BENCHMARKS.md, "What the plan keeps
 * alive"). Keys keep the order of their first value.
 */
export class MultiMap<K, V extends object> {
  private readonly entries = new Map<K, V | V[]>();

  add(key: K, value: V): void {
    const had = this.entries.get(key);
    if (had === undefined) this.entries.set(key, value);
    else if (Array.isArray(had)) had.push(value);
    else this.entries.set(key, [had, value]);
  }

  get(key: K): readonly V[] | undefined {
    const had = this.entries.get(key);
    return had === undefined || Array.isArray(had) ? had : [had];
  }

  /** The keys with more than one value, with their values in the order they were added. */
  *repeated(): Generator<[K, readonly V[]]> {
    for (const [key, had] of this.entries) if (Array.isArray(had)) yield [key, had];
  }
}
