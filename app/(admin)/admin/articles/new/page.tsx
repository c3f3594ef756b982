import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '../../staff';
import { ArticleForm } from '../article-form.client';
import { loadArticleChoices } from '../choices';
import { emptyArticleValues } from '../form-values';

export const metadata: Metadata = { title: 'New article', robots: { index: false } };

export default async function NewArticlePage() {
  await requireStaff('/admin/articles/new');
  const choices = await loadArticleChoices();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/articles" className="text-navy underline">
          Articles
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">New article</h1>
      <p className="mt-2 text-muted">
        It is saved as a draft: nothing appears on the site until you publish it.
      </p>
      <div className="mt-8">
        <ArticleForm initialValues={emptyArticleValues} initialPreview="" choices={choices} />
      </div>
    </div>
  );
}
