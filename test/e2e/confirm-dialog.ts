import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Clicks a button that asks before it acts (a revocation, a deletion): the first time the admin cancels the question,
 * which must say `asks`, and `unchanged` checks that nothing happened; the second time the admin confirms.
 */
export async function cancelThenConfirm(
  page: Page,
  button: string,
  asks: string,
  unchanged: () => void,
): Promise<void> {
  const asked = page.waitForEvent("dialog");
  const clicked = page.getByRole("button", { name: button }).click();
  const dialog = await asked;
  expect(dialog.message()).toContain(asks);
  await dialog.dismiss();
  await clicked;
  unchanged();

  page.once("dialog", (confirm) => void confirm.accept());
  await page.getByRole("button", { name: button }).click();
}
