export function ReadTheRest({ source }: { source: { name: string; url: string } }) {
  return (
    <p className="my-8 border-l-4 border-accent bg-white px-5 py-4 font-serif text-lg">
      <a href={source.url} className="font-semibold text-accent underline hover:text-accent-dark">
        Read the rest at {source.name}
      </a>
      <span className="sr-only"> (opens the original publication)</span>
    </p>
  );
}
