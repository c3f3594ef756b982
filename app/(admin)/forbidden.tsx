import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/ui/error-notice';
import { getRefusedAudience } from '@/lib/auth/viewer';
import { getSiteConfig } from '@/lib/config/site';

const title = 'Not open to you';

export const metadata: Metadata = { title, robots: { index: false } };

// Here rather than beside the root layout: only the editorial area refuses anyone, and this
// reads the session, which no other page's render should be made to wait for.
export default async function Forbidden() {
  const audience = await getRefusedAudience();
  const documentTitle = `${title} | ${getSiteConfig().name}`;
  const forAdministrators = audience === 'administrators';
  return (
    <ErrorNotice
      documentTitle={documentTitle}
      eyebrow="Error 403"
      title="This area is not open to you"
      actions={[
        forAdministrators
          ? { href: '/admin', label: 'Go to the editorial dashboard' }
          : { href: '/', label: 'Go to the home page' },
      ]}
    >
      {forAdministrators ? (
        <p>
          It is for the Institute’s administrators. As an editor you can work on articles, experts,
          series, topics and media; ask an administrator for anything here.
        </p>
      ) : (
        <p>
          It is for the Institute’s editors and administrators. If you think you should have access,
          ask an administrator.
        </p>
      )}
    </ErrorNotice>
  );
}
