import Link from 'next/link';

export interface NoticeAction {
  href: string;
  label: string;
}

interface Props {
  /**
   * The whole text of the tab's title. Rendered here as well as exported as metadata, since a
   * page that refuses or misses after its own metadata was resolved would otherwise keep its
   * title ("Donations" over a 403).
   */
  documentTitle: string;
  /** The status in words a reader knows, such as "Error 404". */
  eyebrow: string;
  title: string;
  children: React.ReactNode;
  /** The first is the way on; any others are drawn as secondary. */
  actions?: NoticeAction[];
  /** A button of the page's own, such as "Try again", placed before the links. */
  button?: React.ReactNode;
}

/** The body of an error, not-found or refusal page, inside the site's header and footer. */
export function ErrorNotice({
  documentTitle,
  eyebrow,
  title,
  children,
  actions = [],
  button,
}: Props) {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <title>{documentTitle}</title>
      <p className="text-sm font-semibold uppercase tracking-wider text-accent">{eyebrow}</p>
      <h1 className="mt-3 font-serif text-4xl font-semibold">{title}</h1>
      <div className="mt-4 space-y-3 text-lg text-muted">{children}</div>
      <div className="mt-8 flex flex-wrap justify-center gap-4">
        {button}
        {actions.map((action, index) => (
          <Link
            key={action.href}
            href={action.href}
            className={
              index === 0 && !button
                ? 'rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep'
                : 'rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-white'
            }
          >
            {action.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
