import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '../../../staff';
import { PressContactForm } from '../contact-form.client';

export const metadata: Metadata = { title: 'New press contact', robots: { index: false } };

export default async function NewPressContactPage() {
  await requireStaff('/admin/press/contacts/new');
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/press/contacts" className="text-navy underline">
          Press contacts
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">New press contact</h1>
      <PressContactForm
        values={{ name: '', role: '', email: '', phone: '', hours: '', position: '0' }}
      />
    </div>
  );
}
