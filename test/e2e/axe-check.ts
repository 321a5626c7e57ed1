// Runs axe-core in a page and sorts what it finds: serious and critical violations fail a test;
// moderate and minor ones are printed, so they are seen without blocking.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The serious and critical violations on the page as it is now, one readable line each (empty when none). */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  }) as AxeViolation[];
  const describe = (violation: AxeViolation) =>
    `${screen}: [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${violation.nodes
      .slice(0, 5)
      .map((node) => `    at ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
      .join('\n')}`;
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  for (const violation of violations.filter((candidate) => !blocking.includes(candidate))) console.log(`[axe] ${describe(violation)}`);
  return blocking.map(describe);
}
