import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random base62 string, the alphabet Stripe uses for the part after an id's prefix. */
export function randomSuffix(length: number): string {
  const bytes = randomBytes(length);
  let suffix = '';
  for (const byte of bytes) suffix += alphabet[byte % alphabet.length];
  return suffix;
}

export type IdPrefix =
  | 'cs_test_'
  | 'sub_'
  | 'si_'
  | 'in_'
  | 'il_'
  | 'ii_'
  | 'pi_'
  | 'ch_'
  | 'cus_'
  | 'price_'
  | 'prod_'
  | 'li_'
  | 'inpay_'
  | 'bps_'
  | 'bpc_'
  | 're_'
  | 'dp_'
  | 'pm_'
  | 'txn_'
  | 'evt_'
  | 'req_';

/** A new object id such as `cs_test_a1B2…`: Stripe's prefix for the kind of object, then random letters. */
export function newId(prefix: IdPrefix): string {
  // Checkout Session ids are much longer than the others on the real API.
  return `${prefix}${randomSuffix(prefix === 'cs_test_' ? 58 : 24)}`;
}

/** The customer's invoice prefix, eight upper-case letters and digits like Stripe's. */
export function invoicePrefix(): string {
  return randomSuffix(8)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X');
}
