import { membershipIntervals, type MembershipInterval, type MembershipTier } from '@/db/schema';

export { membershipIntervals, type MembershipInterval, type MembershipTier };
import { formatMoney } from '@/lib/format/money';

export interface PriceOption {
  interval: MembershipInterval;
  amountMinor: number;
  /** "£12.00 a month" */
  label: string;
}

const per: Record<MembershipInterval, string> = { month: 'a month', year: 'a year' };

/** The ways a tier can be paid for, yearly first (the one most members choose). */
export function priceOptions(tier: MembershipTier): PriceOption[] {
  const options: PriceOption[] = [];
  for (const [interval, amountMinor] of [
    ['year', tier.yearlyPriceMinor],
    ['month', tier.monthlyPriceMinor],
  ] as const) {
    if (amountMinor !== null) {
      options.push({
        interval,
        amountMinor,
        label: `${formatMoney(amountMinor, tier.currency)} ${per[interval]}`,
      });
    }
  }
  return options;
}

/** How much paying yearly saves against twelve monthly payments, in whole per cent, or null. */
export function yearlySaving(tier: MembershipTier): number | null {
  const { monthlyPriceMinor: monthly, yearlyPriceMinor: yearly } = tier;
  if (monthly === null || yearly === null) return null;
  const saving = Math.floor(((monthly * 12 - yearly) / (monthly * 12)) * 100);
  return saving >= 1 ? saving : null;
}

export function parseInterval(value: unknown): MembershipInterval | null {
  return membershipIntervals.find((interval) => interval === value) ?? null;
}
