// An interview in real Chromium: Ivy (the interviewer) opens an interview room and posts the
// problem; Cam (the candidate) joins by code and writes code in a few edits while Ivy watches it
// arrive; then Ivy's playback page shows an earlier text and the final one.
// Usage: node e2e/interview.mjs BASE_URL SLUG TITLE SHOT_DIR
import { main, openPage, shootIfAsked, signUp, WAIT } from "./harness.mjs";

const [base, slug, title, shotDir] = process.argv.slice(2);
const editorText = (page) =>
  page.locator(".cm-content .cm-line").evaluateAll((lines) =>
    lines
      .map((line) => {
        const copy = line.cloneNode(true);
        copy.querySelectorAll(".cm-ySelectionCaret").forEach((caret) => caret.remove());
        return copy.textContent;
      })
      .join("\n"),
  );

/** Poll until `test(text)` holds for the page's editor; return that text. */
async function untilEditor(page, test, what) {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    const text = await editorText(page);
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${what}; the editor holds:\n${text}`);
    await page.waitForTimeout(100);
  }
}

const EDITS = ["# first idea", "# use a hash map", "# done"];

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("interviewer and candidate sign up");
  pages.Ivy = await openPage(browser, consoleLines, "Ivy");
  pages.Cam = await openPage(browser, consoleLines, "Cam");
  const { Ivy: ivy, Cam: cam } = pages;
  await Promise.all([signUp(ivy, base, "Ivy"), signUp(cam, base, "Cam")]);

  step("Ivy opens an interview room and posts the problem");
  await ivy.getByRole("link", { name: "Interviews", exact: true }).click();
  await ivy.getByRole("button", { name: "Open an interview room" }).click();
  const code = (await ivy.getByTestId("room-code").innerText({ timeout: WAIT.timeout })).trim();
  await ivy.getByLabel("Problem to post").fill(slug);
  await ivy.getByRole("button", { name: "Post problem" }).click();
  await ivy.getByText(`Problem: ${title}`).waitFor(WAIT);
  await ivy.locator(".cm-content", { hasText: "def main" }).waitFor(WAIT); // the posted problem's starter

  step("Cam joins by code and sees the problem");
  await cam.goto(`${base}/interview`);
  await cam.getByLabel("Room code or invite link").fill(code);
  await cam.getByRole("button", { name: "Join" }).click();
  await cam.getByText(`Problem: ${title}`).waitFor(WAIT);
  await cam.locator(".cm-content", { hasText: "def main" }).waitFor(WAIT);
  await cam.getByTestId("interview-roles").getByText("Ivy").waitFor(WAIT);
  await ivy.getByTestId("interview-roles").getByText("Cam").waitFor(WAIT);

  step("Cam codes in a few edits; Ivy sees each one live");
  await cam.locator(".cm-content").click();
  await cam.keyboard.press("ControlOrMeta+End");
  for (const line of EDITS) {
    await cam.keyboard.type(`\n${line}`, { delay: 10 });
    await untilEditor(ivy, (t) => t.includes(line), `Ivy never saw "${line}"`);
  }
  const final = await untilEditor(cam, (t) => EDITS.every((l) => t.includes(l)), "Cam's edits are missing");
  await untilEditor(ivy, (t) => t === final, "Ivy's editor differs from Cam's");
  await shootIfAsked(ivy, shotDir, "interview");

  step("the playback shows an earlier text and the final one");
  await ivy.getByRole("link", { name: "Playback" }).click();
  const shown = ivy.getByTestId("playback-text");
  await shown.waitFor(WAIT);
  const text = () => shown.evaluate((el) => el.textContent);
  const last = await text();
  if (!EDITS.every((l) => last.includes(l))) throw new Error(`the last moment is not the final text:\n${last}`);
  await ivy.getByRole("button", { name: "First" }).click();
  const first = await text();
  if (first.includes(EDITS[0])) throw new Error(`the first moment already has the candidate's code:\n${first}`);
  const slider = ivy.getByLabel("Moment in the playback");
  const moments = Number(await slider.getAttribute("max")) + 1;
  // Half-way through: some of Cam's edits, not all of them.
  await slider.fill(String(Math.floor(moments / 2)));
  const middle = await text();
  await shootIfAsked(ivy, shotDir, "playback");
  await ivy.getByRole("button", { name: "Last" }).click();
  if ((await text()) !== last) throw new Error("Last does not bring the final text back");
  const edits = (t) => EDITS.filter((l) => t.includes(l)).length;
  return { code, moments, edits: [edits(first), edits(middle), edits(last)] };
});
