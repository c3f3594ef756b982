import { z } from 'zod';
import { personRoles, type PersonRole } from '@/db/schema';
import { isSlug } from './slug';

export type { PersonRole };
export { personRoles };

/** A person's page. The old /experts addresses redirect here (next.config.ts). */
export const personPath = (slug: string) => `/people/${slug}`;

export const personRoleLabels: Record<PersonRole, string> = {
  fellow: 'Fellow',
  staff: 'Staff',
  trustee: 'Trustee',
  associate: 'Associate',
};

export const personRoleOptions = personRoles.map((role) => ({
  value: role,
  label: personRoleLabels[role],
}));

// The headings of /people's groups, in the order they are shown.
export const personRolePlurals: Record<PersonRole, string> = {
  fellow: 'Fellows',
  staff: 'Staff',
  trustee: 'Trustees',
  associate: 'Associates',
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// Like the listings, /people answers any query string: a malformed filter is dropped.
const peopleParamsSchema = z.object({
  role: z.preprocess(first, z.enum(personRoles).optional().catch(undefined)),
  topic: z.preprocess(first, z.string().refine(isSlug).optional().catch(undefined)),
});

export type PeopleParams = z.infer<typeof peopleParamsSchema>;

export function parsePeopleParams(
  raw: Record<string, string | string[] | undefined>,
): PeopleParams {
  return peopleParamsSchema.parse(raw);
}

/** The one address of a filtered /people, role before topic. */
export function peoplePath({ role, topic }: PeopleParams): string {
  const query = new URLSearchParams();
  if (role) query.set('role', role);
  if (topic) query.set('topic', topic);
  return query.size ? `/people?${query}` : '/people';
}
