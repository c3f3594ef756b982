import { relations } from 'drizzle-orm';
import { users } from './schema/auth';
import {
  articleAuthors,
  articleRevisions,
  articleTopics,
  articles,
  authors,
  documents,
  media,
  series,
  topics,
} from './schema/content';
import { donations, giftAidDeclarations, recurringGifts } from './schema/giving';

export const articlesRelations = relations(articles, ({ one, many }) => ({
  series: one(series, { fields: [articles.seriesId], references: [series.id] }),
  heroImage: one(media, { fields: [articles.heroImageId], references: [media.id] }),
  coverImage: one(media, { fields: [articles.coverImageId], references: [media.id] }),
  document: one(documents, { fields: [articles.documentId], references: [documents.id] }),
  authors: many(articleAuthors),
  topics: many(articleTopics),
  revisions: many(articleRevisions),
}));

export const articleAuthorsRelations = relations(articleAuthors, ({ one }) => ({
  article: one(articles, { fields: [articleAuthors.articleId], references: [articles.id] }),
  author: one(authors, { fields: [articleAuthors.authorId], references: [authors.id] }),
}));

export const articleTopicsRelations = relations(articleTopics, ({ one }) => ({
  article: one(articles, { fields: [articleTopics.articleId], references: [articles.id] }),
  topic: one(topics, { fields: [articleTopics.topicId], references: [topics.id] }),
}));

export const articleRevisionsRelations = relations(articleRevisions, ({ one }) => ({
  article: one(articles, { fields: [articleRevisions.articleId], references: [articles.id] }),
}));

export const authorsRelations = relations(authors, ({ one, many }) => ({
  photo: one(media, { fields: [authors.photoId], references: [media.id] }),
  user: one(users, { fields: [authors.userId], references: [users.id] }),
  articles: many(articleAuthors),
}));

export const seriesRelations = relations(series, ({ one, many }) => ({
  columnist: one(authors, { fields: [series.columnistId], references: [authors.id] }),
  articles: many(articles),
}));

export const topicsRelations = relations(topics, ({ many }) => ({
  articles: many(articleTopics),
}));

export const donationsRelations = relations(donations, ({ one }) => ({
  user: one(users, { fields: [donations.userId], references: [users.id] }),
  recurringGift: one(recurringGifts, {
    fields: [donations.recurringGiftId],
    references: [recurringGifts.id],
  }),
  giftAidDeclaration: one(giftAidDeclarations, {
    fields: [donations.giftAidDeclarationId],
    references: [giftAidDeclarations.id],
  }),
}));

export const recurringGiftsRelations = relations(recurringGifts, ({ one, many }) => ({
  user: one(users, { fields: [recurringGifts.userId], references: [users.id] }),
  donations: many(donations),
}));
