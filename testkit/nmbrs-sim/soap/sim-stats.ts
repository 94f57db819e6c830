/** Calls and response bytes per operation (`"Service.Operation"`), for tests that count calls and for benchmarks. */
export class SimStats {
  calls = 0;
  bytes = 0;
  readonly operations = new Map<string, { calls: number; bytes: number }>();

  recordCall(operation: string): void {
    this.calls++;
    this.entry(operation).calls++;
  }

  recordBytes(operation: string, bytes: number): void {
    this.bytes += bytes;
    this.entry(operation).bytes += bytes;
  }

  callsTo(operation: string): number {
    return this.operations.get(operation)?.calls ?? 0;
  }

  reset(): void {
    this.calls = 0;
    this.bytes = 0;
    this.operations.clear();
  }

  private entry(operation: string): { calls: number; bytes: number } {
    let entry = this.operations.get(operation);
    if (!entry) this.operations.set(operation, (entry = { calls: 0, bytes: 0 }));
    return entry;
  }
}
