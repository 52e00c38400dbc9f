/**
 * A bound on a piece of optional work ("More like this", related feeds): the work checks
 * `spent()` between its steps and returns the best it has so far once it is true. It becomes
 * true when the time allowed has passed or when the caller cancelled (the reader moved on to
 * another article; the reader pool sets a flag another thread can see).
 */

/** What bounded work asks between its steps. */
export interface WorkBudget {
  /** True once the work should stop and answer with what it has. */
  spent(): boolean;
  /** True when it was cancelled rather than out of time. */
  readonly cancelled: boolean;
}

/** Returns a budget of `ms` milliseconds of work from now, also spent when `cancelled()` is true. */
export function timeBudget(ms: number, cancelled: () => boolean = () => false): WorkBudget {
  const deadline = performance.now() + ms;
  return {
    spent: () => cancelled() || performance.now() >= deadline,
    get cancelled() {
      return cancelled();
    },
  };
}

/** A budget that is never spent: tests and callers that want the whole answer. */
export const UNBOUNDED: WorkBudget = { spent: () => false, cancelled: false };

/** How long suggestion work may run before it answers with its best so far (issue 11). */
export const SUGGESTION_BUDGET_MS = 150;
