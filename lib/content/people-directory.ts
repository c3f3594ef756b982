import 'server-only';
import { getAllExperts, getAllTopics } from './cached';
import { personRoles, type PeopleParams, type PersonRole } from './people';
import type { ExpertInfo } from './queries/taxonomy';

export interface PeopleDirectory {
  /** The filters as they apply: an unknown topic is dropped rather than matching no one. */
  filter: { role?: PersonRole; topic?: { slug: string; name: string } };
  /** The people the filters leave, grouped by role in the roles' order; empty groups left out. */
  groups: { role: PersonRole; people: ExpertInfo[] }[];
  total: number;
  /** The roles and topics someone holds, to filter by: a filter that leaves no one is not offered. */
  roles: PersonRole[];
  topics: { slug: string; name: string }[];
}

/** Everyone at the Institute, from the cached list of people, filtered by role and area. */
export async function getPeopleDirectory(params: PeopleParams): Promise<PeopleDirectory> {
  const [people, allTopics] = await Promise.all([getAllExperts(), getAllTopics()]);
  return buildPeopleDirectory(people, allTopics, params);
}

export function buildPeopleDirectory(
  people: ExpertInfo[],
  allTopics: { slug: string; name: string }[],
  params: PeopleParams,
): PeopleDirectory {
  const known = allTopics.find((topic) => topic.slug === params.topic);
  const topic = known ? { slug: known.slug, name: known.name } : undefined;
  const chosen = people.filter(
    (person) =>
      (!params.role || person.role === params.role) &&
      (!topic || person.areas.some((area) => area.slug === topic.slug)),
  );
  const areaSlugs = new Set(people.flatMap((person) => person.areas.map((area) => area.slug)));
  return {
    filter: { role: params.role, topic },
    groups: personRoles
      .map((role) => ({ role, people: chosen.filter((person) => person.role === role) }))
      .filter((group) => group.people.length > 0),
    total: chosen.length,
    roles: personRoles.filter((role) => people.some((person) => person.role === role)),
    topics: allTopics
      .filter((item) => areaSlugs.has(item.slug))
      .map(({ slug, name }) => ({ slug, name })),
  };
}
