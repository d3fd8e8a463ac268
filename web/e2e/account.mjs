// Account mail in real Chromium: Ada signs up, her profile says the address is not confirmed;
// she opens the link from the verification mail and it is confirmed. Signed out, she forgets
// her password, asks for a reset link, opens it, chooses a new password and is told she is
// signed out everywhere; the old password is refused in words, the new one signs her in.
// Signed in on a second device as well, she changes her password on the first: the second is
// signed out, the first stays signed in and connected.
// Mail arrives as JSON files ({to, subject, text}) written by the test's SMTP server.
// Usage: node e2e/account.mjs BASE_URL MAIL_DIR SHOT_DIR
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main, openPage, PASSWORD, signUp, WAIT } from "./harness.mjs";

const [base, mailDir, shotDir] = process.argv.slice(2);
const NEW_PASSWORD = "another-horse-42";
const THIRD_PASSWORD = "third-horse-77";

/** The link of the `count`-th mail to `to`, waiting for it. */
async function linkFrom(to, count) {
  for (let i = 0; i < 200; i++) {
    const mails = existsSync(mailDir)
      ? readdirSync(mailDir)
          .sort()
          .map((f) => JSON.parse(readFileSync(join(mailDir, f), "utf8")))
          .filter((m) => m.to === to)
      : [];
    if (mails.length >= count) {
      const urls = mails[count - 1].text.match(/https?:\/\/\S+/g) ?? [];
      if (urls.length !== 1) throw new Error(`mail ${count} to ${to} has ${urls.length} links`);
      return { subject: mails[count - 1].subject, url: urls[0] };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail #${count} to ${to}`);
}

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("sign up; the profile says the address is not confirmed");
  const ada = (pages.Ada = await openPage(browser, consoleLines, "Ada"));
  const email = await signUp(ada, base, "Ada Mail");
  await ada.goto(`${base}/profile`);
  const before = (await ada.getByTestId("email-status").innerText(WAIT)).trim();

  step("open the link from the verification mail");
  const verify = await linkFrom(email, 1);
  if (!verify.url.startsWith(`${base}/verify-email?token=`)) throw new Error(`odd link ${verify.url}`);
  await ada.goto(verify.url);
  const result = ada.getByTestId("verify-result");
  await ada.locator('[data-testid="verify-result"][data-ok]').waitFor(WAIT);
  if ((await result.getAttribute("data-ok")) !== "true") throw new Error(await result.innerText());
  const verified = (await result.innerText()).trim();
  await ada.goto(`${base}/profile`);
  await ada.getByTestId("email-status").getByText("confirmed").waitFor(WAIT);
  const after = (await ada.getByTestId("email-status").innerText()).trim();

  step("the same link again is refused in words");
  await ada.goto(verify.url);
  await ada.locator('[data-testid="verify-result"][data-ok="false"]').waitFor(WAIT);
  const reused = (await result.innerText()).trim();

  step("sign out, ask for a reset link from the sign-in page");
  await ada.getByRole("button", { name: "Sign out" }).click();
  await ada.goto(`${base}/signin`);
  await ada.getByRole("link", { name: "Forgot your password?" }).click();
  await ada.getByLabel("Email").fill(email);
  await ada.getByRole("button", { name: "Send me a link" }).click();
  await ada.getByTestId("reset-sent").waitFor(WAIT);

  step("open the reset link and choose a new password");
  const reset = await linkFrom(email, 2);
  await ada.goto(reset.url);
  await ada.getByLabel("New password").fill(NEW_PASSWORD);
  await ada.getByRole("button", { name: "Set the new password" }).click();
  await ada.getByTestId("reset-done").waitFor(WAIT);

  step("the old password is refused, the new one signs in");
  await ada.goto(`${base}/signin`);
  await ada.getByLabel("Email").fill(email);
  await ada.getByLabel("Password").fill(PASSWORD);
  await ada.getByRole("button", { name: "Sign in" }).click();
  const refused = (await ada.getByRole("alert").innerText(WAIT)).trim();
  await ada.getByLabel("Password").fill(NEW_PASSWORD);
  await ada.getByRole("button", { name: "Sign in" }).click();
  await ada.getByTestId("user-name").waitFor(WAIT);

  step("signed in on a second device too, she changes her password on the first");
  const other = (pages.Other = await openPage(browser, consoleLines, "Other device"));
  await other.goto(`${base}/signin`);
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(NEW_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await other.getByTestId("user-name").waitFor(WAIT);
  await ada.goto(`${base}/profile`);
  const form = ada.getByTestId("change-password");
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password").fill(THIRD_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  const wrongCurrent = (await form.getByRole("alert").innerText(WAIT)).trim();
  await form.getByLabel("Current password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  const changed = (await form.getByRole("status").innerText(WAIT)).trim();

  step("the other device is signed out; this one stays signed in and connected");
  // Its socket is closed and its refresh token refused: the page signs out by itself.
  await other.getByTestId("user-name").waitFor({ state: "detached", ...WAIT });
  await other.reload();
  await other.getByRole("link", { name: "Sign in" }).first().waitFor(WAIT);
  const otherSignedIn = await other.getByTestId("user-name").count();
  await ada.getByTestId("connection-banner").waitFor({ state: "detached", ...WAIT });
  await ada.reload();
  await ada.getByTestId("user-name").waitFor(WAIT);
  return {
    before, after, verified, reused, refused, subjects: [verify.subject, reset.subject],
    wrongCurrent, changed, otherSignedIn,
  };
});
