import type { Metadata } from 'next';
import { DateTime } from '@/components/admin/date-time';
import { EmptyState } from '@/components/ui/empty-state';
import { countEmails, listEmailFailures, type EmailProblem } from '@/lib/email/outbox-admin';
import { requireStaff } from '../staff';
import { RetryEmailForm } from './retry-form.client';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export const metadata: Metadata = { title: 'E-mail delivery', robots: { index: false } };

const purposes = {
  verify_email: 'Address verification',
  account_exists: 'Already a member',
  sign_in_link: 'Sign-in link',
  password_reset: 'Password reset',
  email_change: 'Address change',
  email_changed: 'Address changed notice',
  receipt: 'Donation receipt',
  membership: 'Membership notice',
  media_request: 'Media request',
  newsletter_confirm: 'Newsletter confirmation',
  newsletter_test: 'Newsletter test',
  newsletter_preferences: 'Newsletter preferences link',
} satisfies Record<EmailProblem['purpose'], string>;

export default async function AdminEmailPage() {
  const admin = await requireStaff('/admin/email', ['admin']);
  const [counts, problems] = await Promise.all([countEmails(admin), listEmailFailures(admin)]);
  const stats = [
    ['Waiting to be sent', counts.pending],
    ['Of which retrying', counts.retrying],
    ['Being sent', counts.sending],
    ['Sent (last 30 days)', counts.sent],
    ['Failed', counts.failed],
  ] as const;
  return (
    <div className="py-8">
      <h1 className="font-serif text-4xl font-semibold">E-mail delivery</h1>
      <p className="mt-3 max-w-prose text-muted">
        Every e-mail waits here until the mail server takes it. When it cannot, it is retried after
        1, 2, 4… minutes, then hourly, for about a day before it counts as failed.
      </p>
      <dl className="mt-6 grid gap-4 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded border border-rule bg-white p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 font-serif text-3xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-10 font-serif text-2xl font-semibold">Failed and retrying</h2>
      {problems.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="Nothing is failing" />
        </div>
      ) : (
        <ScrollingTable className="mt-4">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                To
              </th>
              <th scope="col" className="py-2 pr-4">
                Subject
              </th>
              <th scope="col" className="py-2 pr-4">
                Attempts
              </th>
              <th scope="col" className="py-2 pr-4">
                Last error
              </th>
              <th scope="col" className="py-2 pr-4">
                Next attempt
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {problems.map((email) => (
              <tr key={email.id} className="border-b border-rule align-top">
                <td className="py-2 pr-4 break-all">{email.recipient}</td>
                <td className="py-2 pr-4">
                  {email.subject}
                  <span className="block text-muted">{purposes[email.purpose]}</span>
                </td>
                <td className="py-2 pr-4">{email.attempts}</td>
                <td className="py-2 pr-4 break-words">{email.lastError ?? '—'}</td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {email.status === 'sending' ? (
                    'Being sent'
                  ) : email.nextAttemptAt ? (
                    <DateTime value={email.nextAttemptAt} />
                  ) : (
                    'None: failed'
                  )}
                </td>
                <td className="py-2">
                  {email.retryable && <RetryEmailForm id={email.id} subject={email.subject} />}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
