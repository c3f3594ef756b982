import { describe, expect, it } from 'vitest';
import {
  decideAmount,
  formatGiftSum,
  giveButtonLabel,
  parseTypedAmount,
} from '@/lib/giving/donation-amount';
import {
  donationFormFields,
  parseDonationForm,
  type DonationFormValues,
} from '@/lib/giving/donation-form';
import { giftAidDeclarationText, normalisePostcode } from '@/lib/giving/gift-aid';
import type { GivingSettings } from '@/lib/giving/settings';

const settings: GivingSettings = {
  currency: 'GBP',
  minMinor: 200,
  maxMinor: 2_500_000,
  suggested: { one_off: [2500, 5000, 10000], monthly: [500, 1000] },
  giftAid: true,
};

const blank = Object.fromEntries(
  donationFormFields.map((name) => [name, '']),
) as DonationFormValues;
const form = (values: Partial<DonationFormValues>): DonationFormValues => ({
  ...blank,
  frequency: 'one_off',
  oneOffAmount: '5000',
  monthlyAmount: '1000',
  name: 'Ada Lovelace',
  email: 'Ada@Example.org',
  ...values,
});

const giftAid = {
  giftAid: 'on',
  giftAidTitle: 'Dr',
  giftAidFirstName: 'Ada',
  giftAidLastName: 'Lovelace',
  giftAidHouse: '12',
  giftAidPostcode: 'sw1a1aa',
};

describe('typed amounts', () => {
  it.each([
    ['25', 2500],
    [' 25 ', 2500],
    ['12.5', 1250],
    ['12.50', 1250],
    ['£1,250.75', 125075],
    ['GBP 30', 3000],
  ])('reads %j as %i minor units', (typed, minor) => {
    expect(parseTypedAmount(typed)).toBe(minor);
  });

  it.each(['', 'ten', '-5', '1e3', '1.255', '1,25', '0x10', '12.', 'NaN', '25 pounds'])(
    'refuses %j',
    (typed) => {
      expect(parseTypedAmount(typed)).toBeNull();
    },
  );
});

describe('the donation form', () => {
  it('accepts a suggested amount and normalises the e-mail address', () => {
    const result = parseDonationForm(form({ oneOffAmount: '5000' }), settings);
    expect(result).toEqual({
      ok: true,
      request: {
        frequency: 'one_off',
        amountMinor: 5000,
        currency: 'GBP',
        name: 'Ada Lovelace',
        email: 'ada@example.org',
        anonymous: false,
        giftAid: null,
        attempt: null,
        news: null,
      },
    });
  });

  it('decides the amount itself: a tampered suggestion is refused, not charged', () => {
    const result = parseDonationForm(form({ oneOffAmount: '1' }), settings);
    expect(result).toEqual({
      ok: false,
      errors: { oneOffAmount: expect.stringContaining('Choose') },
    });
    const monthlyOnly = parseDonationForm(
      form({ monthlyAmount: '2500', frequency: 'monthly' }),
      settings,
    );
    expect(monthlyOnly.ok).toBe(false);
  });

  it('keeps a typed amount within the configured bounds', () => {
    expect(
      parseDonationForm(form({ oneOffAmount: 'other', otherAmount: '1.99' }), settings),
    ).toEqual({
      ok: false,
      errors: { otherAmount: 'Enter an amount from £2.00 to £25,000.00.' },
    });
    expect(
      parseDonationForm(form({ oneOffAmount: 'other', otherAmount: '25000.01' }), settings).ok,
    ).toBe(false);
    const ok = parseDonationForm(form({ oneOffAmount: 'other', otherAmount: '2' }), settings);
    expect(ok.ok && ok.request.amountMinor).toBe(200);
  });

  it('names every missing field at once', () => {
    const result = parseDonationForm(
      { ...blank, frequency: 'weekly', email: 'not an address', giftAid: 'on' },
      settings,
    );
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? result.errors : {}).sort()).toEqual(
      [
        'email',
        'frequency',
        'giftAidFirstName',
        'giftAidHouse',
        'giftAidLastName',
        'giftAidPostcode',
        'name',
        'otherAmount',
      ].sort(),
    );
  });

  it('takes a Gift Aid declaration with HMRC fields, the postcode normalised', () => {
    const result = parseDonationForm(
      form({ oneOffAmount: '2500', ...giftAid, giftAidPastFourYears: 'on' }),
      settings,
    );
    expect(result.ok && result.request.giftAid).toEqual({
      giftAidTitle: 'Dr',
      giftAidFirstName: 'Ada',
      giftAidLastName: 'Lovelace',
      giftAidHouse: '12',
      giftAidPostcode: 'SW1A 1AA',
      giftAidPastFourYears: true,
    });
  });

  it('refuses Gift Aid fields HMRC would refuse', () => {
    const result = parseDonationForm(
      form({
        oneOffAmount: '2500',
        ...giftAid,
        giftAidTitle: 'Professor',
        giftAidLastName: 'x'.repeat(36),
        giftAidPostcode: '90210',
      }),
      settings,
    );
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual([
      'giftAidLastName',
      'giftAidPostcode',
      'giftAidTitle',
    ]);
  });

  it('offers Gift Aid only for gifts in pounds', () => {
    const result = parseDonationForm(form({ oneOffAmount: '2500', ...giftAid }), {
      ...settings,
      currency: 'EUR',
      giftAid: false,
    });
    expect(!result.ok && result.errors.giftAid).toMatch(/pounds sterling/);
  });

  it('accepts only a well-formed attempt id', () => {
    const id = '2f1c3a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    const ok = parseDonationForm(form({ oneOffAmount: '2500', attempt: id }), settings);
    expect(ok.ok && ok.request.attempt).toBe(id);
    expect(
      parseDonationForm(form({ oneOffAmount: '2500', attempt: "1' or 1=1" }), settings).ok,
    ).toBe(false);
  });
});

describe('the amount charged', () => {
  const charged = (values: Partial<DonationFormValues>) => {
    const result = parseDonationForm(form(values), settings);
    return result.ok ? [result.request.frequency, result.request.amountMinor] : result.errors;
  };

  it('takes the chosen frequency’s suggested amount; the other frequency’s choice is not shown, so not used', () => {
    expect(charged({ oneOffAmount: '10000', monthlyAmount: '500' })).toEqual(['one_off', 10000]);
    expect(charged({ frequency: 'monthly', oneOffAmount: '10000', monthlyAmount: '500' })).toEqual([
      'monthly',
      500,
    ]);
  });

  it('takes a typed amount when "Other amount" is chosen, or when no suggested amount is', () => {
    expect(charged({ oneOffAmount: 'other', otherAmount: '41' })).toEqual(['one_off', 4100]);
    expect(charged({ oneOffAmount: '', otherAmount: '41' })).toEqual(['one_off', 4100]);
    expect(
      charged({
        frequency: 'monthly',
        oneOffAmount: '5000',
        monthlyAmount: 'other',
        otherAmount: '13',
      }),
    ).toEqual(['monthly', 1300]);
  });

  it('stops and asks, naming both sums, when a suggested amount and a different typed one are sent', () => {
    expect(charged({ oneOffAmount: '5000', otherAmount: '41' })).toEqual({
      otherAmount:
        'You chose £50 and typed £41. Select “Other amount” to give £41, or clear this box to give £50.',
    });
    expect(charged({ frequency: 'monthly', monthlyAmount: '1000', otherAmount: '£12.50' })).toEqual(
      {
        otherAmount:
          'You chose £10 and typed £12.50. Select “Other amount” to give £12.50, or clear this box to give £10.',
      },
    );
    expect(charged({ oneOffAmount: '5000', otherAmount: 'fifty' })).toEqual({
      otherAmount:
        'You chose £50, and “fifty” is not an amount. Clear this box to give £50, or enter an amount in numbers and select “Other amount”.',
    });
  });

  it('is not ambiguous when the typed amount is the suggested one, or is blank', () => {
    expect(charged({ oneOffAmount: '5000', otherAmount: '£50.00' })).toEqual(['one_off', 5000]);
    expect(charged({ oneOffAmount: '5000', otherAmount: '   ' })).toEqual(['one_off', 5000]);
  });

  it('asks for an amount when "Other amount" is chosen and nothing is typed', () => {
    expect(charged({ oneOffAmount: 'other', otherAmount: '' })).toEqual({
      otherAmount: 'Enter an amount, or choose one of those shown.',
    });
  });
});

describe('the give button', () => {
  const label = (values: Partial<DonationFormValues>) =>
    giveButtonLabel(decideAmount(form(values), settings), settings);

  it('names the sum and how often, as the server will charge it', () => {
    expect(label({ oneOffAmount: 'other', otherAmount: '41' })).toBe('Give £41 now');
    expect(label({ frequency: 'monthly', monthlyAmount: 'other', otherAmount: '13' })).toBe(
      'Give £13 a month',
    );
    expect(label({ oneOffAmount: 'other', otherAmount: '12.5' })).toBe('Give £12.50 now');
    expect(label({ frequency: 'monthly', monthlyAmount: '1000' })).toBe('Give £10 a month');
  });

  it('names no sum while none can be charged', () => {
    expect(label({ oneOffAmount: '5000', otherAmount: '41' })).toBe('Choose one amount to give');
    expect(label({ oneOffAmount: 'other', otherAmount: '' })).toBe('Enter an amount to give');
    expect(label({ oneOffAmount: 'other', otherAmount: '1' })).toBe(
      'Enter an amount from £2 to £25,000',
    );
    expect(label({ oneOffAmount: 'other', otherAmount: 'ten' })).toBe(
      'Enter an amount from £2 to £25,000',
    );
  });

  it.each([
    { oneOffAmount: '2500' },
    { oneOffAmount: '2500', otherAmount: '25' },
    { oneOffAmount: 'other', otherAmount: '£1,250.75' },
    { frequency: 'monthly', monthlyAmount: '500', oneOffAmount: 'other', otherAmount: '' },
    { frequency: 'monthly', monthlyAmount: 'other', otherAmount: '7.5' },
  ] satisfies Partial<DonationFormValues>[])(
    'says what parseDonationForm charges for %j',
    (values) => {
      const result = parseDonationForm(form(values), settings);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const { amountMinor, frequency } = result.request;
      const sum = formatGiftSum(amountMinor, 'GBP');
      expect(label(values)).toBe(
        frequency === 'monthly' ? `Give ${sum} a month` : `Give ${sum} now`,
      );
    },
  );
});

describe('Gift Aid', () => {
  it.each([
    ['sw1a 1aa', 'SW1A 1AA'],
    ['M11AE', 'M1 1AE'],
    ['  b33 8th ', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
  ])('normalises the postcode %j', (raw, expected) => {
    expect(normalisePostcode(raw)).toBe(expected);
  });

  it.each(['', '12345', 'SW1A', 'ZZZ ZZZ'])('refuses %j as a UK postcode', (raw) => {
    expect(normalisePostcode(raw)).toBeNull();
  });

  it('words the declaration after HMRC’s model, with or without the past four years', () => {
    expect(giftAidDeclarationText('Northgate Institute', false)).toMatch(
      /^I want to Gift Aid this donation and any donations I make in the future to Northgate Institute\. I am a UK taxpayer/,
    );
    expect(giftAidDeclarationText('Northgate Institute', true)).toContain('in the past 4 years');
  });
});
