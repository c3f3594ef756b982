import type { Metadata } from 'next';
import Link from 'next/link';
import { importLimits } from '@/lib/newsletters/import-file';
import { requireStaff } from '../../../staff';
import { ImportForm } from './import-form.client';

export const metadata: Metadata = { title: 'Import subscribers', robots: { index: false } };

const code = 'rounded bg-white px-1 font-mono text-sm';

export default async function ImportSubscribersPage() {
  await requireStaff('/admin/newsletters/subscribers/import', ['admin']);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters" className="text-navy underline">
          Newsletters
        </Link>{' '}
        ›{' '}
        <Link href="/admin/newsletters/subscribers" className="text-navy underline">
          Subscribers
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Import subscribers</h1>
      <div className="mt-4 max-w-prose space-y-3">
        <p>
          A CSV file downloaded from the subscribers page imports as it is. A file of your own needs
          a first line naming its columns: at least <code className={code}>email</code>,{' '}
          <code className={code}>list</code> (a newsletter’s slug or name) and{' '}
          <code className={code}>status</code> (subscribed, pending or unsubscribed), one line per
          address and newsletter.
        </p>
        <p>
          You see what the file would change before anything is imported. If any line has a problem,
          nothing is.
        </p>
        <details className="rounded border border-rule bg-white px-4 py-3">
          <summary className="cursor-pointer font-semibold">How each line is imported</summary>
          <ul className="mt-3 list-disc space-y-2 pl-6">
            <li>
              Someone who unsubscribed stays unsubscribed, whatever the file says: only they can
              subscribe again.
            </li>
            <li>A line saying unsubscribed unsubscribes the address from that newsletter.</li>
            <li>
              A subscription already confirmed keeps its consent; one waiting for confirmation is
              confirmed by a line saying subscribed. Nothing is made to wait again.
            </li>
            <li>
              The file’s source (form, account, join, import or soft opt-in), consent wording and
              times are kept. Without them, the source is “import”, the consent says who imported
              it, when and from which file, and its time is the import’s.
            </li>
            <li>
              Addresses on the{' '}
              <Link href="/admin/newsletters/suppressions" className="text-navy underline">
                suppression list
              </Link>{' '}
              are imported and stay on it, so nothing is sent to them.
            </li>
            <li>A retired newsletter takes no new subscribers: such lines are left out.</li>
            <li>
              Nobody is e-mailed. A pending subscription not confirmed within eight days of its
              consent is removed, as any sign-up is.
            </li>
          </ul>
        </details>
      </div>
      <ImportForm maxBytes={importLimits.maxBytes} maxRows={importLimits.maxRows} />
    </div>
  );
}
