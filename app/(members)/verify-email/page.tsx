import type { Metadata } from 'next';
import { LinkButton } from '../login/link/link-button.client';

export const metadata: Metadata = { title: 'Verify your e-mail address', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Verify your e-mail address</h1>
      <p className="mt-3 text-muted">
        Press the button to confirm this address is yours. You are then signed in.
      </p>
      <p className="mt-3 mb-8 text-sm text-muted">
        If you did not join, do not press it: close this page, and the account made with your
        address is removed after a week without anyone being able to sign in to it.
      </p>
      <LinkButton
        kind="verification"
        token={typeof token === 'string' ? token.slice(0, 200) : ''}
        label="Verify my e-mail address"
      />
    </div>
  );
}
