import type { Metadata } from 'next';
import { ConfirmForm } from './confirm-form.client';

export const metadata: Metadata = {
  title: 'Confirm your subscription',
  robots: { index: false },
  // The token is in this page's address: no other site should be sent it.
  referrer: 'no-referrer',
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Confirm your subscription</h1>
      <p className="mt-3 mb-8 text-muted">
        Press the button to start receiving the newsletters you asked for. If you did not ask for
        them, close this page: nothing will be sent.
      </p>
      <ConfirmForm token={typeof token === 'string' ? token.slice(0, 200) : ''} />
    </div>
  );
}
