import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { readPreferencesKey } from '@/lib/newsletters/links';
import { readPreferences } from '@/lib/newsletters/subscriptions';
import { PreferencesForm } from '@/components/newsletters/preferences-form.client';
import { savePreferencesAction } from '../../actions';

export const metadata: Metadata = {
  title: 'Your newsletters',
  robots: { index: false },
  // Its address holds a secret: no other site is sent it. Not no-referrer, under which browsers
  // post this page's forms with `Origin: null`, which the server must refuse.
  referrer: 'same-origin',
};

interface Props {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PreferencesPage({ params, searchParams }: Props) {
  const { key } = await params;
  const preferencesKey = decodeURIComponent(key);
  const subscriberId = readPreferencesKey(preferencesKey);
  const preferences = subscriberId ? await readPreferences(subscriberId) : null;
  if (!preferences) notFound();
  // Where a mail client's one-click link was opened as a page instead: that list is offered to leave.
  const { leave } = await searchParams;
  const leaving = preferences.lists.find(
    (list) => list.id === leave && list.status === 'subscribed',
  );
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="font-serif text-4xl font-semibold">Your newsletters</h1>
      <p className="mt-3 text-muted">
        For {preferences.email}. Tick the newsletters you want and save; untick one to stop it.
      </p>
      {preferences.suppression && (
        <p className="mt-4 rounded border border-rule bg-white px-4 py-3">
          {preferences.suppression === 'bounced'
            ? 'Our e-mails to this address were refused by its mail server, so we have stopped sending to it. If that has been put right, write to us and we will start again.'
            : 'We have stopped sending newsletters to this address, as we were asked. If you want them again, write to us.'}
        </p>
      )}
      {leaving && (
        <p className="mt-4 rounded border border-navy bg-white px-4 py-3">
          To stop receiving {leaving.name}, press “Save my choice”: it is unticked below.
        </p>
      )}
      <PreferencesForm
        action={savePreferencesAction}
        preferencesKey={preferencesKey}
        lists={preferences.lists}
        leaving={leaving?.id}
      />
    </div>
  );
}
