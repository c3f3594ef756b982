import type { UserRole } from '@/db/schema';

/** Accounts the browser tests' server starts with; created by the global setup. */
export const testAccounts: Record<UserRole, { email: string; password: string }> = {
  member: { email: 'reader@example.org', password: 'a long reader passphrase' },
  editor: { email: 'desk@example.org', password: 'a long editor passphrase' },
  admin: { email: 'chief@example.org', password: 'a long admin passphrase' },
};
