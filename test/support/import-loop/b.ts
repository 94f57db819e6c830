// Half of a deliberate import loop for test/unit/architecture/import-cycles.test.ts.
import type { A } from "./a.js";

export interface B {
  readonly a: A | null;
}
