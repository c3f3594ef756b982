import Link from 'next/link';
import { ArticleBody } from '@/components/articles/article-body';
import { PageHeading } from '@/components/ui/page-heading';
import { renderMarkdown } from '@/lib/content/markdown';
import type { FundingYearReport } from '@/lib/funding/funding';
import { FundersTable } from './funders-table';

interface Props {
  page: { id: string | null; title: string; summary: string; body: string; draft: boolean };
  /** The funding report, for a page that shows it. */
  funding: FundingYearReport[] | null;
}

export function PageView({ page, funding }: Props) {
  return (
    <div className="mx-auto max-w-3xl">
      {page.draft && (
        <p role="status" className="mb-6 rounded border-2 border-accent bg-white px-4 py-3">
          <strong>Draft preview.</strong> Only editors can see this page until it is published.{' '}
          {page.id && (
            <Link href={`/admin/pages/${page.id}`} className="font-semibold text-navy underline">
              Edit the page
            </Link>
          )}
        </p>
      )}
      <PageHeading title={page.title} description={page.summary || undefined} />
      <ArticleBody html={renderMarkdown(page.body)} />
      {funding && <FundersTable years={funding} />}
    </div>
  );
}
