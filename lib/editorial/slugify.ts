// Leaves room for a "-2", "-3"… suffix within the schema's 120-character limit.
const maxBaseLength = 100;

/** A URL slug from a title or name: "Europe’s ammunition gap" becomes "europes-ammunition-gap". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxBaseLength) return slug;
  const cut = slug.slice(0, maxBaseLength + 1);
  const lastBreak = cut.lastIndexOf('-');
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, maxBaseLength)).replace(
    /-+$/,
    '',
  );
}
