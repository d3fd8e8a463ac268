// The coach in real Chromium: an anonymous visitor reads a problem and is asked to sign in to
// run it; a new user asks for a hint, the answer streams in token by token, and Stop ends it
// (or the reply finishes first with done: true, the offline coach being quick; with
// E2E_EXPECT_STOP=1, against a slow model, Stop must cut the reply short and nothing follows).
// Usage: node e2e/coach.mjs BASE_URL SLUG SHOT_DIR
import { main, openPage, shootIfAsked, signUp, WAIT } from "./harness.mjs";

const [base, slug, shotDir] = process.argv.slice(2);

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  const page = (pages.learner = await openPage(browser, consoleLines, "learner"));

  step("an anonymous visitor reads the statement");
  await page.goto(`${base}/problems/${slug}`);
  await page.locator("#problem-title").waitFor(WAIT);
  await page.locator(".markdown").first().waitFor(WAIT);
  await page.getByRole("link", { name: "Sign in to run and submit" }).waitFor(WAIT);
  if (await page.getByRole("button", { name: "Submit" }).count()) throw new Error("an anonymous visitor sees Submit");

  step("sign up and open the problem");
  await signUp(page, base, "Coach Learner");
  await page.goto(`${base}/problems/${slug}`);
  await page.locator("#problem-title").waitFor(WAIT);

  step("ask for a hint");
  const ask = page.getByRole("button", { name: "Ask for a hint" });
  await ask.and(page.locator(":enabled")).waitFor(WAIT);
  await page.getByLabel("Your question").fill("Explain in detail how to approach this problem, step by step.");
  // Count the answer's growth as the page sees it: several distinct lengths = streamed.
  await page.evaluate(() => {
    globalThis.__lengths = new Set();
    new globalThis.MutationObserver(() => {
      const el = globalThis.document.querySelector('[data-testid="coach-answer"]');
      if (el) globalThis.__lengths.add(el.textContent.length);
    }).observe(globalThis.document.body, { subtree: true, childList: true, characterData: true });
  });
  await ask.click();
  const answer = page.getByTestId("coach-answer").last();
  await answer.waitFor(WAIT);

  step("stop the answer");
  const stop = page.getByRole("button", { name: "Stop" });
  let stopped = false;
  try {
    await page.locator('[data-testid="coach-answer"] .markdown').first().waitFor(WAIT);
    if (await stop.isVisible()) {
      await stop.click({ timeout: 2000 });
      stopped = true;
    }
  } catch (err) {
    if (!String(err).includes("Timeout")) throw err; // the reply ended (button gone) just before the click
  }
  await page.locator('[data-testid="coach-answer"]:not([data-status="streaming"])').waitFor(WAIT);
  const status = await answer.getAttribute("data-status");
  const text = (await answer.innerText()).trim();
  const lengths = await page.evaluate(() => globalThis.__lengths.size);
  if (status !== "cancelled" && status !== "complete") throw new Error(`the answer ended as ${status}: ${text}`);
  if (process.env.E2E_EXPECT_STOP) {
    // A slow model: Stop must have been clicked mid-reply and the reply must stay stopped.
    if (!stopped || status !== "cancelled") throw new Error(`expected a stopped reply: stopped ${stopped}, ${status}`);
  }
  if (!text) throw new Error("the coach answered nothing");
  if (await stop.isVisible()) throw new Error("Stop is still shown after the answer ended");

  step("ask again after it ended");
  await page.getByRole("button", { name: "Ask again" }).and(page.locator(":enabled")).waitFor(WAIT);
  await shootIfAsked(page, shotDir, "coach");
  // Nothing more arrived for the stopped reply while the steps above ran.
  if ((await answer.innerText()).trim() !== text) throw new Error("text kept arriving after the reply ended");

  let score = null;
  if (!process.env.E2E_EXPECT_STOP) {
    step("mock interview: the first question streams");
    await page.getByRole("radio", { name: "Mock interview" }).check();
    await page.getByRole("button", { name: "Start a mock interview" }).click();
    const first = page.getByTestId("coach-answer").first();
    await page.locator('[data-testid="coach-answer"][data-status="complete"] .markdown').first().waitFor(WAIT);
    if (!(await first.innerText()).trim()) throw new Error("the interviewer asked nothing");

    step("answer, end, and get the scored feedback");
    await page.getByLabel("Your answer").fill(
      "I would group words by their sorted letters in a hash map: O(n k log k) time, O(n k) space. " +
        "Edge cases: repeated words count separately, single letters, ties broken by the smallest signature.",
    );
    await page.getByRole("button", { name: "Answer" }).click();
    await page.locator('[data-testid="coach-answer"]').nth(1).waitFor(WAIT);
    await page.locator('[data-testid="coach-answer"]:not([data-status="streaming"])').nth(1).waitFor(WAIT);
    await page.getByRole("button", { name: /End and get feedback|Close the interview/ }).click();
    const feedback = page.getByTestId("coach-feedback");
    await feedback.waitFor(WAIT);
    score = Number(await feedback.getAttribute("data-score"));
    await page.getByRole("button", { name: "Start another interview" }).waitFor(WAIT);
    await shootIfAsked(page, shotDir, "interview");
  }
  return {
    score, status, stopped, streamed_lengths: lengths, chars: text.length };
});
