import zlib from 'node:zlib';
import { getRaw } from './http';

export interface FirstLoadJs {
  chunks: number;
  rawBytes: number;
  gzippedBytes: number;
  inlineScripts: number;
  inlineRawBytes: number;
  inlineGzippedBytes: number;
  /** Script sources on other origins, listed rather than downloaded. */
  foreign: string[];
}

const gzipSize = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 9 }).byteLength;

/** What a first visit downloads in JavaScript, compressed as a CDN would (gzip -9). */
export async function measureFirstLoadJs(pageUrl: string, html: string): Promise<FirstLoadJs> {
  const origin = new URL(pageUrl).origin;
  const sources = new Set<string>();
  const foreign: string[] = [];
  const inline: string[] = [];
  for (const [, attributes = '', content = ''] of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    const src = /\bsrc=["']([^"']+)["']/i.exec(attributes)?.[1];
    const type = /\btype=["']([^"']*)["']/i.exec(attributes)?.[1];
    if (src) {
      const url = new URL(src.replaceAll('&amp;', '&'), pageUrl);
      if (url.origin === origin) sources.add(url.href);
      else foreign.push(url.href);
    } else if (!type || /javascript|module/i.test(type)) {
      // JSON-LD and other data blocks are not code, so they do not count.
      inline.push(content);
    }
  }

  let rawBytes = 0;
  let gzippedBytes = 0;
  for (const source of sources) {
    const response = await getRaw(source);
    if (response.status !== 200) throw new Error(`GET ${source} answered ${response.status}`);
    rawBytes += response.body.byteLength;
    gzippedBytes += gzipSize(response.body);
  }
  // The inline scripts travel in one HTML response, so they are compressed together.
  const inlineBytes = Buffer.from(inline.join(''));
  return {
    chunks: sources.size,
    rawBytes,
    gzippedBytes,
    inlineScripts: inline.length,
    inlineRawBytes: inlineBytes.byteLength,
    inlineGzippedBytes: inline.length ? gzipSize(inlineBytes) : 0,
    foreign,
  };
}
