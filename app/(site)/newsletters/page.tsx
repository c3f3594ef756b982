import type { Metadata } from 'next';
import { PreferencesLinkForm } from '@/components/newsletters/preferences-link-form.client';
import { SignupForm } from '@/components/newsletters/signup-form.client';
import { PageHeading } from '@/components/ui/page-heading';
import { getOpenLists } from '@/lib/newsletters/public';

export const metadata: Metadata = {
  title: 'Newsletters',
  description:
    'Our analysis by e-mail: the weekly briefing, new pieces in a series, or everything on a topic. Free, with no account needed.',
  alternates: { canonical: '/newsletters' },
};

export default async function NewslettersPage() {
  const lists = await getOpenLists();
  return (
    <>
      <PageHeading
        eyebrow="Stay informed"
        title="Newsletters"
        description="Our research by e-mail, free and without an account. Choose as many as you like: we send a link to confirm, and every e-mail has a link to change your choice or stop."
      />
      {lists.length === 0 ? (
        <p>We are not sending any newsletters at the moment.</p>
      ) : (
        <div className="grid gap-12 lg:grid-cols-[3fr_2fr]">
          <section aria-labelledby="lists-heading">
            <h2 id="lists-heading" className="font-serif text-2xl font-semibold">
              What we send
            </h2>
            <ul className="mt-4 divide-y divide-rule border-y border-rule">
              {lists.map((list) => (
                <li key={list.id} className="py-5">
                  <h3 className="font-serif text-xl font-semibold">{list.name}</h3>
                  {list.cadence && (
                    <p className="text-sm font-semibold text-muted">{list.cadence}</p>
                  )}
                  {list.description && <p className="mt-2">{list.description}</p>}
                </li>
              ))}
            </ul>
          </section>
          <div className="space-y-6 self-start">
            <section
              aria-labelledby="signup-heading"
              className="rounded border border-rule bg-white p-6"
            >
              <h2 id="signup-heading" className="font-serif text-2xl font-semibold">
                Sign up
              </h2>
              <p className="mt-2 mb-4 text-muted">
                Members can also choose their newsletters in their account.
              </p>
              <SignupForm lists={lists} checked={lists.slice(0, 1).map((list) => list.id)} />
            </section>
            <section
              aria-labelledby="link-heading"
              className="rounded border border-rule bg-white p-6"
            >
              <h2 id="link-heading" className="font-serif text-xl font-semibold">
                Already subscribed?
              </h2>
              <p className="mt-2 mb-4 text-muted">
                Every newsletter ends with a link to choose yours or stop them. Lost it? We can
                e-mail it to you.
              </p>
              <PreferencesLinkForm />
            </section>
          </div>
        </div>
      )}
    </>
  );
}
