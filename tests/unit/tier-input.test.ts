import { describe, expect, it } from 'vitest';
import { tierFormValues, tierInputSchema } from '@/lib/membership/tier-input';

const form = (fields: Record<string, string> = {}) => ({
  name: 'Supporter',
  slug: '',
  description: '',
  benefits: '',
  monthlyPrice: '5',
  yearlyPrice: '',
  currency: 'GBP',
  trialDays: '',
  visible: 'on',
  position: '',
  ...fields,
});

const errorsOf = (fields: Record<string, string>) => {
  const parsed = tierInputSchema.safeParse(form(fields));
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
};

describe('a tier as its form posts it', () => {
  it.each([
    ['5', 500],
    ['£12.50', 1250],
    ['1,250', 125000],
    [' 7.5 ', 750],
  ])('reads the price %s as %i minor units', (typed, minor) => {
    expect(tierInputSchema.parse(form({ monthlyPrice: typed })).monthlyPrice).toBe(minor);
  });

  it.each(['0.50', '10001', '-5', '1e3', '12.345', 'five'])('refuses the price %s', (typed) => {
    expect(errorsOf({ monthlyPrice: typed }).monthlyPrice).toBeDefined();
  });

  it('reads benefits one a line, dropping bullets and blank lines', () => {
    const parsed = tierInputSchema.parse(form({ benefits: '* One\r\n\n  - Two  \n• Three' }));
    expect(parsed.benefits).toEqual(['One', 'Two', 'Three']);
  });

  it('refuses more than twelve benefits', () => {
    const benefits = Array.from({ length: 13 }, (_, i) => `Benefit ${i}`).join('\n');
    expect(errorsOf({ benefits }).benefits).toMatch(/12 lines at most/);
  });

  it('needs a price for a visible tier, none for a hidden one', () => {
    expect(errorsOf({ monthlyPrice: '' }).monthlyPrice).toMatch(/monthly or a yearly price/);
    expect(errorsOf({ monthlyPrice: '', visible: '' })).toEqual({});
  });

  it('reads a trial in days, 1 to 365; blank or 0 is none', () => {
    expect(tierInputSchema.parse(form({ trialDays: '14' })).trialDays).toBe(14);
    expect(tierInputSchema.parse(form({ trialDays: '0' })).trialDays).toBeNull();
    expect(errorsOf({ trialDays: '366' }).trialDays).toBeDefined();
    expect(errorsOf({ trialDays: '2.5' }).trialDays).toBeDefined();
  });

  it('refuses an unknown currency, a malformed slug and a blank name', () => {
    expect(errorsOf({ currency: 'XXX' }).currency).toBeDefined();
    expect(errorsOf({ slug: 'two--hyphens' }).slug).toBeDefined();
    expect(errorsOf({ name: '   ' }).name).toBe('Give the tier a name.');
  });

  it('shows a saved tier in its form as it was typed', () => {
    const values = tierFormValues({
      name: 'Fellow',
      slug: 'fellow',
      description: '',
      benefits: ['A', 'B'],
      monthlyPriceMinor: 125000,
      yearlyPriceMinor: 500,
      currency: 'GBP',
      trialDays: null,
      visible: false,
      position: 2,
      giftAidEligible: true,
    });
    expect(values).toMatchObject({
      benefits: 'A\nB',
      monthlyPrice: '1250.00',
      yearlyPrice: '5.00',
      visible: '',
      giftAidEligible: 'on',
    });
    const parsed = tierInputSchema.parse(values);
    expect(parsed).toMatchObject({ monthlyPrice: 125000, yearlyPrice: 500, visible: false });
  });
});
