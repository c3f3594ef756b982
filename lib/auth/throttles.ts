import type { RateRule } from '@/lib/security/rate-limit';

// Limits that refuse are keyed by the visitor's address, alone or with the account it aims at,
// so that nobody can lock an owner out of their own account from somewhere else: ten wrong
// passwords from one address stop that address trying that account for a quarter hour, while
// the owner, from their own address, can still sign in and ask for links.

/** Wrong passwords for one account from one address. */
export const signInPerAccountAndIp: RateRule = {
  bucket: 'sign-in:account-ip',
  limit: 10,
  windowSeconds: 900,
};
/** Sign-ins from one address across accounts: more, as it may be an office or a university. */
export const signInPerIp: RateRule = { bucket: 'sign-in:ip', limit: 50, windowSeconds: 900 };
/**
 * Wrong passwords for one account from anywhere: past the limit each attempt is slowed down
 * (lib/auth/sign-in.ts), never refused, so a guesser spread over many addresses is slowed and
 * the owner is not locked out.
 */
export const signInPerAccount: RateRule = {
  bucket: 'sign-in:account',
  limit: 10,
  windowSeconds: 900,
};

/** E-mails (links, resets, verification) to one address asked for from one visitor's address. */
export const emailPerAddressAndIp: RateRule = {
  bucket: 'email:address-ip',
  limit: 5,
  windowSeconds: 3600,
};
export const emailPerIp: RateRule = { bucket: 'email:ip', limit: 30, windowSeconds: 3600 };
/**
 * E-mails to one address from anywhere. Past it no more are sent and the answer stays the same:
 * the inbox already holds this hour's links, which still work, so its owner is not locked out
 * and nobody can fill it.
 */
export const emailPerAddress: RateRule = {
  bucket: 'email:address',
  limit: 20,
  windowSeconds: 3600,
};

/**
 * Typed sign-in codes for one e-mail address, across all its codes: each code is spent after
 * five wrong guesses, and this bounds the guesses of someone who keeps asking for new ones. The
 * owner's e-mailed link still works when it refuses.
 */
export const codePerAddress: RateRule = { bucket: 'code:address', limit: 20, windowSeconds: 900 };
export const codePerIp: RateRule = { bucket: 'code:ip', limit: 30, windowSeconds: 900 };
/** E-mailed links followed from one address (sign-in, verification, undo). */
export const linkPerIp: RateRule = { bucket: 'link:ip', limit: 30, windowSeconds: 900 };
