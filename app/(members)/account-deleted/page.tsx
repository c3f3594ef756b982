import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-4xl font-semibold">Your account is deleted</h1>
      <p className="mt-4 text-lg">
        We have deleted your account and ended its sessions. Records of gifts that the law requires
        us to keep for Gift Aid remain, without your account attached. Thank you for reading with
        us.
      </p>
    </div>
  );
}
