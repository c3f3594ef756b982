import Link from 'next/link';
import { SignupForm } from '@/components/newsletters/signup-form.client';
import { getListForPiece } from '@/lib/newsletters/public';

/** The sign-up at the end of a piece, for the list nearest to it. */
export async function PieceSignup({
  piece,
}: {
  piece: { series: { slug: string } | null; topics: { slug: string }[] };
}) {
  const list = await getListForPiece(piece);
  if (!list) return null;
  return (
    <section
      aria-labelledby="piece-newsletter-heading"
      className="no-print mt-10 rounded border border-rule bg-white p-6"
    >
      <h2 id="piece-newsletter-heading" className="font-serif text-2xl font-semibold">
        Get {list.name} by e-mail
      </h2>
      <p className="mt-2 mb-4 text-muted">
        {list.description || list.cadence}{' '}
        <Link href="/newsletters" className="underline">
          See all our newsletters
        </Link>
        .
      </p>
      <SignupForm lists={[list]} />
    </section>
  );
}
