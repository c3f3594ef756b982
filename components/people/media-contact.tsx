import Link from 'next/link';
import type { ExpertInfo } from '@/lib/content/queries/taxonomy';

/** Tel: links dial what is written, without the spaces and brackets people read it with. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** A person's direct line for journalists, on their page when they take media requests. */
export function MediaContact({
  name,
  contact,
}: {
  name: string;
  contact: NonNullable<ExpertInfo['media']>;
}) {
  return (
    <section
      aria-labelledby="media-heading"
      className="mt-6 rounded border border-rule bg-white px-5 py-4"
    >
      <h2 id="media-heading" className="font-serif text-lg font-semibold">
        Media enquiries
      </h2>
      <p className="mt-1 text-sm text-muted">
        Journalists can contact {name} directly, or the{' '}
        <Link href="/press" className="text-accent underline">
          press office
        </Link>
        .
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {contact.email && (
          <>
            <dt className="font-semibold">E-mail</dt>
            <dd className="break-all">
              <a href={`mailto:${contact.email}`} className="text-navy underline">
                {contact.email}
              </a>
            </dd>
          </>
        )}
        {contact.phone && (
          <>
            <dt className="font-semibold">Phone</dt>
            <dd>
              <a href={telHref(contact.phone)} className="text-navy underline">
                {contact.phone}
              </a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
