'use client';

import Image from 'next/image';
import Link from 'next/link';
import type { MediaChoice } from '@/lib/editorial/media-choices';
import { FieldGroup } from './form-controls';

interface Props {
  id: string;
  name: string;
  legend: string;
  choices: MediaChoice[];
  /** Controlled: the chosen id ('' for none), told of each change. */
  value?: string;
  onChange?: (choice: MediaChoice | null) => void;
  /** Uncontrolled: the id chosen when the form opens. */
  defaultValue?: string;
  error?: string;
}

/**
 * Choosing an image from the media library: a radio button per image, named by its alt text,
 * with a thumbnail beside it, and one for no image.
 */
export function MediaPicker({
  id,
  name,
  legend,
  choices,
  value,
  onChange,
  defaultValue,
  error,
}: Props) {
  const controlled = value !== undefined;
  const radio = (choiceId: string) =>
    controlled
      ? {
          checked: value === choiceId,
          onChange: () => onChange?.(choices.find((choice) => choice.id === choiceId) ?? null),
        }
      : { defaultChecked: (defaultValue ?? '') === choiceId };
  const option =
    'flex h-full cursor-pointer flex-col gap-2 rounded border border-rule bg-white p-2 text-sm has-checked:border-navy has-checked:ring-2 has-checked:ring-navy';
  return (
    <FieldGroup
      id={id}
      legend={legend}
      error={error}
      hint={
        <>
          {choices.length === 1
            ? 'The most recent image in the library, and any already chosen.'
            : `The ${choices.length} most recent images in the library, and any already chosen.`}{' '}
          Add images in the{' '}
          <Link href="/admin/media" className="underline">
            media library
          </Link>
          .
        </>
      }
    >
      <ul className="mt-3 grid max-h-[28rem] grid-cols-2 gap-3 overflow-y-auto p-1 sm:grid-cols-3 lg:grid-cols-4">
        <li>
          <label className={option}>
            <span className="flex items-center gap-2">
              <input type="radio" name={name} value="" {...radio('')} />
              No image
            </span>
          </label>
        </li>
        {choices.map((choice) => (
          <li key={choice.id}>
            <label className={option}>
              <span className="flex items-start gap-2">
                <input
                  type="radio"
                  name={name}
                  value={choice.id}
                  className="mt-1"
                  {...radio(choice.id)}
                />
                <span className="line-clamp-3">{choice.alt || 'Image without a description'}</span>
              </span>
              <Image
                src={choice.url}
                alt=""
                width={choice.width}
                height={choice.height}
                sizes="200px"
                className="h-24 w-full rounded-sm object-cover"
              />
              <span className="text-xs text-muted">
                {choice.width} × {choice.height}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}
