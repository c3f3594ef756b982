import type { Metadata } from 'next';
import { TokenConfirmForm } from '@/components/forms/token-confirm-form.client';
import { verifyEmailAction } from './actions';

export const metadata: Metadata = { title: 'Verify your e-mail address', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Verify your e-mail address</h1>
      <p className="mt-3 mb-8 text-muted">Press the button to confirm this address is yours.</p>
      <TokenConfirmForm
        token={typeof token === 'string' ? token.slice(0, 200) : ''}
        action={verifyEmailAction}
        button="Verify my e-mail address"
        failure="This link has been used or has expired. Log in and ask for a sign-in link, which verifies your address too."
        success="Your e-mail address is verified. Welcome."
      />
    </div>
  );
}
