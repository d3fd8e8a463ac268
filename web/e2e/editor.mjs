// The editor's harder moments in real Chromium: a language switch keeps each language's
// text; Run with the person's own input shows the program's output; two browsers editing
// one session meet a conflict and each resolves it a different way; a lost connection shows
// the banner, keeps the text typed meanwhile and saves it once back.
// Usage: node e2e/editor.mjs BASE_URL SLUG SHOT_DIR
import { main, openPage, PASSWORD, signUp, WAIT } from "./harness.mjs";

const [base, slug, shotDir] = process.argv.slice(2);

async function replaceCode(page, text) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

const editorText = (page) => page.locator(".cm-content").innerText();
const saveState = (page, state) => page.locator(`[data-testid="save-state"][data-state="${state}"]`);

async function openProblem(page) {
  await page.goto(`${base}/problems/${slug}`);
  await page.locator("#problem-title").waitFor(WAIT);
  await page.locator(".cm-content").waitFor(WAIT);
}

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("switch languages: each keeps its own text");
  const ada = (pages.Ada = await openPage(browser, consoleLines, "Ada"));
  const email = await signUp(ada, base, "Ada Editor");
  await openProblem(ada);
  await replaceCode(ada, "# my python\nprint(int(input()) * 2)\n");
  await saveState(ada, "saved").waitFor(WAIT);
  const language = ada.getByLabel("Language");
  await language.selectOption("cpp");
  await ada.locator(".cm-content", { hasText: "main" }).waitFor(WAIT);
  const cpp = await editorText(ada);
  await language.selectOption("python");
  await ada.locator(".cm-content", { hasText: "# my python" }).waitFor(WAIT);

  step("run with my own input");
  await ada.getByLabel("Run with my own input").check();
  await ada.getByLabel("Input for Run").fill("21\n");
  await ada.getByRole("button", { name: "Run", exact: true }).click();
  const row = ada.getByTestId("test-row").first();
  await row.waitFor(WAIT);
  const output = (await row.locator(".io-block", { hasText: "Your output" }).locator("pre").textContent(WAIT)).trim();

  step("a second browser saves first: the conflict is resolved both ways");
  const bob = (pages.Second = await openPage(browser, consoleLines, "Second"));
  await bob.goto(`${base}/signin`);
  await bob.getByLabel("Email").fill(email);
  await bob.getByLabel("Password").fill(PASSWORD);
  await bob.getByRole("button", { name: "Sign in" }).click();
  await bob.getByTestId("user-name").waitFor(WAIT);
  await openProblem(bob);
  await bob.locator(".cm-content", { hasText: "# my python" }).waitFor(WAIT);
  await replaceCode(ada, "# edited in the first browser\n");
  await saveState(ada, "saved").waitFor(WAIT);
  await replaceCode(bob, "# edited in the second browser\n");
  await saveState(bob, "conflict").waitFor(WAIT);
  const conflictText = (await bob.getByTestId("save-state").innerText()).trim();
  await bob.getByRole("button", { name: "Keep my version" }).click();
  await saveState(bob, "saved").waitFor(WAIT);
  await replaceCode(ada, "# the first browser again\n");
  await saveState(ada, "conflict").waitFor(WAIT);
  await ada.getByRole("button", { name: "Use the saved version" }).click();
  await ada.locator(".cm-content", { hasText: "# edited in the second browser" }).waitFor(WAIT);
  const resolved = await editorText(ada);
  await bob.close();
  delete pages.Second;

  step("the connection drops: banner, text kept, saved once back");
  await ada.context().setOffline(true);
  const banner = ada.getByTestId("connection-banner");
  await banner.waitFor(WAIT);
  const bannerText = (await banner.innerText()).trim();
  await replaceCode(ada, "# typed while offline\nprint(int(input()) * 2)\n");
  const runDisabled = await ada.getByRole("button", { name: "Run", exact: true }).isDisabled();
  await ada.context().setOffline(false);
  await banner.waitFor({ state: "detached", ...WAIT });
  await saveState(ada, "saved").waitFor(WAIT);
  await ada.reload();
  await ada.locator(".cm-content", { hasText: "# typed while offline" }).waitFor(WAIT);
  return { cpp, output, conflictText, resolved, bannerText, runDisabled };
});
