import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens, type UserRole } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { clientIpFrom } from '@/lib/security/client-ip';
import { logger, maskEmail } from '@/lib/log';
import { requestLogger } from '@/lib/request-log';
import { signInWithCode, signInWithLinkToken } from './email-links';
import { getAuthSecret } from './secret';
import { getSessionUser, signInWithPassword } from './sign-in';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string | null; role: UserRole; verified: boolean };
  }
}

class ThrottledSignIn extends CredentialsSignin {
  override code = 'throttled';
}

export function clientIp(headers: Headers): string {
  return clientIpFrom(headers, getEnv().TRUSTED_PROXIES);
}

function config(): NextAuthConfig {
  return {
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // Credentials sign-in requires JWT sessions; the jwt callback re-reads the account, so a
    // session ends as soon as its account is disabled or its session version moves on.
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
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
          const result = await signInWithPassword(
            credentials.email,
            credentials.password,
            clientIp(request.headers),
          );
          if (result.ok)
            return { id: result.user.id, email: result.user.email, name: result.user.name };
          const log = await requestLogger();
          log.info(
            { email: maskEmail(String(credentials.email ?? '')), reason: result.reason },
            'sign-in refused',
          );
          if (result.reason === 'throttled') throw new ThrottledSignIn();
          return null;
        },
      }),
      Credentials({
        id: 'email-link',
        credentials: { token: {}, email: {}, code: {} },
        async authorize(credentials) {
          const user =
            typeof credentials.token === 'string' && credentials.token
              ? await signInWithLinkToken(credentials.token)
              : await signInWithCode(
                  String(credentials.email ?? ''),
                  String(credentials.code ?? ''),
                );
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const id = user?.id ?? token.sub;
        if (!id) return null;
        const account = await getSessionUser(id);
        if (!account) return null;
        if (user) {
          token.sv = account.sessionVersion;
        } else if (token.sv !== account.sessionVersion) {
          return null;
        }
        token.sub = account.id;
        token.email = account.email;
        token.name = account.name;
        token.role = account.role;
        token.verified = account.verified;
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
        };
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
