import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { getPressContact } from '@/lib/press/press-reads';
import { requireStaff } from '../../../staff';
import { deletePressContactAction } from '../actions';
import { PressContactForm } from '../contact-form.client';

export const metadata: Metadata = { title: 'Edit press contact', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditPressContactPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/press/contacts/${id}`);
  const [contact, query] = await Promise.all([getPressContact(id), searchParams]);
  if (!contact) notFound();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/press/contacts" className="text-navy underline">
          Press contacts
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Edit {contact.name}</h1>
      <PressContactForm
        notice={query.created === '1' ? 'Contact created.' : undefined}
        id={contact.id}
        values={{
          name: contact.name,
          role: contact.role,
          email: contact.email,
          phone: contact.phone,
          hours: contact.hours,
          position: String(contact.position),
        }}
      />
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete
        </h2>
        <p className="mt-2 mb-4 text-muted">It comes off the press office page at once.</p>
        <DeleteForm action={deletePressContactAction} id={contact.id} label="Delete this contact" />
      </section>
    </div>
  );
}
