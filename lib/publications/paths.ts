/** The stable address of a publication's PDF, which sends readers on to its current version. */
export const pdfPath = (slug: string) => `/articles/${slug}/pdf`;

/** The address of one version of the PDF: the one public copies may keep for a year. */
export const pdfVersionPath = (slug: string, version: string) => `${pdfPath(slug)}?v=${version}`;
