import commonPasswords from 'fxa-common-password-list';
import { z } from 'zod';

// NIST SP 800-63B: a length floor and a check against known-breached passwords, and no
// composition rules. The ceiling bounds the work a single hashing request can cause.
export const minPasswordLength = 12;
export const maxPasswordLength = 256;

export function isCommonPassword(password: string): boolean {
  return commonPasswords.test(password) || commonPasswords.test(password.toLowerCase());
}

export const newPasswordSchema = z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
  .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters.`)
  .refine((password) => !isCommonPassword(password), {
    message: 'This password is too common and easy to guess. Choose another.',
  });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'This e-mail address is too long.')
  .pipe(z.email('Enter an e-mail address like name@example.org.'));
