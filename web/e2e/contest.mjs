// Three people in one contest in real Chromium: Alice creates it, Bob and Carol join by its
// code from the lobby, Alice starts it; Alice submits an accepted solution and all three see
// the scoreboard move (with her name); Alice ends it and everyone sees the final standings.
// Usage: node e2e/contest.mjs BASE_URL SLUG SOLUTION_FILE SHOT_DIR
import { readFileSync } from "node:fs";
import { main, openPage, shootIfAsked, signUp, WAIT } from "./harness.mjs";

const [base, slug, solutionFile, shotDir] = process.argv.slice(2);
const solution = readFileSync(solutionFile, "utf8");
const userId = (page) => page.evaluate(() => JSON.parse(globalThis.localStorage.getItem("codearena.session")).user.id);

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("three people sign up");
  const names = ["Alice", "Bob", "Carol"];
  for (const name of names) pages[name] = await openPage(browser, consoleLines, name);
  await Promise.all(names.map((n) => signUp(pages[n], base, n)));
  const { Alice: alice, Bob: bob, Carol: carol } = pages;
  const aliceId = await userId(alice);

  step("Alice creates a contest");
  await alice.getByRole("link", { name: "Contests" }).click();
  await alice.getByLabel("Name", { exact: true }).fill("Friday sprint");
  await alice.getByLabel(/^Problems/).fill(slug);
  await alice.getByRole("checkbox", { name: "Rated" }).check();
  await alice.getByRole("button", { name: "Create a contest" }).click();
  const code = (await alice.getByTestId("room-code").innerText({ timeout: WAIT.timeout })).trim();

  step("Bob and Carol join by code");
  for (const p of [bob, carol]) {
    await p.goto(`${base}/contests`);
    if (p === bob) {
      await bob.getByRole("link", { name: "Friday sprint" }).waitFor(WAIT); // listed in the lobby
      await shootIfAsked(bob, shotDir, "contest-lobby");
    }
    await p.getByLabel("Room code or invite link").fill(code);
    await p.getByRole("button", { name: "Join" }).click();
    await p.getByRole("heading", { name: "Friday sprint" }).waitFor(WAIT);
  }
  for (const p of [alice, bob, carol]) {
    await p.locator('[data-testid="participants"] li:nth-child(3)').waitFor(WAIT);
    for (const name of names) await p.locator('[data-testid="participants"] li', { hasText: name }).waitFor(WAIT);
  }

  step("Alice starts it; the clock runs for all");
  await alice.getByRole("button", { name: "Start the contest" }).click();
  for (const p of [alice, bob, carol]) {
    await p.locator('[data-testid="room-status"][data-status="in_progress"]').waitFor(WAIT);
    await p.getByTestId("clock").waitFor(WAIT);
    await p.getByTestId("scoreboard").waitFor(WAIT);
  }
  await shootIfAsked(bob, shotDir, "contest-running");

  step("Alice submits an accepted solution");
  await alice.getByRole("link", { name: slug }).click();
  await alice.locator("#problem-title").waitFor(WAIT);
  await alice.locator(".cm-content").click();
  await alice.keyboard.press("ControlOrMeta+a");
  await alice.keyboard.insertText(solution);
  const submit = alice.getByRole("button", { name: "Submit" });
  await submit.and(alice.locator(":enabled")).waitFor(WAIT);
  await submit.click();
  const verdict = alice.getByTestId("verdict");
  await verdict.waitFor(WAIT);
  if ((await verdict.getAttribute("data-verdict")) !== "AC") throw new Error(`verdict: ${await verdict.innerText()}`);

  step("everyone sees the scoreboard move");
  const solvedRow = `[data-testid="score-row"][data-user="${aliceId}"][data-solved="1"]`;
  for (const p of [bob, carol]) {
    await p.locator(solvedRow).waitFor(WAIT);
    await p.locator(solvedRow, { hasText: "Alice" }).waitFor(WAIT);
    await p.locator('[data-testid="feed"] li', { hasText: "AC" }).first().waitFor(WAIT);
  }
  await alice.getByRole("link", { name: "Back to the contest" }).click();
  await alice.locator(solvedRow).waitFor(WAIT);
  await shootIfAsked(carol, shotDir, "contest-scoreboard");

  step("Alice ends it; final standings for all");
  await alice.getByRole("button", { name: "End now" }).click();
  for (const p of [alice, bob, carol]) {
    await p.getByTestId("final").waitFor(WAIT);
    await p.locator('[data-testid="room-status"][data-status="completed"]').waitFor(WAIT);
  }
  const change = await alice.getByTestId("rating-change").innerText({ timeout: WAIT.timeout });
  const firstRank = await carol.locator('[data-testid="score-row"]').first().getAttribute("data-user");
  if (firstRank !== String(aliceId)) throw new Error(`Alice should rank first, got user ${firstRank}`);
  await shootIfAsked(alice, shotDir, "contest-final");
  return { code, rating_change: change.replace(/\s+/g, " ") };
});
