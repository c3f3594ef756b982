import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { PageHeading } from '@/components/ui/page-heading';
import { getViewer } from '@/lib/auth/viewer';
import { getSiteConfig } from '@/lib/config/site';
import { hasDeclaration } from '@/lib/giving/declarations';
import { giftAidDeclarationText } from '@/lib/giving/gift-aid';
import { membershipsOf, runningSubscription, trialOffered } from '@/lib/membership/held';
import { parseInterval, priceOptions } from '@/lib/membership/offer';
import { getVisibleTierBySlug } from '@/lib/membership/tiers';
import { firstParam } from '@/lib/validation/params';
import { JoinForm } from './join-form.client';

export const metadata: Metadata = { title: 'Join', robots: { index: false } };

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function JoinTierPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const tier = await getVisibleTierBySlug(slug);
  if (!tier) notFound();
  const options = priceOptions(tier);
  const asked = parseInterval(firstParam((await searchParams).interval));
  const chosen = options.find((option) => option.interval === asked) ?? options[0]!;
  const viewer = await getViewer();
  if (!viewer) {
    const back = `/membership/join/${tier.slug}?interval=${chosen.interval}`;
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  const [held, declared] = await Promise.all([
    membershipsOf(viewer.id),
    tier.giftAidEligible ? hasDeclaration(viewer.id) : Promise.resolve(true),
  ]);
  const siteName = getSiteConfig().name;
  const giftAid = declared
    ? null
    : {
        declaration: giftAidDeclarationText(siteName, false),
        declarationWithPast: giftAidDeclarationText(siteName, true),
      };
  const running = runningSubscription(held);
  const trialNote =
    tier.trialDays && trialOffered(held, tier.id)
      ? `Your first ${tier.trialDays} ${tier.trialDays === 1 ? 'day is' : 'days are'} free: you are charged when the trial ends, unless you cancel before.`
      : null;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading
        eyebrow="Membership"
        title={`Join as ${tier.name}`}
        description={tier.description}
      />
      {running ? (
        <p role="status" className="rounded border border-rule bg-white px-5 py-4">
          You are already a {running.tierName} member. Change your tier or how often you pay from{' '}
          <Link href="/account#membership" className="font-semibold text-accent underline">
            your account
          </Link>
          .
        </p>
      ) : !viewer.verified ? (
        <p role="status" className="rounded border border-rule bg-white px-5 py-4">
          Please verify your e-mail address first, with the link we sent to {viewer.email}. Then
          come back to this page.
        </p>
      ) : (
        <JoinForm
          tierSlug={tier.slug}
          options={options}
          chosen={chosen.interval}
          trialNote={trialNote}
          giftAid={giftAid}
        />
      )}
    </div>
  );
}
