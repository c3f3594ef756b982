import fs from 'node:fs';
import path from 'node:path';

// The image renderer reads WOFF (not WOFF2); these come from npm packages, never a font CDN.
const files = path.join(process.cwd(), 'node_modules', '@fontsource');

function read(file: string): Buffer {
  return fs.readFileSync(path.join(files, file));
}

let fonts: { name: string; data: Buffer; weight: 400 | 600; style: 'normal' }[] | undefined;

export function getOgFonts() {
  fonts ??= [
    {
      name: 'Serif',
      data: read('source-serif-4/files/source-serif-4-latin-600-normal.woff'),
      weight: 600,
      style: 'normal',
    },
    {
      name: 'Sans',
      data: read('inter/files/inter-latin-400-normal.woff'),
      weight: 400,
      style: 'normal',
    },
    {
      name: 'Sans',
      data: read('inter/files/inter-latin-600-normal.woff'),
      weight: 600,
      style: 'normal',
    },
  ];
  return fonts;
}
