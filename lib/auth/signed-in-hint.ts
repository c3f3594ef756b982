import { sessionMaxAgeSeconds } from './session-lifetime';

/**
 * A cookie that tells the page's own script that this browser may be signed in, so that the
 * header asks the server who it is (/api/header) only then, and anonymous readers of cached
 * pages cost no request. It says nothing about whom, proves nothing, and the page cache ignores
 * it: the session cookie alone signs anyone in. Set when Auth.js signs someone in and cleared
 * when it signs them out (lib/auth/auth.ts); proxy.ts sets it for a session that lacks it, and
 * the header forgets it when the server answers that nobody is signed in.
 */
export const signedInHint = { name: 'signed-in', value: '1' } as const;

/** As long as a session lasts; read by the page's script, so not httpOnly. */
export function signedInHintOptions(siteUrl: string) {
  return {
    path: '/',
    sameSite: 'lax' as const,
    secure: new URL(siteUrl).protocol === 'https:',
    maxAge: sessionMaxAgeSeconds,
  };
}

/** Whether `document.cookie` carries the hint. */
export function hasSignedInHint(cookies: string): boolean {
  return cookies.split(/;\s*/).includes(`${signedInHint.name}=${signedInHint.value}`);
}

/** In the browser: drops the hint, once the server has said nobody is signed in. */
export function forgetSignedInHint(): void {
  document.cookie = `${signedInHint.name}=; Path=/; Max-Age=0; SameSite=Lax`;
}
