import type { Metadata } from 'next';
import { ConfirmForm } from './confirm-form.client';

export const metadata: Metadata = {
  title: 'Confirm your subscription',
  robots: { index: false },
  // Its address holds a secret: no other site is sent it. Not no-referrer, under which browsers
  // post this page's forms with `Origin: null`, which the server must refuse.
  referrer: 'same-origin',
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Confirm your subscription</h1>
      <ConfirmForm token={typeof token === 'string' ? token.slice(0, 200) : ''} />
    </div>
  );
}
