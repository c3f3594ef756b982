import { DateTime } from '@/components/admin/date-time';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import type { RestoreState } from './form-state';
import { RestoreForm } from './restore-form.client';

interface Revision {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: { name: string | null; email: string } | null;
  snapshot: { title: string };
}

interface Props {
  /** What was revised, as the text names it: "article", "page". */
  noun: string;
  ownerId: string;
  currentVersion: number;
  revisions: Revision[];
  /** The action that saves an earlier revision again, as the next version. */
  restore: (previous: RestoreState, form: FormData) => Promise<RestoreState>;
}

/** Every saved version, newest first; an earlier one can be saved again as the next version. */
export function RevisionList({ noun, ownerId, currentVersion, revisions, restore }: Props) {
  return (
    <section aria-labelledby="revisions-heading" className="mt-12 border-t border-rule pt-8">
      <h2 id="revisions-heading" className="font-serif text-2xl font-semibold">
        Revisions
      </h2>
      <p className="mt-2 text-sm text-muted">
        Restoring saves that version’s fields as a new version; nothing is lost. It replaces what is
        in the form above, so save your changes there first.
      </p>
      {revisions.length === 0 ? (
        <p className="mt-4">No earlier versions are kept for this {noun}.</p>
      ) : (
        <ScrollingTable className="mt-4">
          <caption className="sr-only">Saved versions of this {noun}, newest first</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Version
              </th>
              <th scope="col" className="py-2 pr-4">
                Saved by
              </th>
              <th scope="col" className="py-2 pr-4">
                When
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id} className="border-b border-rule align-top">
                <td className="py-2 pr-4">
                  {revision.version}
                  <span className="block text-xs text-muted">{revision.snapshot.title}</span>
                </td>
                <td className="py-2 pr-4">
                  {revision.createdBy
                    ? (revision.createdBy.name ?? revision.createdBy.email)
                    : 'Not recorded'}
                </td>
                <td className="py-2 pr-4">
                  <DateTime value={revision.createdAt} />
                </td>
                <td className="py-2">
                  {revision.version === currentVersion ? (
                    <span className="font-semibold">Current version</span>
                  ) : (
                    <RestoreForm
                      action={restore}
                      ownerId={ownerId}
                      revisionId={revision.id}
                      revisionVersion={revision.version}
                      currentVersion={currentVersion}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </section>
  );
}
