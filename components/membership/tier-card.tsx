import { priceOptions, yearlySaving, type MembershipTier } from '@/lib/membership/offer';

interface Props {
  tier: MembershipTier;
  /** What the card ends with: join links, or a note that this is the reader's own tier. */
  children: React.ReactNode;
  current?: boolean;
  /** False for someone who has had this tier before: its trial is given once. */
  trialOffered?: boolean;
}

/** One tier on /membership: what it costs and what it gives, for comparing side by side. */
export function TierCard({ tier, children, current = false, trialOffered = true }: Props) {
  const saving = yearlySaving(tier);
  const headingId = `tier-${tier.slug}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`flex flex-col rounded border bg-white p-6 ${current ? 'border-accent ring-2 ring-accent' : 'border-rule'}`}
    >
      <h2 id={headingId} className="font-serif text-2xl font-semibold">
        {tier.name}
      </h2>
      {current && (
        <p className="mt-1 text-sm font-semibold uppercase tracking-wider text-accent">
          Your membership
        </p>
      )}
      <ul className="mt-3 space-y-1" aria-label={`Prices of ${tier.name}`}>
        {priceOptions(tier).map((option) => (
          <li key={option.interval} className="text-lg">
            <strong>{option.label}</strong>
            {option.interval === 'year' && saving && (
              <span className="ml-2 text-sm text-muted">save {saving}%</span>
            )}
          </li>
        ))}
      </ul>
      {tier.trialDays && trialOffered && (
        <p className="mt-1 text-sm text-muted">
          First {tier.trialDays} {tier.trialDays === 1 ? 'day' : 'days'} free
        </p>
      )}
      {tier.description && <p className="mt-4 font-serif">{tier.description}</p>}
      {tier.benefits.length > 0 && (
        <ul className="mt-4 flex-1 space-y-2" aria-label={`What ${tier.name} members get`}>
          {tier.benefits.map((benefit) => (
            <li key={benefit} className="flex gap-2">
              <span aria-hidden="true" className="font-bold text-accent">
                ✓
              </span>
              <span>{benefit}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-6 flex flex-wrap gap-3">{children}</div>
    </section>
  );
}
