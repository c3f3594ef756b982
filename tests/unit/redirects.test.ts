import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/redirects';

describe('safeCallbackPath', () => {
  it.each([
    ['/articles/some-slug', '/articles/some-slug'],
    ['/search?q=grid#results', '/search?q=grid#results'],
    ['/account', '/account'],
  ])('keeps the same-site path %j', (value, expected) => {
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
  ])('falls back for %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/account');
  });
});
