import type { Membership } from '@/db/schema';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Where a membership stands at a moment, in the words the member and the admin read:
 * - `trialing`, `active`: gives access; `cancelling` too, until its paid period ends;
 * - `grace`: a payment failed and Stripe is retrying it; access continues until `graceEndsAt`;
 * - `lapsed`: a payment failed and the grace period is over, or Stripe gave up;
 * - `pending`: the first payment has not gone through;
 * - `ended`: cancelled, refunded, disputed, expired or revoked.
 */
export type MembershipState =
  'trialing' | 'active' | 'cancelling' | 'grace' | 'lapsed' | 'pending' | 'ended';

export interface Standing {
  state: MembershipState;
  grantsAccess: boolean;
  /** The last moment of access during a grace period; null otherwise. */
  graceEndsAt: Date | null;
}

export type StandingFields = Pick<
  Membership,
  'source' | 'status' | 'pastDueSince' | 'cancelAtPeriodEnd' | 'endsAt' | 'endedAt'
>;

const standing = (state: MembershipState, graceEndsAt: Date | null = null): Standing => ({
  state,
  grantsAccess:
    state === 'trialing' || state === 'active' || state === 'cancelling' || state === 'grace',
  graceEndsAt,
});

/**
 * The one rule for whether a membership gives access now. A subscription's state is Stripe's,
 * copied on every event; only the grace period is counted here, from when the unpaid invoice
 * was raised, so every instance and the nightly check agree without a job to end it.
 */
export function standingOf(membership: StandingFields, now: Date, graceDays: number): Standing {
  if (membership.endedAt && membership.endedAt <= now) return standing('ended');
  if (membership.source !== 'stripe') {
    if (membership.status !== 'active') return standing('ended');
    return membership.endsAt && membership.endsAt <= now ? standing('ended') : standing('active');
  }
  switch (membership.status) {
    case 'trialing':
      return standing(membership.cancelAtPeriodEnd ? 'cancelling' : 'trialing');
    case 'active':
      return standing(membership.cancelAtPeriodEnd ? 'cancelling' : 'active');
    case 'past_due': {
      const since = membership.pastDueSince ?? now;
      const graceEndsAt = new Date(since.getTime() + graceDays * dayMs);
      return graceEndsAt > now ? standing('grace', graceEndsAt) : standing('lapsed');
    }
    case 'unpaid':
    case 'paused':
      return standing('lapsed');
    case 'incomplete':
      return standing('pending');
    case 'incomplete_expired':
    case 'canceled':
      return standing('ended');
  }
}

export const stateLabels: Record<MembershipState, string> = {
  trialing: 'Free trial',
  active: 'Active',
  cancelling: 'Cancelled, active until the end of the period',
  grace: 'Payment failed: retrying',
  lapsed: 'Lapsed: payment failed',
  pending: 'Waiting for the first payment',
  ended: 'Ended',
};
