// Private-use characters mark matches in snippets, so no text from the database is ever
// parsed as HTML on the way to the page.
export const matchStart = '\uE000';
export const matchEnd = '\uE001';
// Between the passages ts_headline picks from one document.
export const passageBreak = '\uE002';
