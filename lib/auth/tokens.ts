import 'server-only';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { authTokens, type AuthToken } from '@/db/schema';
import { safeReturnPath } from './redirects';

type Purpose = AuthToken['purpose'];

export function hashToken(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

export interface IssuedToken {
  token: string;
  /** Only for sign-in links, the one kind whose code can be typed in instead. */
  code?: string;
}

/**
 * Issues a single-use token for an e-mailed link, with a six-digit code to type instead where
 * asked for, and the page to open once it has signed its person in. Only the hashes of token
 * and code are stored, so a copy of the database cannot sign anyone in.
 */
export async function issueToken(
  tx: Transaction,
  input: {
    purpose: Purpose;
    email: string;
    userId: string | null;
    ttlMinutes: number;
    withCode?: boolean;
    returnPath?: string;
  },
): Promise<IssuedToken> {
  const token = randomBytes(32).toString('base64url');
  const code = input.withCode ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined;
  const now = Date.now();
  await tx.insert(authTokens).values({
    purpose: input.purpose,
    email: input.email,
    userId: input.userId,
    tokenHash: hashToken(token),
    codeHash: code === undefined ? null : hashToken(`${input.email}:${code}`),
    returnPath: safeReturnPath(input.returnPath) ?? null,
    createdAt: new Date(now),
    expiresAt: new Date(now + input.ttlMinutes * 60_000),
  });
  return { token, code };
}

/** A token of this purpose that is neither spent nor expired. */
function usable(purpose: Purpose, rawToken: string) {
  return and(
    eq(authTokens.tokenHash, hashToken(rawToken)),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, new Date()),
  );
}

/**
 * The page a link's token leads back to once it has signed its person in, read without
 * spending it; nothing when the token has none, is spent or has expired.
 */
export async function getTokenReturnPath(
  purpose: Purpose,
  rawToken: string,
): Promise<string | undefined> {
  if (!/^[\w-]{20,100}$/.test(rawToken)) return undefined;
  const [token] = await getDb()
    .select({ returnPath: authTokens.returnPath })
    .from(authTokens)
    .where(usable(purpose, rawToken));
  return safeReturnPath(token?.returnPath);
}

/** Spends a token: returns it once if it is unused and unexpired, and null ever after. */
export async function consumeToken(
  purpose: Purpose,
  rawToken: string,
  db: Database | Transaction = getDb(),
): Promise<AuthToken | null> {
  if (!/^[\w-]{20,100}$/.test(rawToken)) return null;
  const [spent] = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(usable(purpose, rawToken))
    .returning();
  return spent ?? null;
}
