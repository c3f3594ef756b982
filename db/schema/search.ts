import { sql } from 'drizzle-orm';
import { check, customType, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';

const tsquery = customType<{ data: string }>({ dataType: () => 'tsquery' });

/**
 * British and American spellings of one word, each with the lexeme the English stemmer makes of
 * it. Search rewrites a query's lexeme to both (the function search_query), so "defense" finds
 * "defence" and back. Only pairs whose lexemes differ are kept: travelled and traveled are both
 * "travel" already. Seeded by db/migrations/0005_search_names_and_spellings.sql.
 */
export const spellingVariants = pgTable(
  'spelling_variants',
  {
    british: text('british').notNull(),
    american: text('american').notNull(),
    britishLexeme: tsquery('british_lexeme')
      .notNull()
      .generatedAlwaysAs(sql`plainto_tsquery('english', british)`),
    americanLexeme: tsquery('american_lexeme')
      .notNull()
      .generatedAlwaysAs(sql`plainto_tsquery('english', american)`),
  },
  (table) => [
    primaryKey({ columns: [table.british, table.american] }),
    unique('spelling_variants_lexemes_unique').on(table.britishLexeme, table.americanLexeme),
    check(
      'spelling_variants_lexemes_differ',
      sql`numnode(${table.britishLexeme}) = 1 and numnode(${table.americanLexeme}) = 1 and ${table.britishLexeme} <> ${table.americanLexeme}`,
    ),
  ],
);
