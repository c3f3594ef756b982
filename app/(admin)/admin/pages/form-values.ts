import type { EditorFormState } from '@/components/admin/form-state';
import type { PageSnapshot, PageUpdateInput } from '@/lib/pages/page-input';

/** The page form's fields as the browser holds them. */
export interface PageFormValues {
  title: string;
  slug: string;
  summary: string;
  body: string;
  inNavigation: boolean;
  inFooter: boolean;
  menuLabel: string;
  menuPosition: string;
  showsFunders: boolean;
}

export type PageField = keyof PageFormValues;

export const pageFieldLabels: Record<PageField, string> = {
  title: 'Title',
  slug: 'Slug',
  summary: 'Summary',
  body: 'Body',
  inNavigation: 'Show in the navigation',
  inFooter: 'Show in the footer',
  menuLabel: 'Menu label',
  menuPosition: 'Menu position',
  showsFunders: 'Show the funders table',
};

export const emptyPageValues: PageFormValues = {
  title: '',
  slug: '',
  summary: '',
  body: '',
  inNavigation: false,
  inFooter: false,
  menuLabel: '',
  menuPosition: '',
  showsFunders: false,
};

export function pageValuesFromSnapshot(snapshot: PageSnapshot): PageFormValues {
  return {
    ...snapshot,
    menuLabel: snapshot.menuLabel ?? '',
    menuPosition: String(snapshot.menuPosition),
  };
}

/** The form's fields, as posted, in the shape the lib's schemas read. */
export function pageInputFromForm(form: FormData): PageUpdateInput {
  const text = (name: PageField) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    title: text('title'),
    slug: text('slug'),
    summary: text('summary'),
    body: text('body'),
    inNavigation: form.get('inNavigation') === 'on',
    inFooter: form.get('inFooter') === 'on',
    menuLabel: text('menuLabel'),
    menuPosition: text('menuPosition'),
    showsFunders: form.get('showsFunders') === 'on',
    expectedVersion: Number(form.get('expectedVersion')),
  };
}

const shown = (value: string | boolean) =>
  typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value.trim() || '(blank)';

/** The fields where two versions of the form differ, as text, in the form's order. */
export function differingFields(theirs: PageFormValues, mine: PageFormValues) {
  return (Object.keys(pageFieldLabels) as PageField[])
    .filter((field) => shown(theirs[field]) !== shown(mine[field]))
    .map((field) => ({
      field,
      label: pageFieldLabels[field],
      theirs: shown(theirs[field]),
      mine: shown(mine[field]),
    }));
}

/** What an action answers the page form with. */
export type PageFormState = EditorFormState<PageFormValues, 'saved' | 'published' | 'unpublished'>;
