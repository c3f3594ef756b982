import type { Metadata } from 'next';
import Link from 'next/link';
import { Field } from '@/components/forms/field';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { suppressionReasonLabels } from '@/lib/newsletters/labels';
import { listSuppressions } from '@/lib/newsletters/suppressions';
import { formatLongDate } from '@/lib/time/london';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../../staff';
import { AddSuppressionForm } from './add-form.client';
import { RemoveSuppressionForm } from './remove-form.client';

export const metadata: Metadata = { title: 'Suppression list', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SuppressionsPage({ searchParams }: Props) {
  const admin = await requireStaff('/admin/newsletters/suppressions', ['admin']);
  const raw = await searchParams;
  const list = await listSuppressions(admin, {
    search: firstParam(raw.search),
    page: firstParam(raw.page),
  });
  const { search } = list;
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters" className="text-navy underline">
          Newsletters
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Suppression list</h1>
      <p className="mt-3 max-w-prose text-muted">
        No newsletter goes to these addresses, whatever their subscriptions say. Sending adds an
        address whose mail server refuses our e-mail for good; add one yourself when its owner asks
        never to be written to again.
      </p>
      {raw.removed === '1' && (
        <p role="status" className="mt-4 rounded border border-navy bg-white px-4 py-3 text-navy">
          The address was taken off the list.
        </p>
      )}
      <div className="mt-8 grid items-start gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="suppressed-heading" className="min-w-0">
          <h2 id="suppressed-heading" className="sr-only">
            Addresses on the list
          </h2>
          <form
            method="get"
            role="search"
            aria-label="Search the suppression list"
            className="flex flex-wrap items-end gap-3"
          >
            <div className="min-w-0 flex-1 basis-64">
              <Field
                name="search"
                label="Address contains"
                type="search"
                spellCheck={false}
                maxLength={254}
                defaultValue={search}
              />
            </div>
            <button
              type="submit"
              className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
            >
              Search
            </button>
            {search && (
              <Link
                href="/admin/newsletters/suppressions"
                className="py-2 font-semibold text-accent underline"
              >
                Show all
              </Link>
            )}
          </form>
          {list.rows.length === 0 ? (
            <div className="mt-6">
              <EmptyState title={search ? 'No address matches' : 'No address is suppressed'}>
                {search
                  ? `None on the list contains “${search}”.`
                  : 'Every subscriber can be sent the newsletters they chose.'}
              </EmptyState>
            </div>
          ) : (
            <>
              <p className="mt-6 text-muted">
                {list.total.toLocaleString('en-GB')} {list.total === 1 ? 'address' : 'addresses'}
                {search ? ` containing “${search}”` : ''}, latest first.
              </p>
              <ScrollingTable className="mt-4">
                <caption className="sr-only">Suppressed addresses</caption>
                <thead>
                  <tr className="border-b-2 border-ink">
                    <th scope="col" className="py-2 pr-4">
                      Address
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Why
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Since
                    </th>
                    <th scope="col" className="py-2">
                      <span className="sr-only">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((row) => (
                    <tr key={row.email} className="border-b border-rule align-top">
                      <td className="py-2 pr-4 whitespace-nowrap">{row.email}</td>
                      <td className="py-2 pr-4">
                        {suppressionReasonLabels[row.reason]}
                        {row.detail && (
                          <span className="block max-w-xs break-words text-muted">
                            {row.detail}
                          </span>
                        )}
                      </td>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        {formatLongDate(row.createdAt)}
                      </td>
                      <td className="py-2">
                        <RemoveSuppressionForm email={row.email} reason={row.reason} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollingTable>
              <Pagination
                page={list.page}
                pageCount={list.pages}
                basePath="/admin/newsletters/suppressions"
                query={{ search }}
              />
            </>
          )}
        </section>
        <section
          aria-labelledby="add-heading"
          className="rounded border border-rule bg-white p-6 lg:sticky lg:top-4"
        >
          <h2 id="add-heading" className="font-serif text-2xl font-semibold">
            Add an address
          </h2>
          <p className="mt-1 mb-4 text-sm text-muted">
            Its subscriptions stay as they are; nothing is sent to it until it is taken off.
          </p>
          <AddSuppressionForm />
        </section>
      </div>
    </div>
  );
}
