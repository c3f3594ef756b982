import { PreferencesLinkForm } from '@/components/newsletters/preferences-link-form.client';
import { getSiteConfig } from '@/lib/config/site';

// A preferences link that is not ours, or whose subscriber was forgotten, still answers 404; the
// reader is offered a new link rather than a dead end.
export default function PreferencesLinkNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <title>{`Link not valid | ${getSiteConfig().name}`}</title>
      <p className="text-sm font-semibold tracking-wider text-accent uppercase">Error 404</p>
      <h1 className="mt-3 font-serif text-4xl font-semibold">This link does not work</h1>
      <p className="mt-4 text-lg text-muted">
        It may have been cut short when it was copied, or the address it was for is no longer
        subscribed. Enter your e-mail address and, if it receives our newsletters, we will send you
        a new link to your preferences.
      </p>
      <div className="mt-6 rounded border border-rule bg-white p-6">
        <PreferencesLinkForm />
      </div>
    </div>
  );
}
