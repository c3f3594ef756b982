import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articles,
  authors,
  donations,
  media,
  rateLimits,
  series,
  topics,
  users,
  type NewArticle,
} from '@/db/schema';

// Drizzle wraps driver errors; the PostgreSQL error (with its code and constraint) is the cause.
async function rejection(promise: PromiseLike<unknown>) {
  try {
    await promise;
  } catch (error) {
    const cause =
      (
        error as {
          cause?: {
            code?: string;
            constraint?: string;
            constraint_name?: string;
            message?: string;
          };
        }
      ).cause ?? (error as never);
    return {
      code: cause.code,
      constraint: cause.constraint ?? cause.constraint_name,
      message: String(cause.message),
    };
  }
  throw new Error('expected the database to reject the row');
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

function article(overrides: Partial<NewArticle> = {}): NewArticle {
  return { slug: unique('article'), title: 'A title', ...overrides };
}

describe('schema constraints', () => {
  it('accepts a well-formed draft and published article', async () => {
    const db = getDb();
    await db.insert(articles).values(article());
    await db.insert(articles).values(article({ status: 'published', publishedAt: new Date() }));
  });

  it('rejects a duplicate slug', async () => {
    const db = getDb();
    const slug = unique('dup');
    await db.insert(articles).values(article({ slug }));
    expect(await rejection(db.insert(articles).values(article({ slug })))).toMatchObject({
      code: '23505',
      constraint: 'articles_slug_unique',
    });
  });

  it.each([
    ['Has Capitals', 'articles_slug_format'],
    ['trailing-', 'articles_slug_format'],
    ['spaces in it', 'articles_slug_format'],
  ])('rejects the slug %j', async (slug, constraint) => {
    expect(await rejection(getDb().insert(articles).values(article({ slug })))).toMatchObject({
      code: '23514',
      constraint,
    });
  });

  it.each<[string, Partial<NewArticle>, string]>([
    ['a blank title', { title: '   ' }, 'articles_title_not_blank'],
    ['a published article without a date', { status: 'published' }, 'articles_dated_unless_draft'],
    ['a scheduled article without a date', { status: 'scheduled' }, 'articles_dated_unless_draft'],
    [
      'half an external source',
      { externalSourceName: 'The Review' },
      'articles_external_source_complete',
    ],
    [
      'an external source that is not a web link',
      { externalSourceName: 'The Review', externalSourceUrl: 'javascript:alert(1)' },
      'articles_external_source_url_http',
    ],
    ['a version below 1', { version: 0 }, 'articles_version_positive'],
  ])('rejects %s', async (_label, overrides, constraint) => {
    expect(await rejection(getDb().insert(articles).values(article(overrides)))).toMatchObject({
      code: '23514',
      constraint,
    });
  });

  it('rejects a hero image without alt text', async () => {
    const db = getDb();
    const [image] = await db
      .insert(media)
      .values({
        storageKey: unique('img'),
        mimeType: 'image/jpeg',
        width: 10,
        height: 10,
        bytes: 100,
      })
      .returning();
    expect(
      await rejection(
        db.insert(articles).values(article({ heroImageId: image!.id, heroAlt: ' ' })),
      ),
    ).toMatchObject({ code: '23514', constraint: 'articles_hero_has_alt' });
  });

  it('rejects a file that is not an image', async () => {
    expect(
      await rejection(
        getDb()
          .insert(media)
          .values({
            storageKey: unique('doc'),
            mimeType: 'text/html',
            width: 1,
            height: 1,
            bytes: 1,
          }),
      ),
    ).toMatchObject({ code: '23514', constraint: 'media_mime_type_is_image' });
  });

  it('rejects a value outside an enum', async () => {
    const result = await rejection(
      getDb()
        .insert(articles)
        .values(article({ kind: 'gossip' as never })),
    );
    expect(result.code).toBe('22P02');
  });

  it('rejects a byline naming an author that does not exist', async () => {
    const db = getDb();
    const [row] = await db.insert(articles).values(article()).returning();
    expect(
      await rejection(
        db.insert(articleAuthors).values({
          articleId: row!.id,
          authorId: '00000000-0000-4000-8000-000000000000',
          position: 0,
        }),
      ),
    ).toMatchObject({ code: '23503' });
  });

  it('refuses to delete an author who still has bylines', async () => {
    const db = getDb();
    const [author] = await db
      .insert(authors)
      .values({ slug: unique('author'), name: 'A. Writer' })
      .returning();
    const [row] = await db.insert(articles).values(article()).returning();
    await db
      .insert(articleAuthors)
      .values({ articleId: row!.id, authorId: author!.id, position: 0 });
    const result = await rejection(db.delete(authors).where(eq(authors.id, author!.id)));
    // PostgreSQL 18 reports ON DELETE RESTRICT as restrict_violation; earlier versions as 23503.
    expect(['23503', '23001']).toContain(result.code);
  });

  it('rejects two bylines in the same position', async () => {
    const db = getDb();
    const made = await db
      .insert(authors)
      .values([
        { slug: unique('author'), name: 'First' },
        { slug: unique('author'), name: 'Second' },
      ])
      .returning();
    const [row] = await db.insert(articles).values(article()).returning();
    await db
      .insert(articleAuthors)
      .values({ articleId: row!.id, authorId: made[0]!.id, position: 0 });
    expect(
      await rejection(
        db
          .insert(articleAuthors)
          .values({ articleId: row!.id, authorId: made[1]!.id, position: 0 }),
      ),
    ).toMatchObject({ code: '23505', constraint: 'article_authors_position_unique' });
  });

  it('rejects duplicate series and topic slugs', async () => {
    const db = getDb();
    await db.insert(series).values({ slug: 'the-column', name: 'The Column' });
    expect(
      await rejection(db.insert(series).values({ slug: 'the-column', name: 'Again' })),
    ).toMatchObject({
      code: '23505',
    });
    await db.insert(topics).values({ slug: 'energy', name: 'Energy' });
    expect(
      await rejection(db.insert(topics).values({ slug: 'energy', name: 'Energy 2' })),
    ).toMatchObject({
      code: '23505',
    });
  });

  it.each([
    ['Person@Example.org', 'users_email_lowercase'],
    ['no-at-sign', 'users_email_format'],
  ])('rejects the e-mail address %j', async (email, constraint) => {
    expect(await rejection(getDb().insert(users).values({ email }))).toMatchObject({
      code: '23514',
      constraint,
    });
  });

  it('rejects a second account with the same e-mail', async () => {
    const db = getDb();
    await db.insert(users).values({ email: 'twice@example.org' });
    expect(await rejection(db.insert(users).values({ email: 'twice@example.org' }))).toMatchObject({
      code: '23505',
      constraint: 'users_email_unique',
    });
  });

  it.each([
    ['a zero amount', { amountMinor: 0 }, 'donations_amount_range'],
    ['a negative amount', { amountMinor: -500 }, 'donations_amount_range'],
    ['a lower-case currency', { currency: 'gbp' }, 'donations_currency_code'],
    [
      'a refund larger than the gift',
      { refundedAmountMinor: 5000 },
      'donations_refund_within_amount',
    ],
    [
      'a succeeded gift with no payment date',
      { status: 'succeeded' as const },
      'donations_paid_when_succeeded',
    ],
  ])('rejects a donation with %s', async (_label, overrides, constraint) => {
    const values = {
      frequency: 'one_off' as const,
      amountMinor: 2500,
      currency: 'GBP',
      ...overrides,
    };
    expect(await rejection(getDb().insert(donations).values(values))).toMatchObject({
      code: '23514',
      constraint,
    });
  });

  it('rejects a duplicate Stripe checkout session on two donations', async () => {
    const db = getDb();
    const values = {
      frequency: 'one_off' as const,
      amountMinor: 2500,
      currency: 'GBP',
      stripeCheckoutSessionId: 'cs_test_dup',
    };
    await db.insert(donations).values(values);
    expect(await rejection(db.insert(donations).values(values))).toMatchObject({ code: '23505' });
  });

  it('rejects a rate-limit window that ends before it starts', async () => {
    const now = new Date();
    expect(
      await rejection(
        getDb()
          .insert(rateLimits)
          .values({ bucket: 'sign-in', subject: 'ip', windowStart: now, expiresAt: now }),
      ),
    ).toMatchObject({ code: '23514', constraint: 'rate_limits_window_order' });
  });
});
