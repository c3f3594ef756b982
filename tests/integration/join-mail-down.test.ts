import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { joinAsMember } from '@/lib/auth/join';
import { EmailDeliveryError } from '@/lib/email/send';

// Port 1 on the loopback has no SMTP server: the mail server is down.
process.env.EMAIL_SERVER = 'smtp://127.0.0.1:1';

it('leaves no half-made account when the verification e-mail cannot be sent', async () => {
  const input = {
    name: 'Unlucky',
    email: 'unlucky@example.org',
    password: 'a long unlucky phrase',
    consent: 'on' as const,
  };
  await expect(joinAsMember(input, '203.0.113.50')).rejects.toBeInstanceOf(EmailDeliveryError);
  expect(await getDb().select().from(users).where(eq(users.email, input.email))).toEqual([]);
  const [tokens] = await getDb().select({ value: count() }).from(authTokens);
  expect(tokens!.value).toBe(0);
});
