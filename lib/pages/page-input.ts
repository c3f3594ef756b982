import { z } from 'zod';
import {
  longText,
  optionalLine,
  optionalSlug,
  requiredLine,
  textLine,
} from '@/lib/editorial/fields';
import { isReservedSlug } from './reserved-slugs';

const reservedMessage =
  'This web address belongs to another part of the site. Choose another, such as “about-us”.';

// A form posts "on" for a ticked box and nothing for an unticked one; code passes booleans.
const tick = z
  .union([z.boolean(), z.literal('on'), z.literal('')], { error: 'Tick the box, or leave it.' })
  .nullish()
  .transform((value) => value === true || value === 'on');

const notWhole = 'Enter the position as a whole number, such as 10.';

/** Blank means “after the last page in its menus”, settled when the page is saved. */
const menuPosition = z
  .union([z.number(), z.string().trim()], { error: notWhole })
  .nullish()
  .transform((value) => (value === '' || value == null ? null : Number(value)))
  .pipe(
    z
      .number({ error: notWhole })
      .int(notWhole)
      .min(0, 'Enter a position of 0 or more.')
      .max(1000, 'Enter a position of 1,000 or less.')
      .nullable(),
  );

/** The page form: every editable field of a page. */
export const pageInputSchema = z.object({
  title: requiredLine('Give the page a title.', 200, 'Keep the title to 200 characters or fewer.'),
  slug: optionalSlug.refine((slug) => slug === null || !isReservedSlug(slug), reservedMessage),
  summary: textLine(300, 'Keep the summary to 300 characters or fewer.'),
  body: longText(200_000, 'The body is too long: keep it under 200,000 characters.'),
  inNavigation: tick,
  inFooter: tick,
  menuLabel: optionalLine(40, 'Keep the menu label to 40 characters or fewer.'),
  menuPosition,
  showsFunders: tick,
});

/** The form when editing: also the version the editor started from. */
export const pageUpdateSchema = pageInputSchema.extend({
  expectedVersion: z.coerce
    .number({ error: 'This form has lost track of its version. Reload the page.' })
    .int('This form has lost track of its version. Reload the page.')
    .min(1, 'This form has lost track of its version. Reload the page.'),
});

export type PageInput = z.input<typeof pageInputSchema>;
export type PageFields = z.output<typeof pageInputSchema>;
export type PageUpdateInput = z.input<typeof pageUpdateSchema>;

/** The editable fields as saved in a revision, with the slug and the menu position settled. */
export type PageSnapshot = Omit<PageFields, 'slug' | 'menuPosition'> & {
  slug: string;
  menuPosition: number;
};

export function toPageSnapshot(
  fields: PageFields,
  slug: string,
  menuPosition: number,
): PageSnapshot {
  return {
    title: fields.title,
    slug,
    summary: fields.summary,
    body: fields.body,
    inNavigation: fields.inNavigation,
    inFooter: fields.inFooter,
    menuLabel: fields.menuLabel,
    menuPosition,
    showsFunders: fields.showsFunders,
  };
}
