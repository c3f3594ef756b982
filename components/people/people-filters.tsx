import Link from 'next/link';
import { peoplePath, personRolePlurals, type PeopleParams } from '@/lib/content/people';
import type { PeopleDirectory } from '@/lib/content/people-directory';

const chip = (active: boolean) =>
  `inline-block rounded-full border px-3 py-1 text-sm font-medium ${
    active
      ? 'border-navy bg-navy text-white'
      : 'border-rule text-ink hover:border-navy hover:text-navy'
  }`;

function FilterRow({
  label,
  options,
}: {
  label: string;
  options: { label: string; href: string; active: boolean }[];
}) {
  return (
    <nav aria-label={label} className="mt-4">
      <h2 className="text-xs font-semibold uppercase tracking-wider text-muted">{label}</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {options.map((option) => (
          <li key={option.href}>
            <Link
              href={option.href}
              aria-current={option.active ? 'page' : undefined}
              className={chip(option.active)}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Links, so the filters work without JavaScript; each keeps the other filter as it is. */
export function PeopleFilters({ directory }: { directory: PeopleDirectory }) {
  const { role, topic } = directory.filter;
  const current: PeopleParams = { role, topic: topic?.slug };
  return (
    <div className="mt-6">
      <FilterRow
        label="Filter by role"
        options={[
          { label: 'Everyone', href: peoplePath({ ...current, role: undefined }), active: !role },
          ...directory.roles.map((option) => ({
            label: personRolePlurals[option],
            href: peoplePath({ ...current, role: option }),
            active: option === role,
          })),
        ]}
      />
      <FilterRow
        label="Filter by area"
        options={[
          {
            label: 'All areas',
            href: peoplePath({ ...current, topic: undefined }),
            active: !topic,
          },
          ...directory.topics.map((option) => ({
            label: option.name,
            href: peoplePath({ ...current, topic: option.slug }),
            active: option.slug === topic?.slug,
          })),
        ]}
      />
    </div>
  );
}
