// Who is on which list, for administrators: subscribers are personal data, so editors, who run
// the lists, do not see them. The CSV export is audited.
import 'server-only';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import {
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  subscriptionSources,
  subscriptionStatuses,
  type SubscriptionSource,
  type SubscriptionStatus,
} from '@/db/schema';
import { recordAdminAction } from '@/lib/admin/audit';
import { toCsv } from '@/lib/admin/csv';
import type { CsvExport } from '@/lib/admin/donations/csv';
import {
  blankToUndefined,
  inOrder,
  invalid,
  optionalDay,
  orderIssue,
  withinDays,
  type Invalid,
} from '@/lib/admin/donations/filters';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { isSlug } from '@/lib/content/slug';
import { londonDay } from '@/lib/time/london';

export const subscriberFiltersSchema = z
  .object({
    list: z.preprocess(
      blankToUndefined,
      z.string().refine(isSlug, 'Choose a newsletter from the list.').optional(),
    ),
    status: z.preprocess(
      blankToUndefined,
      z.enum(subscriptionStatuses, 'Choose a status from the list.').optional(),
    ),
    source: z.preprocess(
      blankToUndefined,
      z.enum(subscriptionSources, 'Choose a source from the list.').optional(),
    ),
    from: optionalDay('start date'),
    to: optionalDay('end date'),
  })
  .refine(inOrder, orderIssue);

export type SubscriberFilters = z.output<typeof subscriberFiltersSchema>;
export type SubscriberFilterInput = Partial<Record<keyof SubscriberFilters | 'page', string>>;

export const subscribersPageSize = 50;

export interface SubscriberRow {
  email: string;
  list: string;
  listSlug: string;
  status: SubscriptionStatus;
  source: SubscriptionSource;
  consentText: string;
  consentAt: Date;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
}

// The dates filter on when consent was given (or last changed by the subscriber).
function matching(filters: SubscriberFilters) {
  return and(
    filters.list ? eq(newsletterLists.slug, filters.list) : undefined,
    filters.status ? eq(newsletterSubscriptions.status, filters.status) : undefined,
    filters.source ? eq(newsletterSubscriptions.source, filters.source) : undefined,
    withinDays(newsletterSubscriptions.consentAt, filters.from, filters.to),
  );
}

function selectRows(db: Transaction) {
  return db
    .select({
      email: newsletterSubscribers.email,
      list: newsletterLists.name,
      listSlug: newsletterLists.slug,
      status: newsletterSubscriptions.status,
      source: newsletterSubscriptions.source,
      consentText: newsletterSubscriptions.consentText,
      consentAt: newsletterSubscriptions.consentAt,
      confirmedAt: newsletterSubscriptions.confirmedAt,
      unsubscribedAt: newsletterSubscriptions.unsubscribedAt,
    })
    .from(newsletterSubscriptions)
    .innerJoin(
      newsletterSubscribers,
      eq(newsletterSubscribers.id, newsletterSubscriptions.subscriberId),
    )
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterSubscriptions.listId));
}

export type SubscriberPage =
  { ok: true; rows: SubscriberRow[]; total: number; page: number; pages: number } | Invalid;

/** One page of subscriptions matching the filters, the latest consent first. */
export async function listSubscribers(
  actor: Actor,
  input: SubscriberFilterInput,
): Promise<SubscriberPage> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const parsed = subscriberFiltersSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const where = matching(parsed.data);
    const [counted] = await tx
      .select({ n: count() })
      .from(newsletterSubscriptions)
      .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterSubscriptions.listId))
      .where(where);
    const total = counted?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / subscribersPageSize));
    const page = Math.min(pages, Math.max(1, Number.parseInt(input.page ?? '1', 10) || 1));
    const rows = await selectRows(tx)
      .where(where)
      .orderBy(desc(newsletterSubscriptions.consentAt), asc(newsletterSubscribers.email))
      .limit(subscribersPageSize)
      .offset((page - 1) * subscribersPageSize);
    return { ok: true, rows, total, page, pages };
  });
}

export const subscriberCsvHeader = [
  'E-mail',
  'List',
  'Status',
  'Source',
  'Consent wording',
  'Consent at (UTC)',
  'Confirmed at (UTC)',
  'Unsubscribed at (UTC)',
] as const;

/**
 * Every subscription matching the filters as CSV, one row per address and list, with the
 * consent behind it: the same columns an import reads. The export is audited.
 */
export async function subscribersCsv(
  actor: Actor,
  input: SubscriberFilterInput,
): Promise<CsvExport | Invalid> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const parsed = subscriberFiltersSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const filters = parsed.data;
    const rows = await selectRows(tx)
      .where(matching(filters))
      .orderBy(asc(newsletterLists.slug), asc(newsletterSubscribers.email));
    await recordAdminAction(tx, actor, 'newsletter_subscribers.exported', {
      filters,
      rows: rows.length,
    });
    const csv = toCsv(
      subscriberCsvHeader,
      rows.map((row) => [
        row.email,
        row.listSlug,
        row.status,
        row.source,
        row.consentText,
        row.consentAt.toISOString(),
        row.confirmedAt?.toISOString() ?? '',
        row.unsubscribedAt?.toISOString() ?? '',
      ]),
    );
    const name = ['newsletter-subscribers', filters.list, londonDay(new Date())]
      .filter(Boolean)
      .join('-');
    return { ok: true, csv, filename: `${name}.csv`, rowCount: rows.length };
  });
}
