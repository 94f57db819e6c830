/**
 * A Map that forgets its least recently used entries beyond `capacity`: every cache the SCIM side keeps in memory
 * is bounded, because its keys come from requests.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Removes every entry for which `remove` says so. */
  deleteWhere(remove: (value: V, key: K) => boolean): void {
    for (const [key, value] of this.entries) if (remove(value, key)) this.entries.delete(key);
  }
}
