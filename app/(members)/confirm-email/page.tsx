import type { Metadata } from 'next';
import { TokenConfirmForm } from '@/components/forms/token-confirm-form.client';
import { confirmEmailAction } from './actions';

export const metadata: Metadata = {
  title: 'Confirm your new e-mail address',
  robots: { index: false },
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ConfirmEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Confirm your new e-mail address</h1>
      <p className="mt-3 mb-8 text-muted">Press the button to use this address for your account.</p>
      <TokenConfirmForm
        token={typeof token === 'string' ? token.slice(0, 200) : ''}
        action={confirmEmailAction}
        button="Confirm this address"
        failure="This link has been used or has expired, or the address is taken."
        success="Your account now uses this address. Log in again with it."
      />
    </div>
  );
}
