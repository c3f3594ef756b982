import type { Metadata } from 'next';
import { ForgotForm } from './forgot-form.client';

export const metadata: Metadata = { title: 'Forgotten password', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="font-serif text-4xl font-semibold">Forgotten your password?</h1>
      <p className="mt-3 mb-8 text-muted">We will e-mail you a link to choose a new one.</p>
      <ForgotForm />
    </div>
  );
}
