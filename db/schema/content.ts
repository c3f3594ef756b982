import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  bigserial,
  jsonb,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { isNotBlank, isSlug, timestamps } from './columns';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Where the storage module keeps the file: a path under public/ or an object-storage key.
    storageKey: text('storage_key').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    alt: text('alt').notNull().default(''),
    credit: text('credit'),
    uploadedById: text('uploaded_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    check(
      'media_mime_type_is_image',
      sql`${table.mimeType} in ('image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif')`,
    ),
    check('media_dimensions_positive', sql`${table.width} > 0 and ${table.height} > 0`),
    check('media_bytes_positive', sql`${table.bytes} > 0`),
  ],
);

/**
 * A publication's PDF: checked to be a PDF by its content, stored under the SHA-256 of its bytes
 * (lib/publications/documents.ts), with its page count and text read once on upload.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: text('storage_key').notNull().unique(),
    bytes: integer('bytes').notNull(),
    pageCount: integer('page_count').notNull(),
    // The name on the editor's computer, offered as the download's name.
    filename: text('filename').notNull(),
    // The text inside, for search; never served to a reader who may not read the publication.
    text: text('text').notNull().default(''),
    uploadedById: text('uploaded_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    check('documents_bytes_positive', sql`${table.bytes} > 0`),
    check('documents_page_count_positive', sql`${table.pageCount} > 0`),
    check('documents_filename_not_blank', isNotBlank(table.filename)),
  ],
);

export const personRoles = ['fellow', 'staff', 'trustee', 'associate'] as const;
export const personRole = pgEnum('person_role', personRoles);

export const authors = pgTable(
  'authors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    jobTitle: text('job_title'),
    bio: text('bio').notNull().default(''),
    photoId: uuid('photo_id').references(() => media.id, { onDelete: 'set null' }),
    role: personRole('role').notNull().default('fellow'),
    // Journalists may contact them directly: shown on their page only when this is set.
    acceptsMedia: boolean('accepts_media').notNull().default(false),
    mediaEmail: text('media_email'),
    mediaPhone: text('media_phone'),
    // An expert who also edits or signs in links to their account.
    userId: text('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    check('authors_slug_format', isSlug(table.slug)),
    check('authors_name_not_blank', isNotBlank(table.name)),
    check(
      'authors_media_contact_given',
      sql`not ${table.acceptsMedia} or ${table.mediaEmail} is not null or ${table.mediaPhone} is not null`,
    ),
  ],
);

export const series = pgTable(
  'series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // Set for a personal column, such as one expert's regular report.
    columnistId: uuid('columnist_id').references(() => authors.id, { onDelete: 'restrict' }),
    ...timestamps(),
  },
  (table) => [
    check('series_slug_format', isSlug(table.slug)),
    check('series_name_not_blank', isNotBlank(table.name)),
  ],
);

export const topicKinds = ['topic', 'region'] as const;
export const topicKind = pgEnum('topic_kind', topicKinds);

export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: topicKind('kind').notNull().default('topic'),
    description: text('description').notNull().default(''),
    ...timestamps(),
  },
  (table) => [
    check('topics_slug_format', isSlug(table.slug)),
    check('topics_name_not_blank', isNotBlank(table.name)),
  ],
);

export const articleKinds = [
  'analysis',
  'commentary',
  'report',
  'briefing',
  'interview',
  'paper',
  'press-release',
] as const;
// The kinds listed on /publications, which may carry a PDF and key findings.
export const publicationKinds = ['report', 'briefing', 'paper'] as const;
export const articleKind = pgEnum('article_kind', articleKinds);
export const articleStatuses = ['draft', 'scheduled', 'published'] as const;
export const articleStatus = pgEnum('article_status', articleStatuses);
// 'tiers': only members of the tiers named in article_tiers (db/schema/membership.ts).
export const articleVisibilities = ['public', 'members', 'tiers'] as const;
export const articleVisibility = pgEnum('article_visibility', articleVisibilities);

export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    kind: articleKind('kind').notNull().default('analysis'),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    body: text('body').notNull().default(''),
    status: articleStatus('status').notNull().default('draft'),
    visibility: articleVisibility('visibility').notNull().default('public'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // The date shown as "Updated", set by an editor for a substantive change, not every save.
    revisedAt: timestamp('revised_at', { withTimezone: true }),
    seriesId: uuid('series_id').references(() => series.id, { onDelete: 'restrict' }),
    heroImageId: uuid('hero_image_id').references(() => media.id, { onDelete: 'restrict' }),
    heroAlt: text('hero_alt'),
    heroCaption: text('hero_caption'),
    heroCredit: text('hero_credit'),
    externalSourceName: text('external_source_name'),
    externalSourceUrl: text('external_source_url'),
    externalPublishedAt: timestamp('external_published_at', { withTimezone: true }),
    // A publication's PDF (db/schema/institution.ts), and its text copied here when it is chosen,
    // so the search vector (generated from this row alone) can weigh it like the body.
    documentId: uuid('document_id').references(() => documents.id, {
      onDelete: 'restrict',
    }),
    documentText: text('document_text').notNull().default(''),
    coverImageId: uuid('cover_image_id').references(() => media.id, { onDelete: 'restrict' }),
    coverAlt: text('cover_alt'),
    // Markdown, shown in a box at the top: usually a short list.
    keyFindings: text('key_findings').notNull().default(''),
    isbn: text('isbn'),
    doi: text('doi'),
    // Optimistic concurrency: a save names the version it started from.
    version: integer('version').notNull().default(1),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    // The names the article is also found by: its experts' and its series'. Kept by triggers
    // on the bylines, experts and series (db/migrations/0005_search_names_and_spellings.sql),
    // so a renamed expert or retitled series is found under the new name at once.
    searchNames: text('search_names').notNull().default(''),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): ReturnType<typeof sql> =>
          sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(search_names, '')), 'B') || setweight(to_tsvector('english', coalesce(standfirst, '')), 'C') || setweight(to_tsvector('english', coalesce(body, '') || ' ' || coalesce(document_text, '')), 'D')`,
      ),
    // All but the body: what a reader who may not read the body can search.
    summaryVector: tsvector('summary_vector')
      .notNull()
      .generatedAlwaysAs(
        (): ReturnType<typeof sql> =>
          sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(search_names, '')), 'B') || setweight(to_tsvector('english', coalesce(standfirst, '')), 'C')`,
      ),
    ...timestamps(),
  },
  (table) => [
    check('articles_slug_format', isSlug(table.slug)),
    check('articles_title_not_blank', isNotBlank(table.title)),
    check('articles_version_positive', sql`${table.version} >= 1`),
    check(
      'articles_dated_unless_draft',
      sql`${table.status} = 'draft' or ${table.publishedAt} is not null`,
    ),
    check(
      'articles_revised_after_published',
      sql`${table.revisedAt} is null or (${table.publishedAt} is not null and ${table.revisedAt} >= ${table.publishedAt})`,
    ),
    check(
      'articles_hero_has_alt',
      sql`${table.heroImageId} is null or char_length(btrim(coalesce(${table.heroAlt}, ''))) > 0`,
    ),
    check(
      'articles_external_source_complete',
      sql`(${table.externalSourceName} is null) = (${table.externalSourceUrl} is null)`,
    ),
    check(
      'articles_cover_has_alt',
      sql`${table.coverImageId} is null or char_length(btrim(coalesce(${table.coverAlt}, ''))) > 0`,
    ),
    check(
      'articles_document_text_only_with_document',
      sql`${table.documentId} is not null or ${table.documentText} = ''`,
    ),
    check(
      'articles_external_source_url_http',
      sql`${table.externalSourceUrl} is null or ${table.externalSourceUrl} ~ '^https?://'`,
    ),
    // Listings seek in (published_at, id) order, newest first (lib/content/queries/keyset.ts),
    // nulls first as in a plain ORDER BY … DESC; the partial index holds the rows isLive() can
    // match.
    index('articles_live_idx')
      .on(table.publishedAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`${table.status} in ('published', 'scheduled')`),
    index('articles_series_idx').on(
      table.seriesId,
      table.publishedAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('articles_updated_idx').on(
      table.updatedAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // A PDF belongs to one publication, so who may download it follows that publication alone.
    uniqueIndex('articles_document_unique')
      .on(table.documentId)
      .where(sql`${table.documentId} is not null`),
    index('articles_search_idx').using('gin', table.searchVector),
    index('articles_summary_search_idx').using('gin', table.summaryVector),
  ],
);

export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.authorId] }),
    unique('article_authors_position_unique').on(table.articleId, table.position),
    // With the article id, listings by author or topic read the index alone.
    index('article_authors_author_idx').on(table.authorId, table.articleId),
    check('article_authors_position_nonnegative', sql`${table.position} >= 0`),
  ],
);

export const articleTopics = pgTable(
  'article_topics',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'restrict' }),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.topicId] }),
    index('article_topics_topic_idx').on(table.topicId, table.articleId),
  ],
);

export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references((): AnyPgColumn => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    // The article's editable fields as they were saved at this version.
    snapshot: jsonb('snapshot').notNull(),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('article_revisions_version_unique').on(table.articleId, table.version)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    detail: jsonb('detail').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_log_created_idx').on(table.createdAt.desc()),
    check('audit_log_action_not_blank', isNotBlank(table.action)),
  ],
);

/**
 * One row: a number that every editorial change moves on, in the change's own transaction. Each
 * server process reads it every few seconds and drops the rendered pages and search results it
 * keeps when it has moved, so that a change made through one instance of the site reaches the
 * readers of every instance (lib/cache/content-watch.ts).
 */
export const contentVersion = pgTable(
  'content_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (table) => [check('content_version_one_row', sql`${table.id} = 1`)],
);

export type Media = typeof media.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type Author = typeof authors.$inferSelect;
export type Series = typeof series.$inferSelect;
export type Topic = typeof topics.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type ArticleKind = (typeof articleKinds)[number];
export type ArticleStatus = (typeof articleStatuses)[number];
export type ArticleVisibility = (typeof articleVisibilities)[number];
export type TopicKind = (typeof topicKinds)[number];
export type PersonRole = (typeof personRoles)[number];
export type PublicationKind = (typeof publicationKinds)[number];
