interface Props {
  eyebrow?: string;
  title: string;
  description?: string;
  children?: React.ReactNode;
}

export function PageHeading({ eyebrow, title, description, children }: Props) {
  return (
    <header className="mb-10 border-b border-rule pb-8">
      {eyebrow && (
        <p className="text-xs font-semibold uppercase tracking-wider text-accent">{eyebrow}</p>
      )}
      <h1 className="mt-2 font-serif text-4xl font-semibold leading-tight text-ink">{title}</h1>
      {description && <p className="mt-3 max-w-3xl font-serif text-lg text-muted">{description}</p>}
      {children}
    </header>
  );
}
