type Status = 'draft' | 'scheduled' | 'published';

const styles = {
  draft: 'border border-muted text-ink',
  scheduled: 'bg-highlight text-ink',
  live: 'bg-navy text-white',
};

/** Where an article stands; a scheduled piece whose time has come reads as published. */
export function StatusBadge({ status, live }: { status: Status; live: boolean }) {
  const [label, style] = live
    ? ['Published', styles.live]
    : status === 'draft'
      ? ['Draft', styles.draft]
      : ['Scheduled', styles.scheduled];
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${style}`}>
      {label}
    </span>
  );
}
