import type { Metadata } from 'next';
import { LinkButton } from './link-button.client';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInLinkPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Sign in</h1>
      <p className="mt-3 mb-8 text-muted">Press the button to sign in to your account.</p>
      <LinkButton
        kind="sign-in-link"
        token={typeof token === 'string' ? token.slice(0, 200) : ''}
        label="Sign in"
      />
    </div>
  );
}
