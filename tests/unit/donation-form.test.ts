import { describe, expect, it } from 'vitest';
import {
  donationFormFields,
  parseDonationForm,
  parseTypedAmount,
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
    const result = parseDonationForm(form({ amount: '5000' }), settings);
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
      },
    });
  });

  it('decides the amount itself: a tampered suggestion is refused, not charged', () => {
    const result = parseDonationForm(form({ amount: '1' }), settings);
    expect(result).toEqual({ ok: false, errors: { amount: expect.stringContaining('Choose') } });
    const monthlyOnly = parseDonationForm(form({ amount: '2500', frequency: 'monthly' }), settings);
    expect(monthlyOnly.ok).toBe(false);
  });

  it('keeps a typed amount within the configured bounds', () => {
    expect(parseDonationForm(form({ amount: 'other', otherAmount: '1.99' }), settings)).toEqual({
      ok: false,
      errors: { otherAmount: 'Enter an amount from £2.00 to £25,000.00.' },
    });
    expect(parseDonationForm(form({ amount: 'other', otherAmount: '25000.01' }), settings).ok).toBe(
      false,
    );
    const ok = parseDonationForm(form({ amount: 'other', otherAmount: '2' }), settings);
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
      form({ amount: '2500', ...giftAid, giftAidPastFourYears: 'on' }),
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
        amount: '2500',
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
    const result = parseDonationForm(form({ amount: '2500', ...giftAid }), {
      ...settings,
      currency: 'EUR',
      giftAid: false,
    });
    expect(!result.ok && result.errors.giftAid).toMatch(/pounds sterling/);
  });

  it('accepts only a well-formed attempt id', () => {
    const id = '2f1c3a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    const ok = parseDonationForm(form({ amount: '2500', attempt: id }), settings);
    expect(ok.ok && ok.request.attempt).toBe(id);
    expect(parseDonationForm(form({ amount: '2500', attempt: "1' or 1=1" }), settings).ok).toBe(
      false,
    );
  });
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
