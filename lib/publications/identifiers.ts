import { z } from 'zod';

/** An ISBN without its hyphens and spaces, upper case (the ISBN-10 check digit may be X). */
export const compactIsbn = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

function isbn10Valid(digits: string): boolean {
  if (!/^\d{9}[\dX]$/.test(digits)) return false;
  const sum = [...digits].reduce(
    (total, char, index) => total + (char === 'X' ? 10 : Number(char)) * (10 - index),
    0,
  );
  return sum % 11 === 0;
}

function isbn13Valid(digits: string): boolean {
  if (!/^97[89]\d{10}$/.test(digits)) return false;
  const sum = [...digits].reduce(
    (total, char, index) => total + Number(char) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return sum % 10 === 0;
}

/** Whether the text is an ISBN-10 or ISBN-13 whose check digit is right, hyphens allowed. */
export function isValidIsbn(value: string): boolean {
  if (!/^[\d\sXx-]+$/.test(value)) return false;
  const digits = compactIsbn(value);
  return digits.length === 10 ? isbn10Valid(digits) : isbn13Valid(digits);
}

/** "https://doi.org/10.1234/abc" or "doi:10.1234/abc" as the bare DOI, "10.1234/abc". */
export const bareDoi = (value: string) =>
  value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');

// A DOI is "10." and a registrant code of digits (dot-separated), a slash and a suffix of
// printable characters without spaces (the DOI Handbook, 2.2).
const doiPattern = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;

export const isValidDoi = (value: string) => doiPattern.test(bareDoi(value));

export const isbnSchema = z
  .string({ error: 'Enter the ISBN as text.' })
  .trim()
  .refine(
    (value) => value === '' || isValidIsbn(value),
    'Enter a valid ISBN-10 or ISBN-13, such as 978-1-9999999-0-2: check the digits, the last is a check digit.',
  )
  .nullish()
  .transform((value) => value || null);

export const doiSchema = z
  .string({ error: 'Enter the DOI as text.' })
  .trim()
  .overwrite(bareDoi)
  .refine(
    (value) => value === '' || isValidDoi(value),
    'Enter a DOI such as 10.12345/ngi.2026.01: it starts with “10.”, then the registrant’s number, a slash and the item’s name.',
  )
  .max(300, 'Keep the DOI to 300 characters or fewer.')
  .nullish()
  .transform((value) => value || null);

/** A DOI as a link, as the DOI Foundation asks it to be shown. */
export const doiUrl = (doi: string) =>
  `https://doi.org/${doi
    .split('/')
    .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
    .join('/')}`;
