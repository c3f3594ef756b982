export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded border border-accent bg-white px-4 py-3 text-accent-dark">
      {message}
    </p>
  );
}
