import { formatMoney } from '@/lib/format/money';

// Shared by the server, which decides what to charge, and the donation form in the browser,
// whose button names that sum: both apply this one decision to the same fields.

export type Frequency = 'one_off' | 'monthly';

/** What the amount decision needs of the site's giving settings. */
export interface AmountRules {
  currency: string;
  minMinor: number;
  maxMinor: number;
  suggested: Record<Frequency, number[]>;
}

/**
 * Each frequency has its own group of suggested amounts, so that a form without JavaScript can
 * show the group of the chosen frequency (by CSS) and send its choice alone; the typed amount
 * is one field for both.
 */
export const amountChoiceField = { one_off: 'oneOffAmount', monthly: 'monthlyAmount' } as const;

export interface AmountFields {
  frequency: string;
  oneOffAmount: string;
  monthlyAmount: string;
  otherAmount: string;
}

export const amountFieldNames = [
  'frequency',
  'oneOffAmount',
  'monthlyAmount',
  'otherAmount',
] as const satisfies readonly (keyof AmountFields)[];

export type AmountDecision =
  | { ok: true; frequency: Frequency; amountMinor: number }
  | {
      ok: false;
      /** missing: nothing chosen or typed; invalid: typed, but not a sum we can take. */
      reason: 'missing' | 'invalid' | 'ambiguous' | 'not-offered';
      field: keyof AmountFields;
      message: string;
    };

// "£1,250.50", "1250.5" and " 25 " are all amounts; "1.255", "-5" and "1e3" are not.
const typedAmount = /^\d{1,9}(\.\d{1,2})?$/;

/** Minor units of an amount as a person types it, or null when it is not one. */
export function parseTypedAmount(raw: string): number | null {
  const cleaned = raw
    .trim()
    .replace(/^[£$€]|^[A-Z]{3}\s*/i, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!typedAmount.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "£50", "£12.50": a sum as people say it, without pence when there are none. */
export function formatGiftSum(amountMinor: number, currency: string): string {
  return formatMoney(amountMinor, currency).replace(/\.00$/, '');
}

/** The suggested amount chosen until the donor chooses another: the second, else the first. */
export function defaultAmountChoice(suggested: number[]): string {
  const amount = suggested[1] ?? suggested[0];
  return amount === undefined ? 'other' : String(amount);
}

export const frequencyOf = (value: string): Frequency =>
  value === 'monthly' ? 'monthly' : 'one_off';

/**
 * The amount to charge, from the chosen frequency's suggested amount or the typed one. A form
 * with both a suggested amount and a different typed one is ambiguous: nobody can tell which
 * the donor meant, so nothing is charged and the donor is asked.
 */
export function decideAmount(fields: AmountFields, rules: AmountRules): AmountDecision {
  const frequency = frequencyOf(fields.frequency);
  const choiceField = amountChoiceField[frequency];
  const choice = fields[choiceField];
  const typedText = fields.otherAmount.trim();
  const typed = typedText ? parseTypedAmount(typedText) : null;
  const sum = (minor: number) => formatGiftSum(minor, rules.currency);

  if (choice && choice !== 'other') {
    const suggested = Number(choice);
    if (!rules.suggested[frequency].includes(suggested)) {
      return {
        ok: false,
        reason: 'not-offered',
        field: choiceField,
        message: 'Choose one of the amounts shown, or enter your own.',
      };
    }
    if (!typedText || typed === suggested) return { ok: true, frequency, amountMinor: suggested };
    return {
      ok: false,
      reason: 'ambiguous',
      field: 'otherAmount',
      message:
        typed === null
          ? `You chose ${sum(suggested)}, and “${typedText}” is not an amount. Clear this box to give ${sum(suggested)}, or enter an amount in numbers and select “Other amount”.`
          : `You chose ${sum(suggested)} and typed ${sum(typed)}. Select “Other amount” to give ${sum(typed)}, or clear this box to give ${sum(suggested)}.`,
    };
  }

  if (!typedText) {
    return {
      ok: false,
      reason: 'missing',
      field: 'otherAmount',
      message: 'Enter an amount, or choose one of those shown.',
    };
  }
  if (typed === null) {
    return {
      ok: false,
      reason: 'invalid',
      field: 'otherAmount',
      message: 'Enter an amount in numbers, like 30 or 30.50.',
    };
  }
  const { minMinor, maxMinor, currency } = rules;
  if (typed < minMinor || typed > maxMinor) {
    return {
      ok: false,
      reason: 'invalid',
      field: 'otherAmount',
      message: `Enter an amount from ${formatMoney(minMinor, currency)} to ${formatMoney(maxMinor, currency)}.`,
    };
  }
  return { ok: true, frequency, amountMinor: typed };
}

/** The submit button's words: the sum the server will charge, or what is still to do. */
export function giveButtonLabel(decision: AmountDecision, rules: AmountRules): string {
  if (decision.ok) {
    const sum = formatGiftSum(decision.amountMinor, rules.currency);
    return decision.frequency === 'monthly' ? `Give ${sum} a month` : `Give ${sum} now`;
  }
  switch (decision.reason) {
    case 'ambiguous':
      return 'Choose one amount to give';
    case 'invalid':
      return `Enter an amount from ${formatGiftSum(rules.minMinor, rules.currency)} to ${formatGiftSum(rules.maxMinor, rules.currency)}`;
    case 'missing':
      return 'Enter an amount to give';
    case 'not-offered':
      return 'Choose an amount to give';
  }
}
