import { z } from 'zod';
import { isSlug } from '@/lib/content/slug';

const notText = 'Enter this as text.';

/** One line of text: every run of whitespace, line breaks included, becomes one space. */
export const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * Multi-line text such as Markdown: only line endings and blank lines at either end change,
 * because indentation and trailing spaces carry meaning in Markdown.
 */
const tidyLines = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();

export const requiredLine = (empty: string, max: number, tooLong: string) =>
  z.string({ error: empty }).overwrite(squash).min(1, empty).max(max, tooLong);

export const optionalLine = (max: number, tooLong: string) =>
  z
    .string({ error: notText })
    .overwrite(squash)
    .max(max, tooLong)
    .nullish()
    .transform((value) => value || null);

export const textLine = (max: number, tooLong: string) =>
  z.string({ error: notText }).overwrite(squash).max(max, tooLong).default('');

export const longText = (max: number, tooLong: string) =>
  z.string({ error: notText }).overwrite(tidyLines).max(max, tooLong).default('');

/** A UUID in the database's lower-case spelling, so ids compare and sort as PostgreSQL does. */
export const uuid = (unknown: string) => z.guid(unknown).transform((value) => value.toLowerCase());

export const optionalId = (unknown: string) =>
  z
    .string({ error: unknown })
    .trim()
    .nullish()
    .transform((value) => value || null)
    .pipe(uuid(unknown).nullable());

/** A set of ids, deduplicated and sorted so that two saves of the same choice compare equal. */
export const idSet = (unknown: string, max: number, tooMany: string) =>
  z
    .array(uuid(unknown), { error: unknown })
    .max(max, tooMany)
    .default([])
    .transform((ids) => [...new Set(ids)].sort());

const slugFormatMessage =
  'Use lower-case letters, numbers and single hyphens only, such as “grid-connections”, up to 120 characters.';

/** Blank means “make one from the name”; anything typed must already be a valid slug. */
export const optionalSlug = z
  .string({ error: slugFormatMessage })
  .overwrite((value) => value.trim().toLowerCase())
  .refine((value) => value === '' || isSlug(value), slugFormatMessage)
  .nullish()
  .transform((value) => value || null);

/** A place in an editor's order: a whole number from 0 to 1,000, blank meaning 0. */
export const position = z
  .union([z.number(), z.string().trim()], { error: 'Give the position as a whole number.' })
  .optional()
  .transform((value) => (value === '' || value === undefined ? 0 : Number(value)))
  .pipe(
    z
      .number({ error: 'Give the position as a whole number.' })
      .int('Give the position as a whole number.')
      .min(0, 'Give a position of 0 or more.')
      .max(1000, 'Give a position of 1,000 or less.'),
  );
