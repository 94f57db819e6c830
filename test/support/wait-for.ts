/**
 * Waits for a condition instead of sleeping a fixed time: checks it every `intervalMs` (a condition may be async, and
 * may throw to give up early) and fails naming `what` after `timeoutMs`. `what` may be a function, so the message can
 * carry what was seen at the end (a child's output, a count).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string | (() => string),
  timeoutMs = 30_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
