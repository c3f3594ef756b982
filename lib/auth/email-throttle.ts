import 'server-only';
import { hitRateLimit, hitRateLimits } from '@/lib/security/rate-limit';
import { emailPerAddress, emailPerAddressAndIp, emailPerIp } from './throttles';

/**
 * Whether an e-mail to `email` asked for from `ip` may go: refused (with the wait) past the
 * limits of that visitor's address, and quietly not sent past the address's own hourly limit,
 * where the answer must stay the same as for an address with no account.
 */
export type EmailThrottle = { ok: true; send: boolean } | { ok: false; retryAfterSeconds: number };

export async function throttleEmail(email: string, ip: string): Promise<EmailThrottle> {
  const decision = await hitRateLimits([
    { rule: emailPerAddressAndIp, subject: `${email} ${ip}` },
    { rule: emailPerIp, subject: ip },
  ]);
  if (!decision.allowed) return { ok: false, retryAfterSeconds: decision.retryAfterSeconds };
  const overall = await hitRateLimit(emailPerAddress, email);
  return { ok: true, send: overall.allowed };
}
