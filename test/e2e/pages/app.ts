import { expect, type Locator, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, type AppHost } from '../fixtures/app-host';
import { LoginPage } from './login-page';
import { Shell } from './shell';

/** Opens the app with the host's address and signs in (the password must already be settled). */
export async function signIn(page: Page, host: AppHost, login = 'admin', password = ADMIN_PASSWORD): Promise<Shell> {
  const loginPage = new LoginPage(page);
  await loginPage.open(host.url);
  await loginPage.login(login, password);
  const shell = new Shell(page);
  await shell.expectSignedIn();
  return shell;
}

/** Goes to a hash route inside the running app (no reload, the session stays). */
export async function goTo(page: Page, hashPath: string): Promise<void> {
  await page.evaluate((path) => (window.location.hash = path), hashPath);
}

/** Chooses an option of an antd Select by its visible label. */
export async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  // A click during the dropdown's opening animation can land on the option above the one located, or find
  // the option detached as the list re-renders (both seen on a loaded 2-core CI machine): each step has its
  // own time limit, the choice is confirmed on the select itself, and the whole pick is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click({ timeout: 10_000 });
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first().click({ timeout: 10_000 });
      await expect(select).toContainText(label, { timeout: attempt === 1 ? 3_000 : 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape'); // close a dropdown left open before trying again
    }
  }
}

/** Types into a searchable antd Select (server search) and chooses the first option containing `label`. */
export async function searchAndPick(page: Page, select: Locator, text: string, label = text): Promise<void> {
  await select.click();
  await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first();
  await option.click();
}

/**
 * Waits until no CSS animation runs (antd zooms a modal in from the pointer): on a loaded machine a click
 * aimed at a button mid-zoom can land beside it although Playwright saw the button "stable".
 */
export async function motionSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}
