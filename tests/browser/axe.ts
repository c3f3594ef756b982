import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

// Landmarks are how a screen-reader user finds the header, the page's content and the footer:
// a second banner or contentinfo, or none or two mains, misleads as much as a serious fault,
// though axe rates these rules moderate.
const isLandmarkRule = (id: string) => id.startsWith('landmark-') || id === 'region';

/**
 * Runs axe-core in the page and returns the serious and critical violations, and those of the
 * landmark rules whatever their impact.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Next streams a dynamic page's metadata after its content: the page is not finished, and
  // not yet what a reader gets, until its <title> has arrived.
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 10_000 });
  // Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy
  // does not govern: an inline <script> added to a page served with hashes would be refused.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter(
    (violation) =>
      violation.impact === 'serious' ||
      violation.impact === 'critical' ||
      isLandmarkRule(violation.id),
  );
}
