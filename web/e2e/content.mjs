// Learning content in real Chromium: Ada opens a learning module, marks a text item done,
// follows the module's quiz, answers it against the server's clock (one answer wrong on
// purpose), reads the graded result with explanations, and finds the quiz counted as done in
// the module and as passed on a company that lists it.
// Usage: node e2e/content.mjs BASE_URL ANSWERS_JSON SHOT_DIR
// ANSWERS_JSON: {module, item, quiz, company, answers: {number: {kind, answer}}} (from the test).
import { main, openPage, shootIfAsked, signUp, WAIT } from "./harness.mjs";

const [base, plan, shotDir] = process.argv.slice(2);
const { module, item, quiz, company, answers } = JSON.parse(plan);

async function answer(page, number, { kind, answer: value }, wrong) {
  const box = page.getByTestId(`question-${number}`);
  if (kind === "single") {
    const radios = box.locator('input[type="radio"]');
    const index = wrong ? (value + 1) % (await radios.count()) : value;
    await radios.nth(index).check();
  } else if (kind === "multi") {
    for (const index of value) await box.locator('input[type="checkbox"]').nth(index).check();
  } else if (kind === "true_false") {
    await box.locator('input[type="radio"]').nth(value === !wrong ? 0 : 1).check();
  } else {
    await box.locator("textarea").fill(wrong ? "not it" : value);
  }
}

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("open a learning module and mark a text item done");
  const ada = (pages.Ada = await openPage(browser, consoleLines, "Ada"));
  await signUp(ada, base, "Ada Learner");
  await ada.getByRole("link", { name: "Learn", exact: true }).click();
  await ada.getByTestId("module-list").getByRole("link").first().waitFor(WAIT);
  await ada.goto(`${base}/learn/${module}`);
  const progress = ada.getByTestId("module-progress");
  const before = (await progress.innerText(WAIT)).trim();
  await ada.getByTestId(`item-${item}`).getByRole("button", { name: "Mark as done" }).click();
  await ada.locator(`[data-testid="item-${item}"][data-done="true"]`).waitFor(WAIT);
  const marked = (await progress.innerText()).trim();

  step("take the module's quiz with one answer wrong");
  await ada.getByRole("link", { name: /^Take the quiz/ }).click();
  await ada.getByTestId("quiz-start").click();
  const clock = (await ada.getByTestId("quiz-clock").innerText(WAIT)).trim();
  const numbers = Object.keys(answers).sort((a, b) => a - b);
  for (const n of numbers) await answer(ada, n, answers[n], n === numbers[0]);
  await ada.getByTestId("quiz-submit").click();
  const result = ada.getByTestId("quiz-result");
  await result.waitFor(WAIT);
  const heading = (await result.getByRole("heading").innerText()).trim();
  const wrongRow = (await result.locator("li.bad").first().innerText()).trim();
  await shootIfAsked(ada, shotDir, "quiz-result");

  step("the module counts the passed quiz; the company counts it too");
  await ada.goto(`${base}/learn/${module}`);
  await ada.locator(`[data-testid="item-check"][data-done="true"]`).waitFor(WAIT);
  const after = (await progress.innerText()).trim();
  await ada.goto(`${base}/companies`);
  await ada.getByTestId("company-list").getByRole("link").first().waitFor(WAIT);
  await ada.goto(`${base}/companies/${company}`);
  const companyProgress = (await ada.getByTestId("company-progress").innerText(WAIT)).trim();
  const companyQuiz = (await ada.getByTestId("company-quizzes").getByRole("listitem").filter({ hasText: "passed" }).first().innerText()).trim();
  await ada.goto(`${base}/quizzes/${quiz}`);
  const summary = await ada.getByText(/your best \d+%/).innerText(WAIT);
  const best = summary.match(/your best \d+%/)[0];
  return { before, marked, clock, heading, wrongRow, after, companyProgress, companyQuiz, best };
});
