import type { Metadata } from 'next';
import { ResetForm } from './reset-form.client';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Choose a new password</h1>
      <div className="mt-8">
        <ResetForm token={typeof token === 'string' ? token.slice(0, 200) : ''} />
      </div>
    </div>
  );
}
