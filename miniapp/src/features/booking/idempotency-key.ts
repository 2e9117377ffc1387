/** A fresh key per booking intent: a retried tap or a flaky network resends the same one. */
export function newIdempotencyKey(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(36)).join(
    '',
  );
  return `bk-${Date.now().toString(36)}-${random}`;
}
