import type { Metadata } from 'next';
import Link from 'next/link';
import { TierCard } from '@/components/membership/tier-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeading } from '@/components/ui/page-heading';
import { getViewer } from '@/lib/auth/viewer';
import { getSiteConfig } from '@/lib/config/site';
import { membershipsOf, runningSubscription, trialOffered } from '@/lib/membership/held';
import { priceOptions } from '@/lib/membership/offer';
import { listVisibleTiers } from '@/lib/membership/tiers';
import { firstParam } from '@/lib/validation/params';

export const metadata: Metadata = {
  title: 'Membership',
  description: 'Join to support our research and take part in it: briefings, events and more.',
  alternates: { canonical: '/membership' },
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const joinLink =
  'rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep focus-visible:outline-offset-2';
const secondaryLink =
  'rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-paper focus-visible:outline-offset-2';

export default async function MembershipPage({ searchParams }: Props) {
  const site = getSiteConfig();
  const cancelled = firstParam((await searchParams).cancelled);
  const viewer = await getViewer();
  const [tiers, held] = await Promise.all([
    listVisibleTiers(),
    viewer ? membershipsOf(viewer.id) : Promise.resolve([]),
  ]);
  const running = runningSubscription(held);
  return (
    <div>
      <PageHeading
        eyebrow="Membership"
        title={`Belong to ${site.name}`}
        description="Members keep our research independent, and take part in it: briefings with the authors, early reports and members' events."
      />
      {cancelled && (
        <p role="status" className="mb-6 rounded border border-rule bg-white px-5 py-4">
          You left the payment page, so nothing was charged. You can join whenever you like.
        </p>
      )}
      {tiers.length === 0 ? (
        <EmptyState title="Membership is not open yet">
          <p>
            A free account already gives you our members-only analysis.{' '}
            <Link href="/join" className="font-semibold text-accent underline">
              Create one
            </Link>
          </p>
        </EmptyState>
      ) : (
        <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
          <section
            aria-labelledby="tier-free"
            className="flex flex-col rounded border border-rule bg-paper p-6"
          >
            <h2 id="tier-free" className="font-serif text-2xl font-semibold">
              Free account
            </h2>
            <p className="mt-3 text-lg">
              <strong>Free</strong>
            </p>
            <p className="mt-4 flex-1 font-serif">
              Our members-only analysis, and the newsletter if you want it.
            </p>
            <div className="mt-6">
              {viewer ? (
                <p className="text-muted">You have one.</p>
              ) : (
                <Link href="/join" className={secondaryLink}>
                  Create a free account
                </Link>
              )}
            </div>
          </section>
          {tiers.map((tier) => {
            const current = running?.tierId === tier.id;
            return (
              <TierCard
                key={tier.id}
                tier={tier}
                current={current}
                trialOffered={trialOffered(held, tier.id)}
              >
                {running ? (
                  <Link href="/account#membership" className={secondaryLink}>
                    {current ? 'Manage your membership' : 'Change to this tier'}
                  </Link>
                ) : (
                  priceOptions(tier).map((option) => (
                    <Link
                      key={option.interval}
                      href={`/membership/join/${tier.slug}?interval=${option.interval}`}
                      className={option.interval === 'year' ? joinLink : secondaryLink}
                    >
                      Join {option.interval === 'year' ? 'yearly' : 'monthly'}
                      <span className="sr-only"> as {tier.name}</span>
                    </Link>
                  ))
                )}
              </TierCard>
            );
          })}
        </div>
      )}
      {tiers.length > 0 && (
        <p className="mt-10 font-serif text-lg">
          <Link href="/membership/gift" className="font-semibold text-accent underline">
            Give a membership as a gift
          </Link>{' '}
          for three months, six months or a year, sent on the day you choose.
        </p>
      )}
      <p className="mt-6 max-w-3xl text-muted">
        Payments are taken by Stripe. You can change tier, switch between monthly and yearly, update
        your card or cancel from your account at any time; a cancelled membership runs to the end of
        the period you paid for.
      </p>
    </div>
  );
}
