/**
 * First run in real Chromium: a fresh profile with the extension gets the welcome page once; its
 * "Try it" paragraph is highlighted and a hovered term opens its card; axe-core finds no
 * violation in light or dark.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../../harness/chromium';
import { CHROME_BUILD, requireBuild } from '../../harness/paths';
import { HIGHLIGHT_PREFIX, paintedRangesScript, tooltipTextScript } from '../../harness/page-probe';
import { axeViolations } from '../../harness/axe';

let session: ChromiumSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function welcomeOf(s: ChromiumSession): Promise<Page> {
  const open = () => s.context.pages().find((p) => p.url().endsWith('/welcome.html'));
  await expect.poll(() => open() !== undefined, { timeout: 15_000 }).toBe(true);
  const page = open()!;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

describe('Chromium: first run', () => {
  it('opens the welcome page on install, where a term can be tried', async () => {
    session = await launchChromium(requireBuild(CHROME_BUILD), { keepWelcome: true });
    const page = await welcomeOf(session);
    expect(await page.locator('h1').textContent()).toBe('Welcome to the Alignment Glossary');
    for (const heading of ['Try it here', 'Using it', 'Privacy']) expect(await page.locator('h2').allTextContents()).toContain(heading);
    expect(await page.locator('main').textContent()).toMatch(/Pin to Toolbar/);
    await expect
      .poll(async () => (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).map((r) => r.text), { timeout: 10_000 })
      .toContain('mesa-optimizer');
    const target = (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).find((r) => r.text === 'mesa-optimizer')!;
    await page.mouse.move(target.x - 30, target.y + 30);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await expect.poll(() => page.evaluate(tooltipTextScript), { timeout: 10_000 }).toMatch(/mesa-optimi[sz]er/i);
    // Only once: the service worker's onInstalled opened exactly one.
    expect(session.context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toHaveLength(1);
  });

  it.each(['light', 'dark'] as const)('the welcome page has no axe violations (%s)', async (colorScheme) => {
    session = await launchChromium(requireBuild(CHROME_BUILD), { keepWelcome: true, colorScheme });
    const page = await welcomeOf(session);
    await expect
      .poll(async () => (await page.evaluate(paintedRangesScript, HIGHLIGHT_PREFIX)).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
