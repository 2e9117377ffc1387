/**
 * Reads until `accept` says yes or the time is up, and answers the last value either way: the caller's
 * assertions then say what was wrong. For work that finishes after the response (pushes, view counts).
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
