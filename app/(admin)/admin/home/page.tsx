import type { Metadata } from 'next';
import Link from 'next/link';
import { articleKindLabels } from '@/lib/content/labels';
import { readHomeChoices, type HomeChoice } from '@/lib/editorial/home';
import { homeTopicFields } from '@/lib/editorial/home-input';
import { formatLongDate } from '@/lib/time/london';
import { requireStaff } from '../staff';
import { HomeForm } from './home-form.client';

export const metadata: Metadata = { title: 'Home page', robots: { index: false } };

function option(choice: HomeChoice) {
  const when = choice.publishedAt ? formatLongDate(choice.publishedAt) : '';
  const state = choice.status === 'scheduled' ? `scheduled for ${when}` : when;
  return [choice.id, `${choice.title} (${articleKindLabels[choice.kind]}, ${state})`] as const;
}

export default async function AdminHomePage() {
  await requireStaff('/admin/home');
  const choices = await readHomeChoices();
  return (
    <div>
      <h1 className="font-serif text-4xl font-semibold">Home page</h1>
      <p className="mt-2 mb-8 max-w-3xl text-muted">
        Choose what leads the{' '}
        <Link href="/" className="text-navy underline">
          home page
        </Link>
        . The latest work, series and experts follow by themselves. A scheduled piece takes its
        place when it goes live; until then, and if it is ever unpublished, the newest piece leads
        instead.
      </p>
      <HomeForm
        values={choices.values}
        pieces={choices.pieces.map(option)}
        publications={choices.publications.map(option)}
        topics={choices.topics.map(
          (topic) =>
            [topic.id, topic.kind === 'region' ? `${topic.name} (region)` : topic.name] as const,
        )}
        topicFields={homeTopicFields}
      />
    </div>
  );
}
