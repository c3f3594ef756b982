import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { violatedConstraint } from '@/db/errors';
import { funders, fundingYears, type Funder, type FunderBand } from '@/db/schema';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { moveContentVersion } from '@/lib/cache/content-watch';
import { isId } from '@/lib/editorial/article-record';
import { recordAudit } from '@/lib/editorial/audit';
import { revalidateContent, type Revalidator } from '@/lib/editorial/revalidate';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { bandsHighestFirst } from './bands';
import { funderInputSchema, fundingYearInputSchema, yearSchema } from './funding-input';

// The public funding page reads these through the `funding` cache tag (lib/pages/cached.ts).
const fundingTag = 'funding';

export type FundingSaveResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; reason: 'not-found' };
export type FundingDeleteResult = { ok: true } | { ok: false; reason: 'not-found' };

/** A year of the funding report: its total income (if recorded) and its funders. */
export interface FundingYearReport {
  year: number;
  totalIncomePence: number | null;
  note: string;
  funders: Pick<Funder, 'id' | 'name' | 'band' | 'purpose' | 'url'>[];
}

const bandRank = (band: FunderBand) => bandsHighestFirst.indexOf(band);

/**
 * Every year with income or funders recorded, newest first; in each, the funders highest band
 * first, then by name.
 */
export async function getFundingReport(): Promise<FundingYearReport[]> {
  const db = getDb();
  const [years, rows] = await Promise.all([
    db.select().from(fundingYears).orderBy(desc(fundingYears.year)),
    db
      .select({
        id: funders.id,
        name: funders.name,
        band: funders.band,
        year: funders.year,
        purpose: funders.purpose,
        url: funders.url,
      })
      .from(funders)
      .orderBy(asc(funders.name)),
  ]);
  const report = new Map<number, FundingYearReport>();
  for (const year of years) {
    report.set(year.year, {
      year: year.year,
      totalIncomePence: year.totalIncomePence,
      note: year.note,
      funders: [],
    });
  }
  for (const { year, ...funder } of rows) {
    if (!report.has(year))
      report.set(year, { year, totalIncomePence: null, note: '', funders: [] });
    report.get(year)!.funders.push(funder);
  }
  for (const entry of report.values()) {
    entry.funders.sort((a, b) => bandRank(a.band) - bandRank(b.band));
  }
  return [...report.values()].sort((a, b) => b.year - a.year);
}

export async function getFunder(id: string): Promise<Funder | null> {
  if (!isId(id)) return null;
  const [row] = await getDb().select().from(funders).where(eq(funders.id, id));
  return row ?? null;
}

export async function getFundingYear(year: number) {
  if (!yearSchema.safeParse(year).success) return null;
  const [row] = await getDb().select().from(fundingYears).where(eq(fundingYears.year, year));
  return row ?? null;
}

/**
 * Runs a change to the funding data as an admin in one transaction; the funding page is built
 * from it, so the content version moves with the change and the page's data is revalidated
 * once it has committed.
 */
async function fundingWrite<T extends { ok: boolean }>(
  actor: Actor,
  work: (tx: Transaction) => Promise<T>,
  revalidate: Revalidator,
): Promise<T> {
  const result = await getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const done = await work(tx);
    if (done.ok) await moveContentVersion(tx);
    return done;
  });
  if (result.ok) revalidate([fundingTag]);
  return result;
}

const invalid = (errors: FieldErrors) =>
  ({ ok: false, reason: 'invalid', fieldErrors: errors }) as const;
const notFound = { ok: false, reason: 'not-found' } as const;

/**
 * Adds a funder (`id` null) or changes one, as an admin, with an audit row. A funder appears
 * once a year: a second entry of the same name and year is refused with a message saying so.
 */
export async function saveFunder(
  actor: Actor,
  id: string | null,
  input: unknown,
  revalidate: Revalidator = revalidateContent,
): Promise<FundingSaveResult> {
  const parsed = funderInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  if (id !== null && !isId(id)) return notFound;
  const values = parsed.data;
  try {
    return await fundingWrite(
      actor,
      async (tx): Promise<FundingSaveResult> => {
        if (id === null) {
          const [row] = await tx.insert(funders).values(values).returning({ id: funders.id });
          await recordAudit(tx, actor, 'funder.created', row!.id, values);
          return { ok: true, id: row!.id };
        }
        const [before] = await tx.select().from(funders).where(eq(funders.id, id)).for('update');
        if (!before) return notFound;
        await tx.update(funders).set(values).where(eq(funders.id, id));
        const { name, band, year, purpose, url } = before;
        await recordAudit(tx, actor, 'funder.updated', id, {
          ...values,
          before: { name, band, year, purpose, url },
        });
        return { ok: true, id };
      },
      revalidate,
    );
  } catch (error) {
    if (violatedConstraint(error, '23505') === 'funders_name_year_unique') {
      return invalid({
        name: `${values.name} is already listed for ${values.year}. Edit that entry instead, or check the year.`,
      });
    }
    throw error;
  }
}

export async function deleteFunder(
  actor: Actor,
  id: string,
  revalidate: Revalidator = revalidateContent,
): Promise<FundingDeleteResult> {
  if (!isId(id)) return notFound;
  return fundingWrite(
    actor,
    async (tx): Promise<FundingDeleteResult> => {
      const [row] = await tx
        .delete(funders)
        .where(eq(funders.id, id))
        .returning({ name: funders.name, year: funders.year, band: funders.band });
      if (!row) return notFound;
      await recordAudit(tx, actor, 'funder.deleted', id, row);
      return { ok: true };
    },
    revalidate,
  );
}

/**
 * Records a year's total income (`year` null), or changes a recorded year, as an admin, with an
 * audit row. Each year is recorded once.
 */
export async function saveFundingYear(
  actor: Actor,
  year: number | null,
  input: unknown,
  revalidate: Revalidator = revalidateContent,
): Promise<FundingSaveResult> {
  const parsed = fundingYearInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { year: newYear, totalIncome, note } = parsed.data;
  const values = { year: newYear, totalIncomePence: totalIncome, note };
  try {
    return await fundingWrite(
      actor,
      async (tx): Promise<FundingSaveResult> => {
        if (year === null) {
          await tx.insert(fundingYears).values(values);
          await recordAudit(tx, actor, 'funding_year.created', String(newYear), values);
          return { ok: true, id: String(newYear) };
        }
        const [before] = await tx
          .select()
          .from(fundingYears)
          .where(eq(fundingYears.year, year))
          .for('update');
        if (!before) return notFound;
        await tx.update(fundingYears).set(values).where(eq(fundingYears.year, year));
        await recordAudit(tx, actor, 'funding_year.updated', String(newYear), {
          ...values,
          before: {
            year: before.year,
            totalIncomePence: before.totalIncomePence,
            note: before.note,
          },
        });
        return { ok: true, id: String(newYear) };
      },
      revalidate,
    );
  } catch (error) {
    if (violatedConstraint(error, '23505') === 'funding_years_pkey') {
      return invalid({
        year: `The income for ${newYear} is already recorded. Edit that year instead.`,
      });
    }
    throw error;
  }
}

export async function deleteFundingYear(
  actor: Actor,
  year: number,
  revalidate: Revalidator = revalidateContent,
): Promise<FundingDeleteResult> {
  if (!yearSchema.safeParse(year).success) return notFound;
  return fundingWrite(
    actor,
    async (tx): Promise<FundingDeleteResult> => {
      const [row] = await tx
        .delete(fundingYears)
        .where(eq(fundingYears.year, year))
        .returning({ year: fundingYears.year, totalIncomePence: fundingYears.totalIncomePence });
      if (!row) return notFound;
      await recordAudit(tx, actor, 'funding_year.deleted', String(year), row);
      return { ok: true };
    },
    revalidate,
  );
}
