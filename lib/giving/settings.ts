import { getEnv } from '@/lib/platform/env';

export interface GivingSettings {
  /** ISO 4217 code, upper case, as stored on every donation row. */
  currency: string;
  minMinor: number;
  maxMinor: number;
  suggested: { one_off: number[]; monthly: number[] };
  /** Gift Aid is a UK scheme: offered only when gifts are in pounds. */
  giftAid: boolean;
}

const defaultSuggestions = { one_off: [25, 50, 100, 250], monthly: [5, 10, 25, 50] };

export const toMinor = (whole: number) => Math.round(whole * 100);

export function getGivingSettings(): GivingSettings {
  const env = getEnv();
  const minMinor = toMinor(env.DONATION_MIN);
  const maxMinor = toMinor(env.DONATION_MAX);
  // A suggestion outside the bounds could never be accepted, so it is not offered.
  const within = (amounts: number[]) =>
    amounts.map(toMinor).filter((minor) => minor >= minMinor && minor <= maxMinor);
  return {
    currency: env.DONATION_CURRENCY,
    minMinor,
    maxMinor,
    suggested: {
      one_off: within(env.DONATION_SUGGESTED_ONE_OFF ?? defaultSuggestions.one_off),
      monthly: within(env.DONATION_SUGGESTED_MONTHLY ?? defaultSuggestions.monthly),
    },
    giftAid: env.DONATION_CURRENCY === 'GBP',
  };
}
