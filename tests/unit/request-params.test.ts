import { describe, expect, it } from 'vitest';
import { parseListingParams } from '@/lib/content/listing';
import { maxQueryLength, parseSearchParams } from '@/lib/search/query';

describe('parseSearchParams', () => {
  it('keeps well-formed values', () => {
    expect(
      parseSearchParams({
        q: '  grid reform ',
        kind: 'report',
        topic: 'energy-climate',
        author: 'helen-orvik',
        from: '2026-01-01',
        to: '2026-06-30',
        page: '2',
      }),
    ).toEqual({
      q: 'grid reform',
      kind: 'report',
      topic: 'energy-climate',
      author: 'helen-orvik',
      from: '2026-01-01',
      to: '2026-06-30',
      page: 2,
    });
  });

  it('drops whatever is malformed instead of failing', () => {
    expect(
      parseSearchParams({
        kind: 'gossip',
        topic: '../etc/passwd',
        author: 'Capital Letters',
        from: '2026-13-45',
        to: 'yesterday',
        page: '-3',
      }),
    ).toEqual({
      q: '',
      page: 1,
      kind: undefined,
      topic: undefined,
      author: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseSearchParams({ q: ['first', 'second'], page: ['3', '9'] })).toMatchObject({
      q: 'first',
      page: 3,
    });
  });

  it('bounds the query and strips control characters', () => {
    const parsed = parseSearchParams({ q: `a\u0000b ${'x'.repeat(10_000)}` });
    expect(parsed.q.length).toBe(maxQueryLength);
    expect(parsed.q.startsWith('a b')).toBe(true);
  });
});

describe('parseListingParams', () => {
  it.each([
    [{}, { page: 1, kind: undefined }],
    [
      { page: '4', kind: 'commentary' },
      { page: 4, kind: 'commentary' },
    ],
    [{ page: '0' }, { page: 1, kind: undefined }],
    // Kept as asked: past the listing's last page, the page answers 404.
    [{ page: '1e9' }, { page: 1_000_000_000, kind: undefined }],
    [{ page: '99999999999999999999' }, { page: 1, kind: undefined }],
    [
      { page: '2.5', kind: 'Report' },
      { page: 1, kind: undefined },
    ],
    [{ page: ['2', '3'] }, { page: 2, kind: undefined }],
  ])('parses %o', (raw, expected) => {
    expect(parseListingParams(raw)).toEqual(expected);
  });
});
