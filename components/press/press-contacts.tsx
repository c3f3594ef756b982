import { telHref } from '@/components/people/media-contact';
import type { PressContactRow } from '@/lib/press/press-reads';

/** The press office's people: who they are, how to reach them, and when. */
export function PressContacts({ contacts }: { contacts: PressContactRow[] }) {
  if (contacts.length === 0) {
    return <p className="mt-4 text-muted">The press office’s contacts will be listed here.</p>;
  }
  return (
    <ul className="mt-4 space-y-5">
      {contacts.map((contact) => (
        <li key={contact.id} className="rounded border border-rule bg-white p-5">
          <h3 className="font-serif text-lg font-semibold">{contact.name}</h3>
          {contact.role && <p className="text-sm text-muted">{contact.role}</p>}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
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
            <dt className="font-semibold">E-mail</dt>
            <dd className="break-all">
              <a href={`mailto:${contact.email}`} className="text-navy underline">
                {contact.email}
              </a>
            </dd>
            {contact.hours && (
              <>
                <dt className="font-semibold">Hours</dt>
                <dd>{contact.hours}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
