'use client';

import { OrderedPicker } from '@/components/admin/ordered-picker.client';

interface Option {
  id: string;
  name: string;
}

interface Props {
  id: string;
  experts: Option[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

const words = {
  legend: 'Authors, in byline order',
  hint: 'At least one. The first named leads the byline.',
  empty: 'No authors yet.',
  addLabel: 'Add an author',
  choose: 'Choose an expert…',
  addButton: 'Add to byline',
  place: 'the byline',
  unknown: 'An expert no longer listed',
};

/** The byline: experts added from a list, in the order readers will see them. */
export function AuthorPicker({ id, experts, value, onChange, error }: Props) {
  return (
    <OrderedPicker
      id={id}
      name="authorIds"
      options={experts}
      value={value}
      onChange={onChange}
      words={words}
      error={error}
    />
  );
}
