// The admin page in real Chromium: Mallory signs up; Root (an admin made with
// `codearena users create --admin`) signs in, finds her by search, makes her an author,
// suspends her with a reason, and sees the action in the audit log; Mallory's open page
// loses its sign-in and her next sign-in is refused; lifting the suspension lets her back.
// Usage: ADMIN_EMAIL=.. ADMIN_PASSWORD=.. node e2e/admin.mjs BASE_URL SHOT_DIR
import { main, openPage, PASSWORD, signUp, WAIT } from "./harness.mjs";

const [base, shotDir] = process.argv.slice(2);
const { ADMIN_EMAIL, ADMIN_PASSWORD } = process.env;

async function signIn(page, email, password) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("Mallory signs up; Root signs in and opens the admin page");
  const mallory = (pages.Mallory = await openPage(browser, consoleLines, "Mallory"));
  const malloryEmail = await signUp(mallory, base, "Mallory Spam");
  const root = (pages.Root = await openPage(browser, consoleLines, "Root"));
  await signIn(root, ADMIN_EMAIL, ADMIN_PASSWORD);
  await root.getByTestId("user-name").waitFor(WAIT);
  await root.getByRole("link", { name: "Admin" }).click();
  await root.getByTestId("admin-stats").waitFor(WAIT);
  const usersBefore = Number(await root.getByTestId("stat-users").innerText());

  step("search finds Mallory; make her an author");
  await root.getByRole("searchbox", { name: "Search users" }).fill("mallory");
  await root.getByRole("button", { name: "Search" }).click();
  await root.getByTestId("admin-user-total").filter({ hasText: /^1 user$/ }).waitFor(WAIT);
  const row = root.getByTestId("admin-users").locator("tbody tr");
  const rowText = await row.innerText();
  await root.getByLabel("Role of Mallory Spam").selectOption("author");
  await root.getByTestId("admin-audit").getByText("user.role_changed").first().waitFor(WAIT);

  step("suspend her with a reason: the audit log shows it");
  await root.getByLabel("Reason to suspend Mallory Spam").fill("spam in room chat");
  await row.getByRole("button", { name: "Suspend" }).click();
  await row.getByTestId("suspended-chip").waitFor(WAIT);
  await root.getByTestId("admin-audit").getByText("user.suspended").first().waitFor(WAIT);
  const suspended = Number(await root.getByTestId("stat-suspended").innerText());
  const audit = await root.getByTestId("admin-audit").innerText();

  step("Mallory's sign-in is over and a new one is refused");
  await mallory.reload();
  await mallory.waitForURL(/\/signin|\/problems/, WAIT);
  const stillIn = await mallory.getByTestId("user-name").isVisible();
  await signIn(mallory, malloryEmail, PASSWORD);
  const refusal = (await mallory.getByRole("alert").first().innerText(WAIT)).trim();

  step("lift the suspension: Mallory signs in again");
  await row.getByRole("button", { name: "Lift suspension" }).click();
  await row.getByRole("button", { name: "Suspend" }).waitFor(WAIT);
  await signIn(mallory, malloryEmail, PASSWORD);
  await mallory.getByTestId("user-name").waitFor(WAIT);
  const role = await root.getByLabel("Role of Mallory Spam").inputValue();
  return { usersBefore, rowText, suspended, audit, stillIn, refusal, role };
});
