import { describe, expect, it } from 'vitest';
import { publicPageKey } from '@/lib/page-cache/public-pages';

const key = (target: string) => {
  const at = target.indexOf('?');
  return at === -1
    ? publicPageKey(target, '')
    : publicPageKey(target.slice(0, at), target.slice(at));
};

describe('publicPageKey', () => {
  it.each([
    ['/', '/'],
    ['/?p=1', '/'],
    ['/privacy?p=0.123&utm_source=x', '/privacy'],
    ['/funding-and-transparency?ref=footer', '/funding-and-transparency'],
    ['/series?page=3', '/series'],
    ['/articles/grid-connections?page=2&kind=report', '/articles/grid-connections'],
    ['/articles/grid%2Dconnections', '/articles/grid-connections'],
    ['/analysis', '/analysis'],
    ['/analysis?page=1', '/analysis'],
    ['/analysis?page=2&kind=report', '/analysis?kind=report&page=2'],
    ['/analysis?kind=report&kind=commentary&page=2&page=3', '/analysis?kind=report&page=2'],
    ['/analysis?kind=nonsense&page=two', '/analysis'],
    ['/analysis?page=%33&ref=x', '/analysis?page=3'],
    ['/analysis?page=999999999999', '/analysis?page=999999999999'],
    ['/series/fiscal-watch?kind=report&page=4', '/series/fiscal-watch?page=4'],
    ['/topics/economy?page=0', '/topics/economy'],
    ['/people/helen-orvik?page=2', '/people/helen-orvik?page=2'],
    ['/people', '/people'],
    [
      '/people?topic=energy-climate&role=trustee&ref=x',
      '/people?role=trustee&topic=energy-climate',
    ],
    ['/people?role=emperor&topic=Not_A_Slug&page=2', '/people'],
    ['/people?role=staff&role=fellow', '/people?role=staff'],
    ['/press?page=2', '/press'],
    ['/press/releases?page=2&kind=report', '/press/releases?page=2'],
    ['/search', '/search'],
    ['/search?q=&page=1&utm_source=x', '/search'],
    ['/search?q=energy', '/search?q=energy'],
    ['/search?q=%20grid%0A%20levy%20', '/search?q=grid+levy'],
    ['/search?page=2&q=Grid&q=other', '/search?q=Grid&page=2'],
    [
      '/search?to=2026-01-31&from=2025-01-01&author=helen-orvik&topic=energy&kind=report&q=x',
      '/search?q=x&kind=report&topic=energy&author=helen-orvik&from=2025-01-01&to=2026-01-31',
    ],
    ['/search?q=x&kind=essay&topic=Not_A_Slug&from=2025-13-45', '/search?q=x'],
    [`/search?q=${'a'.repeat(300)}`, `/search?q=${'a'.repeat(200)}`],
  ])('%s is kept as %s', (target, expected) => {
    expect(key(target)).toBe(expected);
  });

  it.each([
    '/search/',
    '/support',
    '/account',
    '/login',
    '/membership',
    '/admin',
    '/About',
    '/%61bout',
    '/about/',
    '/analysis/',
    '/articles/Not_A_Slug',
    '/articles/%E0%A4%A',
    '/articles/a%2Fb',
    '/articles/one/two',
    '/members-view/grid-connections',
    '/series/fiscal-watch/feed.xml',
    '/experts',
    '/experts/helen-orvik',
    '/press/releases/feed.xml',
  ])('%s is not a public page', (target) => {
    expect(key(target)).toBeNull();
  });
});
