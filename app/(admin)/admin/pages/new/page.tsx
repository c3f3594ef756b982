import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '../../staff';
import { emptyPageValues } from '../form-values';
import { PageForm } from '../page-form.client';

export const metadata: Metadata = { title: 'New page', robots: { index: false } };

export default async function NewPagePage() {
  await requireStaff('/admin/pages/new');
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/pages" className="text-navy underline">
          Pages
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">New page</h1>
      <p className="mt-2 text-muted">
        It is saved as a draft: nothing appears on the site until you publish it.
      </p>
      <div className="mt-8">
        <PageForm initialValues={emptyPageValues} initialPreview="" />
      </div>
    </div>
  );
}
