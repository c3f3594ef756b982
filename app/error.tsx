'use client';

import { useEffect } from 'react';
import { useSiteName } from '@/components/site/site-name.client';
import { FaultNotice } from '@/components/ui/fault-notice';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const siteName = useSiteName();
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <FaultNotice
      documentTitle={`Something went wrong | ${siteName}`}
      error={error}
      reset={reset}
      actions={[{ href: '/', label: 'Home page' }]}
    />
  );
}
