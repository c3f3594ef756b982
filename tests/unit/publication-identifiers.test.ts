import { describe, expect, it } from 'vitest';
import {
  bareDoi,
  doiSchema,
  doiUrl,
  isbnSchema,
  isValidDoi,
  isValidIsbn,
} from '@/lib/publications/identifiers';

describe('ISBN', () => {
  it('accepts ISBN-13 and ISBN-10 whose check digit is right, with or without hyphens', () => {
    for (const isbn of [
      '978-1-915123-04-6',
      '9781915123046',
      '978 0 306 40615 7',
      '0-306-40615-2',
      '0306406152',
      '0-8044-2957-X',
      '080442957x',
    ]) {
      expect(isValidIsbn(isbn), isbn).toBe(true);
    }
  });

  it('refuses a wrong check digit, a wrong length, a wrong prefix and letters', () => {
    for (const isbn of [
      '978-1-915123-04-7',
      '0-306-40615-3',
      '97819151230',
      '977-1-915123-04-6',
      '978-1-9151A3-04-6',
      'X-306-40615-2',
    ]) {
      expect(isValidIsbn(isbn), isbn).toBe(false);
    }
  });

  it('leaves a blank ISBN out and explains a bad one', () => {
    expect(isbnSchema.parse('  ')).toBeNull();
    expect(isbnSchema.parse(' 978-1-915123-04-6 ')).toBe('978-1-915123-04-6');
    expect(isbnSchema.safeParse('978-1-915123-04-7').error?.issues[0]?.message).toMatch(
      /check digit/,
    );
  });
});

describe('DOI', () => {
  it('accepts bare DOIs and the link and doi: forms, stored bare', () => {
    expect(isValidDoi('10.55555/ngi.2026.07')).toBe(true);
    expect(isValidDoi('10.1000.10/abc(def)-1')).toBe(true);
    expect(bareDoi('https://doi.org/10.55555/ngi.2026.07')).toBe('10.55555/ngi.2026.07');
    expect(doiSchema.parse('doi: 10.55555/x')).toBe('10.55555/x');
    expect(doiSchema.parse('https://dx.doi.org/10.55555/x')).toBe('10.55555/x');
    expect(doiSchema.parse('')).toBeNull();
  });

  it('refuses what is not a DOI', () => {
    for (const doi of [
      '11.5555/x',
      '10.55/x',
      '10.55555',
      '10.55555/',
      '10.55555/a b',
      'ngi.2026',
    ]) {
      expect(isValidDoi(doi), doi).toBe(false);
    }
    expect(doiSchema.safeParse('10.5/x').error?.issues[0]?.message).toMatch(/starts with “10\.”/);
  });

  it('links a DOI through doi.org, its suffix escaped', () => {
    expect(doiUrl('10.55555/ngi 2026#1')).toBe('https://doi.org/10.55555/ngi%202026%231');
  });
});
