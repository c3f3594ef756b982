import { describe, expect, it } from 'vitest';
import { describePath, unavailablePageHtml } from '@/lib/platform/unavailable-page';

describe('the page shown while the database is down', () => {
  it('says what is unavailable and when to try again, and links home', () => {
    const html = unavailablePageHtml({
      siteName: 'Northgate',
      what: 'Search',
      retryAfterSeconds: 30,
    });
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<h1>Search is unavailable for a moment</h1>');
    expect(html).toContain('try again in a minute');
    expect(html).toContain('<main id="main">');
    expect(html).toContain('<a href="/">go to the home page</a>');
    expect(html).not.toContain('<script');
  });

  it('escapes the site name', () => {
    const html = unavailablePageHtml({
      siteName: '<b>&"\'',
      what: 'Search',
      retryAfterSeconds: 30,
    });
    expect(html).toContain('&lt;b&gt;&amp;&quot;&#39;');
    expect(html).not.toContain('<b>');
  });

  it.each([
    ['/search', 'Search'],
    ['/support/thank-you', 'Giving online'],
    ['/admin/articles', 'The editors’ area'],
    ['/login', 'Signing in and joining'],
    ['/reset-password', 'Signing in and joining'],
    ['/account/giving/1', 'Your account'],
  ])('describes %s as %s', (pathname, what) => {
    expect(describePath(pathname)).toBe(what);
  });
});
