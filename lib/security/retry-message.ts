/** What a throttled person is told: when they may try again, in whole minutes. */
export function tryAgainMessage(retryAfterSeconds: number, what = 'attempts'): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
