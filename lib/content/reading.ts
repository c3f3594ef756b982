// A typical adult reads non-fiction prose at about 230 words a minute.
const wordsPerMinute = 230;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / wordsPerMinute));
}
