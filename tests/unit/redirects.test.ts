import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logInPath, safeCallbackPath, safeReturnPath } from '@/lib/auth/redirects';

// Where a browser ends up when the site redirects it to `path` from one of its own pages.
function landsOn(path: string, from = 'https://www.northgate.example/login?x=1') {
  return new URL(path, from);
}

describe('safeCallbackPath', () => {
  it.each([
    ['/articles/some-slug', '/articles/some-slug'],
    ['/search?q=grid#results', '/search?q=grid#results'],
    ['/account', '/account'],
    ['/a/./b/../c', '/a/c'],
    ['/articles/%2e%2e/account', '/account'],
  ])('keeps the same-site path %j, normalised', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    'https://evil.example/steal',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'evil.example',
    'https:/evil.example',
    ' /leading-space',
    '/ok\u0000',
    '',
    undefined,
    ['/a'],
    `/${'x'.repeat(3000)}`,
    // Dot segments that normalise to a protocol-relative address.
    '/..//evil.example/x',
    '/%2e%2e//evil.example/x',
    '/%2E%2E//evil.example/x',
    '/.%2e//evil.example/x',
    '/.//evil.example/x',
    '/./\\evil.example/x',
    '/a/../..//evil.example/x',
    '/a/b/../../..//evil.example',
    '/%2e//evil.example',
    '/.\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
  ])('falls back for %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/account');
  });

  // Pieces an attacker combines: separators, dot segments in every spelling, hosts, schemes.
  const piece = fc.constantFrom(
    '/',
    '//',
    '\\',
    '.',
    '..',
    '%2e',
    '%2E',
    '%2e%2e',
    '.%2e',
    '%2f',
    '%5c',
    '%252e',
    'evil.example',
    'evil.example:443',
    '@',
    ':',
    'https:',
    'javascript:',
    '?',
    '#',
    '&',
    '=',
    ' ',
    '\t',
    '%09',
    '%00',
    'a',
    'articles',
  );
  const candidate = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((parts) => `/${parts.join('')}`),
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  it('returns a path that keeps the browser on the site, whatever it is given', () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const path = safeCallbackPath(value);
        expect(path.startsWith('/')).toBe(true);
        expect(path.startsWith('//')).toBe(false);
        expect(path).not.toContain('\\');
        expect(landsOn(path).origin).toBe('https://www.northgate.example');
        expect(landsOn(path, 'http://127.0.0.1:3000/').origin).toBe('http://127.0.0.1:3000');
        // Returned as a browser would resolve it, so it means the same wherever it is used.
        expect(safeCallbackPath(path)).toBe(path);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('safeReturnPath', () => {
  it('keeps what safeCallbackPath keeps, and gives nothing where it would fall back', () => {
    expect(safeReturnPath('/articles/some-slug?x=1')).toBe('/articles/some-slug?x=1');
    expect(safeReturnPath('/')).toBe('/');
    for (const value of ['//evil.example', '/..//evil.example/x', 'https://evil.example', '', 7]) {
      expect(safeReturnPath(value)).toBeUndefined();
    }
  });
});

describe('logInPath', () => {
  it('brings the reader back to the page they logged in from', () => {
    expect(logInPath('/articles/grid-queues')).toBe('/login?callbackUrl=%2Farticles%2Fgrid-queues');
    expect(logInPath('/search')).toBe('/login?callbackUrl=%2Fsearch');
    expect(logInPath('/members-view/grid-queues')).toBe(
      '/login?callbackUrl=%2Farticles%2Fgrid-queues',
    );
  });

  it('returns nowhere from the home page or the pages of logging in and joining', () => {
    for (const path of ['/', '/login', '/join', '/forgot-password', '/reset-password/x']) {
      expect(logInPath(path)).toBe('/login');
    }
    expect(logInPath('/verify-email')).toBe('/login');
  });

  it('never asks to return off the site', () => {
    expect(logInPath('//evil.example/x')).toBe('/login');
    expect(logInPath('/..//evil.example/x')).toBe('/login');
  });
});
