import type Stripe from 'stripe';

/** Digits after the decimal point for a currency's minor unit (2 for gbp, 0 for jpy). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** An amount in minor units as people read it: `£12.00`. */
export function formatMoney(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const major = amount / 10 ** digits;
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency.toUpperCase()}`;
  }
}

/** How often a recurring price is charged: `month`, `3 months`. */
export function describeInterval(interval: string, count: number): string {
  return count === 1 ? interval : `${count} ${interval}s`;
}

/** How often a price is charged, after its amount: ` per month`, ` every 3 months`, or nothing. */
export function perInterval(price: Stripe.Price | null | undefined): string {
  const recurring = price?.recurring;
  if (!recurring) return '';
  return recurring.interval_count === 1
    ? ` per ${recurring.interval}`
    : ` every ${describeInterval(recurring.interval, recurring.interval_count)}`;
}
