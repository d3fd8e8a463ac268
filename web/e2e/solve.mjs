// A new user in real Chromium: sign up, open a problem with an expired access token (the
// client refreshes it silently), type a solution (autosaved), reload mid-edit (the text must
// survive), submit, watch per-test rows arrive live and the AC banner; then sign in from a
// second browser and find the code resumed from the server; see it on the profile, edit the
// profile and view it as others do; sign out.
// Usage: node e2e/solve.mjs BASE_URL SLUG SOLUTION_FILE SHOT_DIR
// Prints one JSON line {ok, ...}; exits 1 on failure after writing screenshots to SHOT_DIR.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, slug, solutionFile, shotDir] = process.argv.slice(2);
const solution = readFileSync(solutionFile, "utf8");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const WAIT = { timeout: 60_000 };
const steps = [];
const step = (name) => steps.push(name);

const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const consoleLines = [];
page.on("console", (msg) => consoleLines.push(`${msg.type()}: ${msg.text()}`));
page.on("pageerror", (err) => consoleLines.push(`pageerror: ${err.message}`));

async function shoot(name) {
  mkdirSync(shotDir, { recursive: true });
  const path = join(shotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

async function run() {
  step("sign up");
  await page.goto(`${base}/signup`);
  const email = `e2e-${Date.now()}@example.com`;
  await page.getByLabel("Display name").fill("Browser Tester");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-9");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: "Problems" }).waitFor(WAIT);
  await page.getByTestId("user-name").waitFor(WAIT);

  step("an expired access token is refreshed silently");
  const before = await page.evaluate(() => JSON.parse(globalThis.localStorage.getItem("codearena.session")));
  await page.evaluate((stored) => {
    const stale = { ...stored, access: "expired.access.token", expiresAt: Date.now() + 3_600_000 };
    globalThis.localStorage.setItem("codearena.session", JSON.stringify(stale));
  }, before);
  await page.reload();
  await page.getByRole("heading", { name: "Problems" }).waitFor(WAIT);

  step("open the problem from the list");
  await page.locator(`.problem-list a[href="/problems/${slug}"]`).click();
  await page.locator("#problem-title").waitFor(WAIT);
  await page.locator(".markdown").first().waitFor(WAIT);

  step("type the solution");
  const content = page.locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(solution);
  const draftKey = `codearena.draft.${slug}.python`;
  await page.waitForFunction(([k, v]) => globalThis.localStorage.getItem(k) === v, [draftKey, solution], WAIT);

  step("autosave");
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor(WAIT);
  const after = await page.evaluate(() => JSON.parse(globalThis.localStorage.getItem("codearena.session")));
  if (after.refresh === before.refresh || after.access === "expired.access.token") {
    throw new Error("the expired access token was not refreshed (the refresh token did not rotate)");
  }

  step("reload mid-edit keeps the text");
  // Type a line and reload at once, inside the autosave delay: only the local draft has it.
  const marker = "# typed just before a reload";
  await content.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText(`\n${marker}\n`);
  await page.waitForFunction(([k, m]) => (globalThis.localStorage.getItem(k) ?? "").includes(m), [draftKey, marker], WAIT);
  await page.reload();
  await page.locator("#problem-title").waitFor(WAIT);
  const firstLine = solution.split("\n").find((l) => l.trim()) ?? "";
  await page.locator(".cm-content", { hasText: firstLine }).waitFor(WAIT);
  await page.locator(".cm-content", { hasText: marker }).waitFor(WAIT);
  // ... and autosave then stores it, so another browser resumes with it (below).
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor(WAIT);

  step("submit");
  const submit = page.getByRole("button", { name: "Submit" });
  await submit.and(page.locator(":enabled")).waitFor(WAIT);
  await submit.click();
  const verdict = page.getByTestId("verdict");
  await verdict.waitFor(WAIT);
  const verdictCode = await verdict.getAttribute("data-verdict");
  const rows = await page.getByTestId("test-row").count();
  const live = Number(await page.locator(".results").getAttribute("data-live-rows"));
  const banner = (await verdict.innerText()).replace(/\s+/g, " ");
  if (verdictCode !== "AC") throw new Error(`verdict ${verdictCode}: ${banner}`);
  if (rows < 1 || live !== rows) throw new Error(`expected every test row to arrive live: ${live} live of ${rows} rows`);
  await shootIfAsked("problem");

  step("resume from another browser");
  const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await other.newPage();
  await phone.goto(`${base}/problems/${slug}`);
  await phone.getByRole("link", { name: "Sign in to run and submit" }).click(); // anonymous: read only
  await phone.getByLabel("Email").fill(email);
  await phone.getByLabel("Password").fill("correct-horse-9");
  await phone.getByRole("button", { name: "Sign in" }).click();
  await phone.locator("#problem-title").waitFor(WAIT);
  await phone.locator(".cm-content", { hasText: firstLine }).waitFor(WAIT);
  // CodeMirror renders only the lines in view, so read the resumed text from the draft store.
  await phone.waitForFunction(([k, m]) => (globalThis.localStorage.getItem(k) ?? "").includes(m), [draftKey, marker], WAIT);
  await phone.locator('[data-testid="save-state"][data-state="saved"]').waitFor(WAIT);
  if (process.env.E2E_SHOTS === "always") {
    mkdirSync(shotDir, { recursive: true });
    await phone.screenshot({ path: join(shotDir, "phone-resumed.png"), fullPage: false });
  }
  await other.close();

  step("profile: own activity, edit, public view");
  await page.getByTestId("user-name").click();
  await page.getByTestId("profile-name").filter({ hasText: "Browser Tester" }).waitFor(WAIT);
  const submitted = page.getByTestId("recent-submissions").locator("li", { hasText: slug });
  await submitted.filter({ hasText: "AC" }).first().waitFor(WAIT);
  // The practice session lists the problem by its title, linked by its slug.
  await page.getByTestId("practice-sessions").locator(`a[href="/problems/${slug}"]`).waitFor(WAIT);
  await page.getByTestId("rating").waitFor(WAIT);
  await page.getByLabel("Display name").fill("Tess Tester");
  await page.getByLabel("About you").fill("Learning graphs.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor(WAIT);
  await page.getByTestId("user-name").filter({ hasText: "Tess Tester" }).waitFor(WAIT);
  await shootIfAsked("profile");
  await page.getByRole("link", { name: "your public profile" }).click();
  await page.getByTestId("profile-name").filter({ hasText: "Tess Tester" }).waitFor(WAIT);
  await page.getByText("Learning graphs.").waitFor(WAIT);
  if (await page.getByLabel("Display name").count()) throw new Error("the public profile has an edit form");

  step("sign out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor(WAIT);
  if (await page.evaluate(() => globalThis.localStorage.getItem("codearena.session"))) {
    throw new Error("signing out left the session in localStorage");
  }
  return { verdict: verdictCode, rows, live, banner };
}

async function shootIfAsked(name) {
  if (process.env.E2E_SHOTS !== "always") return;
  await shoot(`${name}-light`);
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(`${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

let code = 0;
try {
  const outcome = await run();
  console.log(JSON.stringify({ ok: true, steps, ...outcome }));
} catch (err) {
  code = 1;
  let shot = null;
  try {
    shot = await shoot(`failed-${steps.length}`);
  } catch {
    // the page itself may be gone
  }
  console.log(JSON.stringify({ ok: false, step: steps.at(-1), error: String(err), shot, console: consoleLines.slice(-30) }));
} finally {
  await browser.close();
}
process.exit(code);
