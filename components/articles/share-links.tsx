import { CopyButton } from '@/components/ui/copy-button.client';

// Plain links to each network's share page: no third-party script or tracker loads here.
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { label: 'Email', href: `mailto:?subject=${t}&body=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${t}%20${u}` },
    { label: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  ];
  return (
    <section aria-labelledby="share-heading" className="no-print mt-10">
      <h2 id="share-heading" className="text-xs font-semibold uppercase tracking-wider text-muted">
        Share
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.label}>
            <a
              href={link.href}
              rel="noopener noreferrer"
              className="inline-block rounded border border-rule px-3 py-1 text-sm font-medium text-navy hover:bg-white"
            >
              {link.label}
              <span className="sr-only"> (share this article)</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <span className="text-muted">Link to this article:</span>
        <span id="share-url" className="select-all break-all font-mono text-ink">
          {url}
        </span>
        <CopyButton sourceId="share-url" label="Copy link" />
      </p>
    </section>
  );
}
