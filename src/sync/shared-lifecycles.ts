import type { Lifecycle } from "../lifecycle/lifecycle-state.js";
import { StringPool } from "./shared-strings.js";

/**
 * One object per distinct lifecycle in a run. A plan keeps every person's lifecycle (and its merged work period)
 * until the commit, and people hired on the same day with the same contract have equal ones: they share one.
 * Lifecycles are read, never changed, once computed.
 */
export class LifecyclePool {
  private readonly lifecycles = new Map<string, Lifecycle>();
  // A reason is a template of several pieces, which V8 keeps as a tree: the one kept is made flat.
  private readonly reasons = new StringPool();

  shared(life: Lifecycle): Lifecycle {
    const { period } = life;
    const key = `${life.state}\n${life.graceSince}\n${period ? `${period.kind}\n${period.start}\n${period.end}` : ""}\n${life.reason}`;
    let kept = this.lifecycles.get(key);
    if (kept === undefined) {
      // One literal with every key, as every per-person object the run keeps (docs/decisions.md "A sync's peak memory").
      kept = {
        state: life.state,
        reason: this.reasons.shared(life.reason),
        period: period && { start: period.start, end: period.end, kind: period.kind },
        graceSince: life.graceSince,
      };
      this.lifecycles.set(key, kept);
    }
    return kept;
  }
}
