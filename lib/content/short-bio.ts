// Titles and initials end with a full stop without ending a sentence.
const abbreviation = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|Rev|Sir|St|Hon|[A-Z])\.$/;

/** The sentences of a text, each with the space that follows it. */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const end of text.matchAll(/[.!?][”’")\]]*\s+(?=[“‘"(]?[A-Z0-9])/g)) {
    const candidate = text.slice(start, end.index + end[0].length);
    if (abbreviation.test(candidate.trimEnd())) continue;
    sentences.push(candidate);
    start = end.index + end[0].length;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

/**
 * The opening of a biography for a box beside someone's work: whole sentences up to `maxChars`,
 * at least the first sentence, so it never stops mid-thought.
 */
export function shortBio(bio: string, maxChars = 240): string {
  const [first = '', ...rest] = sentencesOf(bio.trim());
  let result = first;
  for (const sentence of rest) {
    if ((result + sentence).trimEnd().length > maxChars) break;
    result += sentence;
  }
  return result.trim();
}
