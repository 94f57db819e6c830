// Half of a deliberate import loop for test/unit/architecture/import-cycles.test.ts.
import type { B } from "./b.js";

export interface A {
  readonly b: B | null;
}
