import Link from 'next/link';
import type { ReactNode } from 'react';
import { DateTime } from './date-time';

interface Props {
  /** The list it belongs to, linked above the heading. */
  back: { href: string; label: string };
  title: string;
  /** Where it stands: a status badge, with any date. */
  status: ReactNode;
  version: number;
  updatedAt: Date;
  /** A link to it on the site, or why there is none. */
  onSite: ReactNode;
}

/** The top of an edit page for versioned content: what it is, where it stands, where it lives. */
export function EditHeader({ back, title, status, version, updatedAt, onSite }: Props) {
  return (
    <>
      <p className="text-sm">
        <Link href={back.href} className="text-navy underline">
          {back.label}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Edit “{title}”</h1>
      <dl className="mt-4 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="sr-only">Status</dt>
          <dd>{status}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Version </dt>
          <dd className="inline">{version}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Last changed </dt>
          <dd className="inline">
            <DateTime value={updatedAt} />
          </dd>
        </div>
        <div>
          <dt className="sr-only">On the site</dt>
          <dd>{onSite}</dd>
        </div>
      </dl>
    </>
  );
}
