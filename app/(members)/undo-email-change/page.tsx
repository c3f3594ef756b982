import type { Metadata } from 'next';
import { LinkButton } from '../login/link/link-button.client';

export const metadata: Metadata = { title: 'Take your account back', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function UndoEmailChangePage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Take your account back</h1>
      <p className="mt-3 mb-8 text-muted">
        Press the button to move your account back to this e-mail address. Everyone signed in to it
        is signed out and its password is removed; you are then signed in here to choose a new one.
      </p>
      <LinkButton
        kind="undo-email-change"
        token={typeof token === 'string' ? token.slice(0, 200) : ''}
        label="Take my account back"
      />
    </div>
  );
}
