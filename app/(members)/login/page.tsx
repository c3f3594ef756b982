import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { safeCallbackPath, safeReturnPath } from '@/lib/auth/redirects';
import Link from 'next/link';
import { LinkForm } from './link-form.client';
import { LoginForm } from './login-form.client';

export const metadata: Metadata = { title: 'Members’ log in', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl: requested, signedOut } = await searchParams;
  const callbackUrl = safeCallbackPath(requested);
  if (await getViewer()) redirect(callbackUrl);
  const returnPath = safeReturnPath(requested);
  const join = returnPath ? `/join?callbackUrl=${encodeURIComponent(returnPath)}` : '/join';
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Members’ log in</h1>
      <p className="mt-3 text-muted">
        Log in to read members-only analysis and manage your giving.
      </p>
      {signedOut === 'everywhere' && (
        <p role="status" className="mt-4 rounded border border-rule bg-white px-4 py-3">
          You are logged out on every device where you were signed in.
        </p>
      )}
      <div className="mt-8">
        <LoginForm callbackUrl={callbackUrl} />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-accent underline">
          Forgotten your password?
        </Link>{' '}
        ·{' '}
        <Link href={join} className="text-accent underline">
          Become a member
        </Link>
      </p>
      <section aria-labelledby="link-heading" className="mt-10 border-t border-rule pt-8">
        <h2 id="link-heading" className="font-serif text-2xl font-semibold">
          Or sign in without a password
        </h2>
        <div className="mt-4">
          <LinkForm callbackUrl={callbackUrl} />
        </div>
      </section>
    </div>
  );
}
