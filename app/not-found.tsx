import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/ui/error-notice';
import { getSiteConfig } from '@/lib/config/site';

const title = 'Page not found';

export const metadata: Metadata = { title, robots: { index: false } };

export default function NotFound() {
  return (
    <ErrorNotice
      documentTitle={`${title} | ${getSiteConfig().name}`}
      eyebrow="Error 404"
      title="We could not find that page"
      actions={[
        { href: '/', label: 'Go to the home page' },
        { href: '/search', label: 'Search' },
      ]}
    >
      <p>
        It may have moved, or the address may be mistyped. Try the latest analysis or search for a
        topic.
      </p>
    </ErrorNotice>
  );
}
