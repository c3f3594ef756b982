import { ErrorNotice, type NoticeAction } from './error-notice';

interface Props {
  documentTitle: string;
  error: Error & { digest?: string };
  /** Next's retry of the segment that failed. */
  reset: () => void;
  actions?: NoticeAction[];
}

/** What a reader sees when a page fails on our side: an apology, a retry and the reference. */
export function FaultNotice({ documentTitle, error, reset, actions }: Props) {
  return (
    <ErrorNotice
      documentTitle={documentTitle}
      eyebrow="Something went wrong"
      title="This page could not be shown"
      actions={actions}
      button={
        <button
          type="button"
          onClick={reset}
          className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
        >
          Try again
        </button>
      }
    >
      <p>The problem is ours, not yours. Please try again in a moment.</p>
      {error.digest && <p className="text-sm">Reference: {error.digest}</p>}
    </ErrorNotice>
  );
}
