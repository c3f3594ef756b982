import { getSiteConfig } from '@/lib/config/site';
import type { Transaction } from '../../client';
import { funders, fundingYears, pages } from '../../schema';
import { seedFunders, seedFundingYears, seedPages } from './pages';

/** The institution's pages, published, and its funders; rows that exist are left as they are. */
export async function seedInstitutionPages(
  tx: Transaction,
  created: { pages: number; funders: number },
) {
  const insertedPages = await tx
    .insert(pages)
    .values(
      seedPages(getSiteConfig().charity).map((page) => ({
        ...page,
        status: 'published' as const,
        publishedAt: new Date('2026-01-05T09:00:00Z'),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: pages.id });
  created.pages += insertedPages.length;
  const insertedFunders = await tx
    .insert(funders)
    .values(seedFunders)
    .onConflictDoNothing()
    .returning({ id: funders.id });
  created.funders += insertedFunders.length;
  await tx.insert(fundingYears).values(seedFundingYears).onConflictDoNothing();
}
