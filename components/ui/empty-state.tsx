export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded border border-dashed border-rule px-6 py-12 text-center">
      <h2 className="font-serif text-2xl font-semibold">{title}</h2>
      {children && <div className="mt-3 text-muted">{children}</div>}
    </div>
  );
}
