// Shared by the e2e scripts: Debian's chromium through playwright-core, one JSON line out,
// screenshots of every open page on failure (or always with E2E_SHOTS=always).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const WAIT = { timeout: 20_000 };
export const PASSWORD = "correct-horse-9";

/** Poll `check` every 100 ms for up to 20 s (for state a locator cannot wait on). */
export async function until(check, what) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function launch() {
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  return chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
}

/** A fresh browser context with one page; console lines are kept for the failure report. */
export async function openPage(browser, consoleLines, name, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on("console", (msg) => consoleLines.push(`${name} ${msg.type()}: ${msg.text()}`));
  page.on("pageerror", (err) => consoleLines.push(`${name} pageerror: ${err.message}`));
  return page;
}

/** Sign up a new account through the form; resolves once the problem list shows. */
export async function signUp(page, base, displayName) {
  await page.goto(`${base}/signup`);
  const email = `e2e-${displayName.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.getByLabel("Display name").fill(displayName);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByTestId("user-name").waitFor(WAIT);
  return email;
}

export async function shoot(page, shotDir, name) {
  mkdirSync(shotDir, { recursive: true });
  const path = join(shotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Run `body({step, pages})` and print {ok, steps, ...outcome} or {ok: false, step, error,
 * shots, console}; exit 1 on failure. `pages` is a name -> page map the body fills in.
 */
export async function main(shotDir, body) {
  const steps = [];
  const pages = {};
  const consoleLines = [];
  const browser = await launch();
  const started = Date.now();
  let code = 0;
  try {
    const outcome = await body({ browser, steps, pages, consoleLines, step: (name) => steps.push(name) });
    console.log(JSON.stringify({ ok: true, steps, seconds: (Date.now() - started) / 1000, ...outcome }));
  } catch (err) {
    code = 1;
    const shots = [];
    for (const [name, page] of Object.entries(pages)) {
      try {
        shots.push(await shoot(page, shotDir, `failed-${steps.length}-${name}`));
      } catch {
        // that page may be gone
      }
    }
    console.log(
      JSON.stringify({ ok: false, step: steps.at(-1), error: String(err), shots, console: consoleLines.slice(-40) }),
    );
  } finally {
    await browser.close();
  }
  process.exit(code);
}

export async function shootIfAsked(page, shotDir, name) {
  if (process.env.E2E_SHOTS !== "always") return;
  await shoot(page, shotDir, `${name}-light`);
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(page, shotDir, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, shotDir, `${name}-phone`);
  if (size) await page.setViewportSize(size);
}
