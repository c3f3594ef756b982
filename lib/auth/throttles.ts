import type { RateRule } from '@/lib/security/rate-limit';

// Ten wrong passwords an account per quarter hour, and more from one address, which may be an
// office or a university behind one IP.
export const signInPerAccount: RateRule = {
  bucket: 'sign-in:account',
  limit: 10,
  windowSeconds: 900,
};
export const signInPerIp: RateRule = { bucket: 'sign-in:ip', limit: 50, windowSeconds: 900 };
export const emailPerAddress: RateRule = { bucket: 'email:address', limit: 5, windowSeconds: 3600 };
export const emailPerIp: RateRule = { bucket: 'email:ip', limit: 30, windowSeconds: 3600 };
