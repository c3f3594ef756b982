import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { logInPath, safeReturnPath } from '@/lib/auth/redirects';
import { getViewer } from '@/lib/auth/viewer';
import { joinOfferWording } from '@/lib/newsletters/join-offer';
import { getLeadList } from '@/lib/newsletters/public';
import { JoinForm } from './join-form.client';

export const metadata: Metadata = { title: 'Become a member' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function JoinPage({ searchParams }: Props) {
  const returnPath = safeReturnPath((await searchParams).callbackUrl);
  // A member who is signed in has nothing to join: on to the page they were making for.
  if (await getViewer()) redirect(returnPath ?? '/account');
  const offer = await getLeadList();
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Become a member</h1>
      <p className="mt-3 text-muted">
        Members read our full briefings and members-only analysis. Membership is free; it takes a
        minute.
      </p>
      <div className="mt-8">
        <JoinForm returnPath={returnPath} newsletterOffer={offer && joinOfferWording(offer)} />
      </div>
      <p className="mt-6 text-sm text-muted">
        Already a member?{' '}
        <Link href={logInPath(returnPath ?? '/')} className="font-semibold text-accent underline">
          Log in
        </Link>
      </p>
    </div>
  );
}
