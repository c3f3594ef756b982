import { describe, expect, it } from 'vitest';
import { hasSignedInHint, signedInHintOptions } from '@/lib/auth/signed-in-hint';
import { isSameOriginPost } from '@/lib/security/same-origin';

describe('the signed-in hint', () => {
  it('is read from document.cookie wherever it stands, and only with its value', () => {
    expect(hasSignedInHint('signed-in=1')).toBe(true);
    expect(hasSignedInHint('a=b; signed-in=1; c=d')).toBe(true);
    expect(hasSignedInHint('a=b;signed-in=1')).toBe(true);
    expect(hasSignedInHint('')).toBe(false);
    expect(hasSignedInHint('signed-in=')).toBe(false);
    expect(hasSignedInHint('not-signed-in=1')).toBe(false);
    expect(hasSignedInHint('signed-in=10')).toBe(false);
  });

  it('lasts as long as a session, site-wide, secure over https, readable by the page', () => {
    expect(signedInHintOptions('https://northgate.example')).toEqual({
      path: '/',
      sameSite: 'lax',
      secure: true,
      maxAge: 30 * 24 * 60 * 60,
    });
    expect(signedInHintOptions('http://localhost:3000').secure).toBe(false);
    expect(signedInHintOptions('http://localhost:3000')).not.toHaveProperty('httpOnly');
  });
});

describe('isSameOriginPost', () => {
  const post = (headers: Record<string, string>) => isSameOriginPost(new Headers(headers));

  it('accepts a post from one of the site’s pages, behind a proxy too', () => {
    expect(post({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).toBe(true);
    expect(
      post({
        origin: 'https://northgate.example',
        host: '10.0.0.5:3000',
        'x-forwarded-host': 'northgate.example',
      }),
    ).toBe(true);
  });

  it('refuses a post from elsewhere, or one that does not say where it comes from', () => {
    expect(post({ origin: 'https://elsewhere.example', host: 'northgate.example' })).toBe(false);
    expect(post({ origin: 'https://northgate.example.evil', host: 'northgate.example' })).toBe(
      false,
    );
    expect(post({ origin: 'null', host: 'northgate.example' })).toBe(false);
    expect(post({ host: 'northgate.example' })).toBe(false);
    expect(post({ origin: 'https://northgate.example' })).toBe(false);
  });
});
