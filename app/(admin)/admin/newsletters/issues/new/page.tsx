import type { Metadata } from 'next';
import Link from 'next/link';
import { maxIssuePieces } from '@/lib/newsletters/issue-input';
import { issueLists, pieceChoices } from '@/lib/newsletters/issue-admin';
import { requireStaff } from '../../../staff';
import { IssueForm } from '../issue-form.client';
import { pieceOptions } from '../piece-options';

export const metadata: Metadata = { title: 'Write an issue', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewIssuePage({ searchParams }: Props) {
  await requireStaff('/admin/newsletters/issues/new');
  const [lists, pieces, query] = await Promise.all([issueLists(), pieceChoices(), searchParams]);
  const requested = typeof query.list === 'string' ? query.list : '';
  const listId = lists.some((list) => list.id === requested) ? requested : (lists[0]?.id ?? '');
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters/issues" className="text-navy underline">
          Newsletter issues
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Write an issue</h1>
      {lists.length === 0 ? (
        <p>
          There is no newsletter to send it to.{' '}
          <Link href="/admin/newsletters/new" className="text-navy underline">
            Create a newsletter
          </Link>{' '}
          first.
        </p>
      ) : (
        <IssueForm
          values={{ listId, subject: '', preheader: '', intro: '', articleIds: '' }}
          lists={lists}
          pieces={pieceOptions(pieces)}
          maxPieces={maxIssuePieces}
        />
      )}
    </div>
  );
}
