import localFont from 'next/font/local';

// Self-hosted from npm packages: the site never asks a font CDN for anything.
export const serif = localFont({
  src: [
    {
      path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
      style: 'normal',
    },
    {
      path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2',
      style: 'italic',
    },
  ],
  weight: '200 900',
  variable: '--font-source-serif',
  display: 'swap',
  // Not preloaded: a preload would fetch the italic (52 KB) on every page, and a phone then
  // shares its connection between three fonts and the page's first image. The browser asks for
  // each face when text needs it; with the stylesheet inline, that is at the first layout.
  preload: false,
});

export const sans = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-inter',
  display: 'swap',
});
