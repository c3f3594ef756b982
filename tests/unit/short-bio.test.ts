import { describe, expect, it } from 'vitest';
import { shortBio } from '@/lib/content/short-bio';

describe('shortBio', () => {
  it('keeps whole sentences while they fit', () => {
    const bio = 'Helen Orvik leads our energy work. She ran network planning at a grid operator. ';
    expect(shortBio(bio, 80)).toBe(bio.trim());
    expect(shortBio(bio, 50)).toBe('Helen Orvik leads our energy work.');
  });

  it('keeps the first sentence whole however long it is', () => {
    const first = `${'A very long sentence '.repeat(20).trim()}.`;
    expect(shortBio(`${first} Then a second.`, 40)).toBe(first);
  });

  it('does not end a sentence at a title or an initial', () => {
    expect(shortBio('She worked with Dr. Kim and J. R. Hale for years. Then more.', 55)).toBe(
      'She worked with Dr. Kim and J. R. Hale for years.',
    );
  });

  it('ends a sentence after a closing quotation mark', () => {
    expect(shortBio('He wrote “Who pays?” in 2019. “Deterrence” came next.', 35)).toBe(
      'He wrote “Who pays?” in 2019.',
    );
  });

  it('answers an empty biography with an empty string', () => {
    expect(shortBio('   ')).toBe('');
  });
});
