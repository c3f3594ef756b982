import Link from 'next/link';

interface Props {
  slug: string;
  /** Whether the piece is for any member, or for members of some tiers only. */
  forTiers: boolean;
  /** The tiers people can join that may read it. */
  tiers: { slug: string; name: string }[];
  /** Whether the reader is signed in (and so needs a membership, not a log-in). */
  signedIn?: boolean;
  /** Whether they hold another paid tier, and so would change it rather than join. */
  holdsTier?: boolean;
}

const primary = 'rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep';
const secondary = 'rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-white';

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function MembersTeaser({
  slug,
  forTiers,
  tiers,
  signedIn = false,
  holdsTier = false,
}: Props) {
  const next = encodeURIComponent(`/articles/${slug}`);
  const names = listOf(tiers.map((tier) => tier.name));
  return (
    <section
      aria-labelledby="members-teaser-heading"
      className="members-only my-10 rounded border border-rule bg-highlight/60 px-6 py-8"
    >
      <h2 id="members-teaser-heading" className="font-serif text-2xl font-semibold">
        {!forTiers
          ? 'This piece is for members'
          : names
            ? `This piece is for ${names} members`
            : 'This piece is for invited members'}
      </h2>
      <p className="mt-3 max-w-prose text-ink">
        {forTiers
          ? `${names || 'Invited'} members read it in full, with the briefings and events of their membership. `
          : 'Members of the Institute read our full briefings and analysis, join private events with our experts and support independent research. '}
        {!signedIn
          ? 'Log in to keep reading, or join: it takes a minute.'
          : !forTiers
            ? 'Verify your e-mail address to keep reading.'
            : holdsTier
              ? 'Your membership does not include it: you can change it from your account.'
              : 'See what each membership gives, and join in a minute.'}
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        {!signedIn && (
          <Link href={`/login?callbackUrl=${next}`} className={primary}>
            Members’ log in
          </Link>
        )}
        {forTiers && holdsTier ? (
          <Link href="/account#membership" className={primary}>
            Change your membership
          </Link>
        ) : forTiers ? (
          <Link href="/membership" className={signedIn ? primary : secondary}>
            See membership
          </Link>
        ) : (
          !signedIn && (
            <Link href={`/join?callbackUrl=${next}`} className={secondary}>
              Become a member
            </Link>
          )
        )}
      </div>
    </section>
  );
}
