// Two people in one pair room in real Chromium: Ann opens it, Ben joins by its code; both type
// at the same time, their editors converge, each sees the other's named cursor; chat goes both
// ways; a run started by Ann shows its result, and that it is Ann's, on Ben's screen too.
// Usage: node e2e/pair.mjs BASE_URL SLUG SHOT_DIR
import { main, openPage, shootIfAsked, signUp, WAIT } from "./harness.mjs";

const [base, slug, shotDir] = process.argv.slice(2);
const editorText = (page) =>
  page.locator(".cm-content .cm-line").evaluateAll((lines) =>
    lines
      .map((line) => {
        const copy = line.cloneNode(true);
        copy.querySelectorAll(".cm-ySelectionCaret").forEach((caret) => caret.remove()); // others' cursors
        return copy.textContent;
      })
      .join("\n"),
  );

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("two people sign up");
  pages.Ann = await openPage(browser, consoleLines, "Ann");
  pages.Ben = await openPage(browser, consoleLines, "Ben");
  const { Ann: ann, Ben: ben } = pages;
  await Promise.all([signUp(ann, base, "Ann"), signUp(ben, base, "Ben")]);

  step("Ann opens a pair room");
  await ann.getByRole("link", { name: "Pair rooms", exact: true }).click();
  await ann.getByLabel(/^Problems/).fill(slug);
  await ann.getByRole("button", { name: "Open a pair room" }).click();
  const code = (await ann.getByTestId("room-code").innerText({ timeout: WAIT.timeout })).trim();
  await ann.locator(".cm-content", { hasText: "def main" }).waitFor(WAIT); // the starter code

  step("Ben joins by code and gets the document");
  await ben.goto(`${base}/pair`);
  await ben.getByLabel("Room code or invite link").fill(code);
  await ben.getByRole("button", { name: "Join" }).click();
  await ben.locator(".cm-content", { hasText: "def main" }).waitFor(WAIT);
  await ben.getByText("Problem: Anagram Classes").waitFor(WAIT);

  step("both type at once and converge");
  await ann.locator(".cm-content").click();
  await ann.keyboard.press("ControlOrMeta+End");
  await ben.locator(".cm-content").click();
  await ben.keyboard.press("ControlOrMeta+Home");
  await Promise.all([
    ann.keyboard.type("\n# Ann was here", { delay: 15 }),
    ben.keyboard.type("# Ben says hi\n", { delay: 15 }),
  ]);
  const both = (t) => t.includes("# Ann was here") && t.includes("# Ben says hi");
  let annText = "";
  let benText = "";
  const deadline = Date.now() + WAIT.timeout;
  // Poll the two editors until they hold the same text with both edits (convergence).
  for (;;) {
    [annText, benText] = await Promise.all([editorText(ann), editorText(ben)]);
    if (annText === benText && both(annText)) break;
    if (Date.now() > deadline) throw new Error(`editors differ:\n--- Ann\n${annText}\n--- Ben\n${benText}`);
    await ann.waitForTimeout(100);
  }

  step("each sees the other's named cursor");
  await ann.locator(".cm-ySelectionCaret", { hasText: "Ben" }).waitFor({ ...WAIT, state: "attached" });
  await ben.locator(".cm-ySelectionCaret", { hasText: "Ann" }).waitFor({ ...WAIT, state: "attached" });
  await ann.locator('[data-testid="peers"] li', { hasText: "Ben" }).waitFor(WAIT);

  step("chat both ways");
  await ben.getByLabel("Message").fill("Shall we use a hash map?");
  await ben.getByRole("button", { name: "Send" }).click();
  await ann.locator('[data-testid="chat"] li', { hasText: "Shall we use a hash map?" }).waitFor(WAIT);
  await ann.getByLabel("Message").fill("Yes, keyed by sorted letters.");
  await ann.getByRole("button", { name: "Send" }).click();
  await ben.locator('[data-testid="chat"] li', { hasText: "Ann: Yes, keyed by sorted letters." }).waitFor(WAIT);

  step("Ann's run shows on Ben's screen");
  await ann.getByRole("button", { name: "Run for everyone" }).click();
  await ann.getByTestId("verdict").waitFor(WAIT);
  await ben.getByTestId("verdict").waitFor(WAIT);
  await ben.getByTestId("run-by").filter({ hasText: "Ann" }).waitFor(WAIT); // whose run it was
  const verdict = await ben.getByTestId("verdict").getAttribute("data-verdict");
  await shootIfAsked(ben, shotDir, "pair");
  return { code, chars: annText.length, verdict };
});
