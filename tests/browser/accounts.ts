import type { UserRole } from '@/db/schema';

/** Accounts the browser tests' server starts with; created by the global setup. */
export const testAccounts: Record<UserRole, { email: string; password: string }> = {
  member: { email: 'reader@example.org', password: 'a long reader passphrase' },
  editor: { email: 'desk@example.org', password: 'a long editor passphrase' },
  admin: { email: 'chief@example.org', password: 'a long admin passphrase' },
};

/**
 * Members of the membership tests, one per story, so no story finds another's subscription:
 * verified members with a free account to start with, created by the global setup.
 */
export const membershipAccounts = {
  joiner: { email: 'joiner@example.org', password: 'a long joiner passphrase' },
  lapsing: { email: 'lapsing@example.org', password: 'a long lapsing passphrase' },
  invited: { email: 'invited@example.org', password: 'a long invited passphrase' },
  giftee: { email: 'giftee@example.org', password: 'a long giftee passphrase' },
  insider: { email: 'insider@example.org', password: 'a long insider passphrase' },
  outsider: { email: 'outsider@example.org', password: 'a long outsider passphrase' },
} as const;
