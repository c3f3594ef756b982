import { z } from 'zod';
import { squash } from './fields';

// How the press office and people's media contacts are written: an address anyone can send
// to, and a number as people read it (spaces, brackets and hyphens kept), with no other text.

const emailMessage = 'Enter an e-mail address like press@northgate.example.';
const phoneMessage =
  'Use digits, spaces, brackets, hyphens and a leading + only, such as +44 20 7946 0123.';

const emailShape = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const phoneShape = /^\+?[\d ()-]+$/;

export const contactEmail = z
  .string({ error: emailMessage })
  .overwrite(squash)
  .max(254, 'Keep the e-mail address to 254 characters or fewer.')
  .regex(emailShape, emailMessage);

export const optionalContactEmail = z
  .string({ error: emailMessage })
  .overwrite(squash)
  .refine((value) => value === '' || (value.length <= 254 && emailShape.test(value)), emailMessage)
  .nullish()
  .transform((value) => value || null);

const phoneDigits = (value: string) => value.replace(/\D/g, '').length;

export const optionalContactPhone = z
  .string({ error: phoneMessage })
  .overwrite(squash)
  .max(30, 'Keep the phone number to 30 characters or fewer.')
  .refine((value) => value === '' || phoneShape.test(value), phoneMessage)
  .refine(
    (value) => value === '' || phoneDigits(value) >= 6,
    'This number is too short: give it with its area code.',
  )
  .nullish()
  .transform((value) => value || null);

/** A ticked checkbox posts "on"; code passes a boolean. */
export const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');
