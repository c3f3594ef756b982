import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeading } from '@/components/ui/page-heading';
import { getViewer } from '@/lib/auth/viewer';
import { getSiteConfig } from '@/lib/config/site';
import { formatMoney } from '@/lib/format/money';
import { giftMonths, giftPrice, latestDelivery } from '@/lib/membership/gift-input';
import { listVisibleTiers } from '@/lib/membership/tiers';
import { londonToday } from '@/lib/time/london';
import { firstParam } from '@/lib/validation/params';
import { GiftForm, type GiftChoice } from './gift-form.client';

export const metadata: Metadata = {
  title: 'Give a membership',
  description: 'Give someone a membership for three months, six months or a year.',
  alternates: { canonical: '/membership/gift' },
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const lengths = { 3: '3 months', 6: '6 months', 12: '1 year' } as const;

export default async function GiftMembershipPage({ searchParams }: Props) {
  const site = getSiteConfig();
  const asked = firstParam((await searchParams).tier);
  const [tiers, viewer] = await Promise.all([listVisibleTiers(), getViewer()]);
  const choices: GiftChoice[] = tiers.flatMap((tier) =>
    giftMonths.flatMap((months) => {
      const price = giftPrice(tier, months);
      return price === null
        ? []
        : [
            {
              value: `${tier.slug}:${months}`,
              label: `${tier.name} for ${lengths[months]}: ${formatMoney(price, tier.currency)}`,
            },
          ];
    }),
  );
  const today = londonToday();
  const first = choices.find((choice) => choice.value.startsWith(`${asked}:`)) ?? choices[0];
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading
        eyebrow="Membership"
        title="Give a membership"
        description={`A membership of ${site.name} for someone else, paid once, sent on the day you choose with your message. It starts when they redeem it.`}
      />
      {choices.length === 0 ? (
        <EmptyState title="Gift memberships are not on offer yet" />
      ) : (
        <GiftForm
          choices={choices}
          today={today}
          latest={latestDelivery(today)}
          initial={{
            choice: first?.value ?? '',
            tier: '',
            months: '',
            recipientName: '',
            recipientEmail: '',
            message: '',
            deliverOn: today,
            buyerName: viewer?.name ?? '',
            buyerEmail: viewer?.email ?? '',
            website: '',
          }}
        />
      )}
    </div>
  );
}
