import 'server-only';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { authTokens, type AuthToken } from '@/db/schema';

type Purpose = AuthToken['purpose'];

export function hashToken(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

export interface IssuedToken {
  token: string;
  code: string;
}

/**
 * Issues a single-use token for an e-mailed link, with a six-digit code to type instead.
 * Only their hashes are stored, so a copy of the database cannot sign anyone in.
 */
export async function issueToken(
  tx: Transaction,
  input: { purpose: Purpose; email: string; userId: string | null; ttlMinutes: number },
): Promise<IssuedToken> {
  const token = randomBytes(32).toString('base64url');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = Date.now();
  await tx.insert(authTokens).values({
    purpose: input.purpose,
    email: input.email,
    userId: input.userId,
    tokenHash: hashToken(token),
    codeHash: hashToken(`${input.email}:${code}`),
    createdAt: new Date(now),
    expiresAt: new Date(now + input.ttlMinutes * 60_000),
  });
  return { token, code };
}

/** Spends a token: returns it once if it is unused and unexpired, and null ever after. */
export async function consumeToken(purpose: Purpose, rawToken: string): Promise<AuthToken | null> {
  if (!/^[\w-]{20,100}$/.test(rawToken)) return null;
  const [spent] = await getDb()
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(rawToken)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  return spent ?? null;
}
