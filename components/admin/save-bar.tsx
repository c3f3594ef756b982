import type { ReactNode } from 'react';
import { FieldGroup } from './form-controls';

const primary =
  'rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60';
/** For more buttons of the bar, such as scheduling. */
export const secondaryButton =
  'rounded border border-navy bg-white px-4 py-2 font-semibold text-navy disabled:opacity-60';

interface Props {
  id: string;
  /** Set when editing one already saved; a new one can only be saved as a draft. */
  editing: boolean;
  pending: boolean;
  /** Whether it is on the site or due to be: a save then keeps it there. */
  published: boolean;
  canPublish: boolean;
  canUnpublish: boolean;
  /** Options of the save, above the buttons. */
  options?: ReactNode;
  /** More ways to publish, under the buttons. */
  children?: ReactNode;
}

/** The buttons of an editor's form: save, publish now, unpublish; each posts its intent. */
export function SaveBar({
  id,
  editing,
  pending,
  published,
  canPublish,
  canUnpublish,
  options,
  children,
}: Props) {
  return (
    <FieldGroup id={id} legend={editing ? 'Save and publish' : 'Save'}>
      <div className="mt-3 space-y-4">
        {options}
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" disabled={pending} className={primary}>
            {published ? 'Save' : 'Save draft'}
          </button>
          {canPublish && (
            <button
              type="submit"
              name="intent"
              value="publish"
              disabled={pending}
              className={secondaryButton}
            >
              Publish now
            </button>
          )}
          {canUnpublish && (
            <button
              type="submit"
              name="intent"
              value="unpublish"
              disabled={pending}
              className={secondaryButton}
            >
              Unpublish
            </button>
          )}
        </div>
        {children}
        <p role="status" className="text-sm text-muted">
          {pending ? 'Saving…' : ''}
        </p>
      </div>
    </FieldGroup>
  );
}
