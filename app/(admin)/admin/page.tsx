import type { Metadata } from 'next';
import Link from 'next/link';
import { MonthlyTotalsFigure } from '@/components/admin/monthly-totals';
import { listAuditLog } from '@/lib/admin/audit';
import { donationTotalsByMonth } from '@/lib/admin/donations/monthly-totals';
import { listArticlesForAdmin } from '@/lib/editorial/article-list';
import { getAdminCounts } from '@/lib/editorial/dashboard';
import { formatMoney } from '@/lib/format/money';
import { requireStaff } from './staff';
import { formatMoment } from '@/lib/time/london';

export const metadata: Metadata = {
  title: 'Editorial and administration',
  robots: { index: false },
};

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <div className="rounded border border-rule bg-white p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 font-serif text-3xl font-semibold">
        {href ? (
          <Link href={href} className="text-navy hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}

/** Donations: money kept over the last twelve months, for admins (lib/admin/donations/). */
async function DonationSummary({ actor }: { actor: { id: string } }) {
  const totals = await donationTotalsByMonth(actor, {});
  return (
    <section aria-labelledby="donations-heading" className="mt-10">
      <h2 id="donations-heading" className="font-serif text-2xl font-semibold">
        Donations
      </h2>
      {totals.ok && totals.currencies.length > 0 ? (
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
          {totals.currencies.map((currency) => (
            <div key={currency.currency} className="rounded border border-rule bg-white p-4">
              <dt className="text-sm text-muted">
                Kept in the last 12 months ({currency.currency})
              </dt>
              <dd className="mt-1 font-serif text-3xl font-semibold">
                {formatMoney(currency.totalMinor, currency.currency)}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-4 text-muted">No donations in the last 12 months.</p>
      )}
      {totals.ok &&
        totals.currencies.map((currency) => (
          <div key={currency.currency} className="mt-6">
            <MonthlyTotalsFigure series={currency} />
          </div>
        ))}
      <p className="mt-4">
        <Link href="/admin/donations" className="font-semibold text-accent underline">
          Donations, monthly totals and Gift Aid
        </Link>
      </p>
    </section>
  );
}

/**
 * What happened lately: the audit log for admins; for editors, who may not read the log, the
 * articles most recently changed.
 */
async function RecentActivity({ actor, isAdmin }: { actor: { id: string }; isAdmin: boolean }) {
  const items = isAdmin
    ? (await listAuditLog(actor, { page: 1, pageSize: 8 })).items.map((entry) => ({
        key: String(entry.id),
        when: entry.createdAt,
        text: `${entry.actorEmail ?? 'A deleted account'}: ${entry.action.replace(/[._]/g, ' ')}`,
        href: null,
      }))
    : (await listArticlesForAdmin({ page: 1, pageSize: 8 })).items.map((article) => ({
        key: article.id,
        when: article.updatedAt.toISOString(),
        text: `${article.title} (${article.status})`,
        href: `/admin/articles/${article.id}`,
      }));
  return (
    <section aria-labelledby="activity-heading" className="mt-10">
      <h2 id="activity-heading" className="font-serif text-2xl font-semibold">
        Recent activity
      </h2>
      {items.length === 0 ? (
        <p className="mt-4 text-muted">Nothing yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-rule rounded border border-rule bg-white">
          {items.map((item) => (
            <li key={item.key} className="flex flex-wrap justify-between gap-4 px-4 py-2">
              {item.href ? (
                <Link href={item.href} className="text-navy hover:underline">
                  {item.text}
                </Link>
              ) : (
                <span>{item.text}</span>
              )}
              <time dateTime={item.when} className="text-sm text-muted">
                {formatMoment(item.when)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {isAdmin && (
        <p className="mt-4">
          <Link href="/admin/audit" className="font-semibold text-accent underline">
            The whole audit log
          </Link>
        </p>
      )}
    </section>
  );
}

export default async function AdminPage() {
  const user = await requireStaff('/admin');
  const counts = await getAdminCounts();
  const isAdmin = user.role === 'admin';
  return (
    <div className="py-2">
      <h1 className="font-serif text-4xl font-semibold">Editorial and administration</h1>
      <p className="mt-3 text-muted">
        Signed in as {user.email} ({user.role}).
      </p>

      <section aria-labelledby="articles-heading" className="mt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="articles-heading" className="font-serif text-2xl font-semibold">
            Articles
          </h2>
          <Link
            href="/admin/articles/new"
            className="rounded bg-navy px-4 py-2 font-semibold text-white"
          >
            New article
          </Link>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          <Stat
            label="On the site now"
            value={counts.live}
            href="/admin/articles?status=published"
          />
          <Stat label="Drafts" value={counts.articles.draft} href="/admin/articles?status=draft" />
          <Stat
            label="Scheduled"
            value={counts.articles.scheduled}
            href="/admin/articles?status=scheduled"
          />
          <Stat
            label="Published"
            value={counts.articles.published}
            href="/admin/articles?status=published"
          />
        </dl>
      </section>

      <section aria-labelledby="library-heading" className="mt-10">
        <h2 id="library-heading" className="font-serif text-2xl font-semibold">
          People, series, topics and images
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
          <Stat label="People" value={counts.experts} href="/admin/experts" />
          <Stat label="Series" value={counts.series} href="/admin/series" />
          <Stat label="Topics" value={counts.topics} href="/admin/topics" />
          <Stat label="Regions" value={counts.regions} href="/admin/topics" />
          <Stat label="Images" value={counts.images} href="/admin/media" />
        </dl>
      </section>

      <section aria-labelledby="accounts-heading" className="mt-10">
        <h2 id="accounts-heading" className="font-serif text-2xl font-semibold">
          Accounts
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
          <Stat
            label="Members"
            value={counts.accounts.member}
            href={isAdmin ? '/admin/members' : undefined}
          />
          <Stat label="Editors" value={counts.accounts.editor} />
          <Stat label="Administrators" value={counts.accounts.admin} />
        </dl>
        {isAdmin && (
          <p className="mt-4">
            <Link href="/admin/members" className="font-semibold text-accent underline">
              Members and roles
            </Link>
          </p>
        )}
      </section>

      <RecentActivity actor={user} isAdmin={isAdmin} />
      {isAdmin && <DonationSummary actor={user} />}
    </div>
  );
}
