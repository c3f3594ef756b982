const megabyte = 1024 * 1024;

/** The largest PDF an editor may upload: a long report with photographs fits well within it. */
export const MAX_DOCUMENT_BYTES = 40 * megabyte;

/**
 * How much of a PDF's text is kept for search. The article's search vector holds the body and
 * this text together, and PostgreSQL refuses a tsvector over 1 MB; 200,000 characters (about
 * 30,000 words, a book-length report) stays well within it beside the longest body allowed.
 */
export const MAX_DOCUMENT_TEXT = 200_000;

/** Megabytes with one decimal, rounded up so a file just over the cap never reads as the cap. */
export function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / megabyte) * 10) / 10).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** A file's size as readers see it beside a download: "2.4 MB", "380 KB". */
export function fileSize(bytes: number): string {
  return bytes >= megabyte ? megabytes(bytes) : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}
