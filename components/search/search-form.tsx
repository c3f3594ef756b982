import { articleKindLabels } from '@/lib/content/labels';
import type { SearchParams } from '@/lib/search/query';
import { FiltersDisclosure } from './filters-disclosure.client';

interface Option {
  slug: string;
  name: string;
}

interface Props {
  params: SearchParams;
  topics: Option[];
  experts: Option[];
}

const field = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2 text-ink';

export function SearchForm({ params, topics, experts }: Props) {
  const chosen = [params.kind, params.topic, params.author, params.from, params.to].filter(
    Boolean,
  ).length;
  return (
    <form
      role="search"
      action="/search"
      method="get"
      className="rounded border border-rule bg-white p-4 sm:p-5"
    >
      <label htmlFor="search-q" className="block text-sm font-semibold">
        Search our work
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={200}
          placeholder="e.g. grid connections, fiscal rules"
          className="block w-full rounded border border-rule px-3 py-2 text-lg"
        />
        <button
          type="submit"
          className="rounded bg-navy px-5 py-2 font-semibold text-white hover:bg-navy-deep"
        >
          Search
        </button>
      </div>
      <FiltersDisclosure
        label={chosen ? `Filters (${chosen} chosen)` : 'Filters'}
        defaultOpen={chosen > 0}
      >
        <fieldset className="mt-3 grid gap-4 sm:mt-0 sm:grid-cols-2 lg:grid-cols-5">
          <legend className="sr-only">Narrow the results</legend>
          <label className="text-sm font-medium">
            Kind
            <select name="kind" defaultValue={params.kind ?? ''} className={field}>
              <option value="">Any kind</option>
              {Object.entries(articleKindLabels).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Topic or region
            <select name="topic" defaultValue={params.topic ?? ''} className={field}>
              <option value="">Any topic</option>
              {topics.map((topic) => (
                <option key={topic.slug} value={topic.slug}>
                  {topic.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Expert
            <select name="author" defaultValue={params.author ?? ''} className={field}>
              <option value="">Any expert</option>
              {experts.map((expert) => (
                <option key={expert.slug} value={expert.slug}>
                  {expert.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            From
            <input type="date" name="from" defaultValue={params.from ?? ''} className={field} />
          </label>
          <label className="text-sm font-medium">
            To
            <input type="date" name="to" defaultValue={params.to ?? ''} className={field} />
          </label>
        </fieldset>
      </FiltersDisclosure>
    </form>
  );
}
