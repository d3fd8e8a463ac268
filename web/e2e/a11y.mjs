// Accessibility and phone width in real Chromium: an admin (made with `codearena users create
// --admin`) visits every page of the client, signed out and signed in, and axe-core audits each
// one against WCAG 2.1 A and AA in the light and the dark theme; at a phone's width (390 px)
// no page may scroll sideways. The keyboard's first stop is the skip link, which moves focus
// to the page's content, and the editor keeps Tab for indenting but lets Escape, Tab leave it
// (no keyboard trap). Every page's phone screenshot is written with E2E_SHOTS=always.
// Usage: ADMIN_EMAIL=.. ADMIN_PASSWORD=.. node e2e/a11y.mjs BASE_URL PLAN_JSON SHOT_DIR
// PLAN_JSON: {problem, module, quiz, company, design} slugs (from the test).
import { createRequire } from "node:module";
import { main, openPage, shootIfAsked, WAIT } from "./harness.mjs";

const [base, plan, shotDir] = process.argv.slice(2);
const { problem, module, quiz, company, design } = JSON.parse(plan);
const { ADMIN_EMAIL, ADMIN_PASSWORD } = process.env;
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const SIGNED_OUT = [
  ["sign-in", "/signin"],
  ["sign-up", "/signup"],
  ["forgot-password", "/forgot-password"],
  ["problems-signed-out", "/problems"],
];

/** [name, path, what shows once the page has loaded, a button to press first] */
function signedIn(rooms) {
  return [
    ["problems", "/problems", null],
    ["problem", `/problems/${problem}`, "save-state"],
    ["dashboard", "/dashboard", "activity-chart"],
    ["contests", "/contests", null],
    ["contest-room", `/contests/${rooms.contest}`, "room-code"],
    ["pair-lobby", "/pair", null],
    ["pair-room", `/pair/${rooms.pair}`, "room-code"],
    ["pair-board", `/pair/${rooms.pair}`, "room-code", "Open the drawing board"],
    ["interviews", "/interview", null],
    ["modules", "/learn", "module-list"],
    ["module", `/learn/${module}`, "module-progress"],
    ["quizzes", "/quizzes", null],
    ["quiz", `/quizzes/${quiz}`, "quiz-start"],
    ["companies", "/companies", "company-list"],
    ["company", `/companies/${company}`, "company-progress"],
    ["system-design", "/system-design", null],
    ["design-board", `/system-design/${design}`, null],
    ["leaderboards", "/leaderboards", null],
    ["daily", "/daily", null],
    ["notifications", "/notifications", null],
    ["profile", "/profile", null],
    ["admin", "/admin", "admin-stats"],
    ["not-found", "/no-such-page", null],
  ];
}

async function settle(page, path, ready) {
  await page.goto(`${base}${path}`);
  await page.locator("main h1, main h2").first().waitFor(WAIT);
  if (ready) await page.getByTestId(ready).first().waitFor(WAIT);
  // Nothing still loading: no "Loading…" status left in the page.
  await page.waitForFunction(() => !/Loading/.test(globalThis.document.querySelector("main")?.innerText ?? ""), null, WAIT);
}

async function audit(page) {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await globalThis.axe.run(globalThis.document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 2).join("")}`),
    }));
  }, TAGS);
}

/** How far the page scrolls sideways at a phone's width, and what sticks out (null when it fits). */
async function overflowAtPhoneWidth(page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(100);
  const extra = await page.evaluate(() => {
    const doc = globalThis.document;
    const px = doc.documentElement.scrollWidth - globalThis.innerWidth;
    if (px <= 0) return null;
    // Name the innermost elements that stick out, for the report.
    const wide = [...doc.querySelectorAll("main *")].filter(
      (e) => e.getBoundingClientRect().right > globalThis.innerWidth + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > globalThis.innerWidth + 1),
    );
    return { px, elements: wide.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${e.textContent.trim().slice(0, 40)}"`) };
  });
  if (size) await page.setViewportSize(size);
  return extra;
}

async function check(page, [name, path, ready, press], findings) {
  await settle(page, path, ready);
  if (press) {
    await page.getByRole("button", { name: press }).click();
    await page.locator(".excalidraw").first().waitFor(WAIT);
  }
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // the theme's re-render (the editors reconfigure on it)
    const violations = await audit(page);
    if (violations.length) findings.violations[`${name} (${scheme})`] = violations;
  }
  await page.emulateMedia({ colorScheme: "light" });
  const extra = await overflowAtPhoneWidth(page);
  if (extra) findings.overflow[name] = extra;
  findings.pages.push(name);
  await shootIfAsked(page, shotDir, name);
}

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  const findings = { pages: [], violations: {}, overflow: {} };

  step("signed out: the keyboard starts at the skip link; the sign-in pages pass");
  const guest = (pages.Guest = await openPage(browser, consoleLines, "Guest"));
  await guest.goto(`${base}/problems`);
  await guest.getByRole("heading", { name: "Problems" }).waitFor(WAIT);
  await guest.keyboard.press("Tab");
  const firstStop = await guest.evaluate(() => ({
    text: globalThis.document.activeElement?.textContent?.trim(),
    visible: globalThis.document.activeElement ? globalThis.document.activeElement.getBoundingClientRect().height > 0 : false,
  }));
  await guest.keyboard.press("Enter");
  const afterSkip = await guest.evaluate(() => globalThis.location.hash);
  for (const [name, path] of SIGNED_OUT) await check(guest, [name, path, null], findings);

  step("an admin signs in and opens a contest and a pair room");
  const root = (pages.Root = await openPage(browser, consoleLines, "Root"));
  await root.goto(`${base}/signin`);
  await root.getByLabel("Email").fill(ADMIN_EMAIL);
  await root.getByLabel("Password").fill(ADMIN_PASSWORD);
  await root.getByRole("button", { name: "Sign in" }).click();
  await root.getByTestId("user-name").waitFor(WAIT);
  await root.goto(`${base}/contests`);
  await root.getByLabel("Name", { exact: true }).fill("Audit cup");
  await root.getByLabel(/^Problems/).fill(problem);
  await root.getByRole("button", { name: "Create a contest" }).click();
  await root.getByTestId("room-code").waitFor(WAIT);
  const contest = root.url().split("/").pop();
  await root.goto(`${base}/pair`);
  await root.getByLabel(/^Problems/).fill(problem);
  await root.getByRole("button", { name: "Open a pair room" }).click();
  await root.getByTestId("room-code").waitFor(WAIT);
  const pair = root.url().split("/").pop();

  step("the editor is no keyboard trap: Escape then Tab leaves it, and Tab reaches Submit");
  await settle(root, `/problems/${problem}`, "save-state");
  await root.locator(".cm-content").click();
  await root.keyboard.press("Tab"); // indents: Tab belongs to the editor...
  const tabIndents = await root.evaluate(() => Boolean(globalThis.document.activeElement?.closest(".cm-editor")));
  await root.keyboard.press("Escape"); // ...until Escape hands the next Tab back to the page
  await root.keyboard.press("Tab");
  const leftEditor = await root.evaluate(() => !globalThis.document.activeElement?.closest(".cm-editor"));
  let reachedSubmit = false;
  for (let i = 0; i < 40 && !reachedSubmit; i++) {
    reachedSubmit = await root.evaluate(() => globalThis.document.activeElement?.textContent?.trim() === "Submit");
    if (!reachedSubmit) await root.keyboard.press("Tab");
  }

  step("every signed-in page passes axe in both themes and fits a phone");
  for (const page of signedIn({ contest, pair })) await check(root, page, findings);
  return { firstStop, afterSkip, tabIndents, leftEditor, reachedSubmit, ...findings };
});
