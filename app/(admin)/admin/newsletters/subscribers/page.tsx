import type { Metadata } from 'next';
import Link from 'next/link';
import { SelectField } from '@/components/admin/select-field';
import { Field } from '@/components/forms/field';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { listNewsletterLists } from '@/lib/newsletters/list-admin';
import { sourceLabels, statusLabels } from '@/lib/newsletters/labels';
import { listSubscribers, type SubscriberFilterInput } from '@/lib/newsletters/subscriber-admin';
import { formatLongDate } from '@/lib/time/london';
import { requireStaff } from '../../staff';

export const metadata: Metadata = { title: 'Newsletter subscribers', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const any = ['', 'Any'] as const;
const fields = ['list', 'status', 'source', 'from', 'to'] as const;

export default async function AdminSubscribersPage({ searchParams }: Props) {
  const admin = await requireStaff('/admin/newsletters/subscribers', ['admin']);
  const raw = await searchParams;
  const values = Object.fromEntries(fields.map((name) => [name, one(raw[name]) ?? ''])) as Record<
    (typeof fields)[number],
    string
  >;
  const [result, lists] = await Promise.all([
    listSubscribers(admin, { ...values, page: one(raw.page) } as SubscriberFilterInput),
    listNewsletterLists(),
  ]);
  const errors = result.ok ? {} : result.fieldErrors;
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters" className="text-navy underline">
          Newsletters
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Subscribers</h1>
        <Link
          href="/admin/newsletters/subscribers/import"
          className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
        >
          Import from CSV
        </Link>
      </div>
      <form
        method="get"
        aria-label="Filter subscribers"
        className="mt-6 grid gap-4 rounded border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <SelectField
          name="list"
          label="Newsletter"
          options={[
            any,
            ...lists.map(
              (list) => [list.slug, list.archived ? `${list.name} (retired)` : list.name] as const,
            ),
          ]}
          defaultValue={values.list}
          error={errors.list}
        />
        <SelectField
          name="status"
          label="Status"
          options={[any, ...Object.entries(statusLabels)]}
          defaultValue={values.status}
          error={errors.status}
        />
        <SelectField
          name="source"
          label="Source"
          options={[any, ...Object.entries(sourceLabels)]}
          defaultValue={values.source}
          error={errors.source}
        />
        <Field
          name="from"
          label="Consent from"
          type="date"
          defaultValue={values.from}
          error={errors.from}
        />
        <Field
          name="to"
          label="Consent to"
          type="date"
          defaultValue={values.to}
          error={errors.to}
        />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-5">
          <button
            type="submit"
            className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
          >
            Show subscribers
          </button>
          <Link
            href="/admin/newsletters/subscribers"
            className="font-semibold text-accent underline"
          >
            Clear filters
          </Link>
          {result.ok && result.total > 0 && (
            <a
              href={`/admin/newsletters/subscribers/export${query.size ? `?${query}` : ''}`}
              className="font-semibold text-accent underline"
            >
              Download these {result.total.toLocaleString('en-GB')} as CSV
            </a>
          )}
        </div>
      </form>
      {!result.ok ? (
        <p role="alert" className="mt-6 font-medium text-accent-dark">
          Correct the filters above to see subscribers.
        </p>
      ) : result.rows.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No subscribers match">
            Try other filters, or clear them to see everyone.
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="mt-6 text-muted">
            {result.total.toLocaleString('en-GB')}{' '}
            {result.total === 1 ? 'subscription matches' : 'subscriptions match'}, latest consent
            first.
          </p>
          <ScrollingTable className="mt-4">
            <caption className="sr-only">Subscribers</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  E-mail
                </th>
                <th scope="col" className="py-2 pr-4">
                  Newsletter
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2 pr-4">
                  Source
                </th>
                <th scope="col" className="py-2">
                  Consent
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={`${row.email}:${row.listSlug}`} className="border-b border-rule align-top">
                  <td className="py-2 pr-4 break-all">{row.email}</td>
                  <td className="py-2 pr-4">{row.list}</td>
                  <td className="py-2 pr-4">{statusLabels[row.status]}</td>
                  <td className="py-2 pr-4">{sourceLabels[row.source]}</td>
                  <td className="py-2 text-sm">
                    {formatLongDate(row.consentAt)}
                    <span className="block text-muted">{row.consentText}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
          <Pagination
            page={result.page}
            pageCount={result.pages}
            basePath="/admin/newsletters/subscribers"
            query={values}
          />
        </>
      )}
    </div>
  );
}
