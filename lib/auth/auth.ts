import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens, type UserRole } from '@/db/schema';
import { sendAfterResponse } from '@/lib/email/send-after-response';
import { getEnv } from '@/lib/platform/env';
import { clientIpFrom } from '@/lib/security/client-ip';
import { logger, maskEmail } from '@/lib/platform/log';
import { requestLogger } from '@/lib/platform/request-log';
import { undoEmailChange } from './change-email';
import {
  resendVerification,
  signInWithCode,
  signInWithLinkToken,
  signInWithVerification,
  type EmailedSignIn,
} from './email-links';
import type { Viewer } from '@/lib/auth/who';
import { getAuthSecret } from './secret';
import { endSession, getCurrentSession, openSession, sessionMaxAgeSeconds } from './sessions';
import { signedInHint, signedInHintOptions } from './signed-in-hint';
import { signInWithPassword } from './sign-in';

declare module 'next-auth' {
  interface Session {
    user: Viewer;
  }
}

class ThrottledSignIn extends CredentialsSignin {
  override code = 'throttled';
}

class UnverifiedSignIn extends CredentialsSignin {
  override code = 'unverified';
}

export function clientIp(headers: Headers): string {
  return clientIpFrom(headers, getEnv().TRUSTED_PROXIES);
}

/** The kinds of e-mailed proof that sign a person in, each a form's hidden `kind`. */
export type EmailedKind = 'sign-in-link' | 'code' | 'verification' | 'undo-email-change';

function emailedSignIn(credentials: Record<string, unknown>, ip: string): Promise<EmailedSignIn> {
  const token = String(credentials.token ?? '');
  switch (credentials.kind as EmailedKind) {
    case 'sign-in-link':
      return signInWithLinkToken(token, ip);
    case 'verification':
      return signInWithVerification(token, ip);
    case 'undo-email-change':
      return undoEmailChange(token);
    case 'code':
      return signInWithCode(String(credentials.email ?? ''), String(credentials.code ?? ''), ip);
    default:
      return Promise.resolve({ ok: false, reason: 'invalid' });
  }
}

// The header's hint follows the session cookie that Auth.js sets or clears in the same answer.
async function keepSignedInHint(signedIn: boolean): Promise<void> {
  const jar = await cookies();
  if (!signedIn) jar.delete(signedInHint.name);
  else jar.set(signedInHint.name, signedInHint.value, signedInHintOptions(getEnv().siteUrl));
}

function config(): NextAuthConfig {
  return {
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // Credentials sign-in requires JWT sessions. Each token carries the id of a row in
    // `sessions`, which the jwt callback reads with the account on every request: signing out
    // deletes the row, so a copied cookie stops working too, and so does every session of an
    // account that is disabled, changes its password or proves its address.
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    secret: getAuthSecret(),
    trustHost: true,
    logger: {
      // A wrong password is an answer, not a fault: it needs no stack trace in the log.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
        logger.error({ error: error.name, detail: error.message }, 'auth error');
      },
      warn(code) {
        logger.warn({ code }, 'auth warning');
      },
    },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const ip = clientIp(request.headers);
          const result = await signInWithPassword(credentials.email, credentials.password, ip);
          if (result.ok)
            return { id: result.user.id, email: result.user.email, name: result.user.name };
          const log = await requestLogger();
          log.info(
            { email: maskEmail(String(credentials.email ?? '')), reason: result.reason },
            'sign-in refused',
          );
          if (result.reason === 'throttled') throw new ThrottledSignIn();
          if (result.reason === 'unverified') {
            // Only someone who knows the password gets this far: they are sent a new link.
            const resent = await resendVerification(result.user, ip);
            if (resent.ok) sendAfterResponse(resent.emails);
            throw new UnverifiedSignIn();
          }
          return null;
        },
      }),
      Credentials({
        id: 'email-link',
        credentials: { kind: {}, token: {}, email: {}, code: {} },
        async authorize(credentials, request) {
          const result = await emailedSignIn(credentials, clientIp(request.headers));
          if (result.ok)
            return { id: result.user.id, email: result.user.email, name: result.user.name };
          if (result.reason === 'throttled') throw new ThrottledSignIn();
          return null;
        },
      }),
    ],
    events: {
      async signIn() {
        await keepSignedInHint(true);
      },
      async signOut(message) {
        const sessionId = 'token' in message ? message.token?.sid : undefined;
        if (typeof sessionId === 'string') await endSession(sessionId);
        await keepSignedInHint(false);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) token.sid = await openSession(user.id);
        if (typeof token.sid !== 'string') return null;
        const current = await getCurrentSession(token.sid);
        if (!current) return null;
        token.sub = current.user.id;
        token.email = current.user.email;
        token.name = current.user.name;
        token.role = current.user.role;
        token.verified = current.user.verified;
        token.signedInAt = current.signedInAt.getTime();
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.sub!,
          email: token.email!,
          name: (token.name as string | null) ?? null,
          role: token.role as UserRole,
          verified: Boolean(token.verified),
          signedInAt: Number(token.signedInAt),
        };
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
