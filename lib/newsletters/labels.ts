import type { SubscriptionSource, SubscriptionStatus, SuppressionReason } from '@/db/schema';

export const statusLabels: Record<SubscriptionStatus, string> = {
  pending: 'Waiting to confirm',
  subscribed: 'Subscribed',
  unsubscribed: 'Unsubscribed',
};

export const sourceLabels: Record<SubscriptionSource, string> = {
  form: 'Sign-up form',
  account: 'Member’s account',
  join: 'Joining',
  import: 'Import',
  soft_opt_in: 'Soft opt-in',
};

export const suppressionReasonLabels: Record<SuppressionReason, string> = {
  bounced: 'Refused by its mail server',
  complained: 'Reported as spam',
  admin: 'Added by an administrator',
};
