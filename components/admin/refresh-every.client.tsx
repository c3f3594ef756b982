'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Reads the page again from the server every `seconds`, for figures that change as work goes on. */
export function RefreshEvery({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), seconds * 1000);
    return () => window.clearInterval(timer);
  }, [router, seconds]);
  return null;
}
