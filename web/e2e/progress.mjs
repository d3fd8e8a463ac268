// A new learner's progress in real Chromium: Pia signs up and finds the daily challenge on the
// problem list, an empty dashboard; she solves the challenge and the verdict banner ranks her
// run, an achievement notification arrives live in the bell and is marked read; the dashboard
// shows one solved, a one-day streak, XP and today's square on the heat-map; the leaderboard
// lists her with her rank (tabs work from the keyboard); her profile shows the achievement.
// Quinn, a second new user, sees Pia on the board and is told how to get on it himself.
// Parts whose endpoint the server lacks (404) are skipped and reported in `missing`.
// Usage: node e2e/progress.mjs BASE_URL PROBLEMS_DIR FALLBACK_SLUG SHOT_DIR
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main, openPage, shootIfAsked, signUp, WAIT } from "./harness.mjs";

const [base, problemsDir, fallbackSlug, shotDir] = process.argv.slice(2);
const LONG = { timeout: 90_000 };
const userId = (page) => page.evaluate(() => JSON.parse(globalThis.localStorage.getItem("codearena.session")).user.id);
const text = async (locator) => (await locator.innerText(WAIT)).replace(/\s+/g, " ").trim();

/** Which progress endpoints this server has (a 404 means not yet). */
async function features(page) {
  const token = await page.evaluate(() => JSON.parse(globalThis.localStorage.getItem("codearena.session")).access);
  const id = await userId(page);
  const paths = {
    daily: "/api/daily-challenge",
    inbox: "/api/notifications",
    leaderboards: "/api/leaderboards",
    achievements: `/api/users/${id}/achievements`,
  };
  const has = {};
  for (const [name, path] of Object.entries(paths)) {
    const resp = await page.request.get(base + path, { headers: { Authorization: `Bearer ${token}` } });
    has[name] = resp.status() !== 404;
  }
  const profile = await (await page.request.get(`${base}/api/users/${id}`)).json();
  has.stats = Boolean(profile.user?.stats ?? profile.stats);
  return has;
}

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("sign up; the daily challenge is on the problem list");
  const pia = (pages.Pia = await openPage(browser, consoleLines, "Pia"));
  await signUp(pia, base, "Pia Progress");
  const piaId = await userId(pia);
  const has = await features(pia);
  const missing = Object.keys(has).filter((k) => !has[k]);
  let dailySlug = null;
  if (has.daily) {
    const daily = pia.getByTestId("daily-card");
    await daily.getByTestId("daily-link").waitFor(WAIT);
    dailySlug = (await daily.getByTestId("daily-link").getAttribute("href")).replace("/problems/", "");
    const dailyStatus = await daily.getByTestId("daily-status").getAttribute("data-status");
    if (dailyStatus !== "none") throw new Error(`a new user's daily challenge status is ${dailyStatus}, not none`);
  }
  const dailySolution = dailySlug && join(problemsDir, dailySlug, "solutions", "reference.py");
  const slug = dailySolution && existsSync(dailySolution) ? dailySlug : fallbackSlug;
  const solution = readFileSync(join(problemsDir, slug, "solutions", "reference.py"), "utf8");

  step("an empty dashboard");
  await pia.getByRole("link", { name: "Dashboard" }).click();
  await pia.getByRole("heading", { name: "Your progress" }).waitFor(WAIT);
  const solvedBefore = await text(pia.getByTestId("tile-solved-value"));
  if (solvedBefore !== "0") throw new Error(`a new user has ${solvedBefore} solved`);
  await pia.getByTestId("heatmap").waitFor(WAIT);
  const bell = pia.getByTestId("bell");
  // Without the inbox endpoint the bell appears only once a notification arrives live.
  const unreadBefore = has.inbox ? Number(await bell.getAttribute("data-unread", WAIT)) : 0;

  step("solve the daily challenge");
  if (slug === dailySlug) await pia.getByTestId("daily-card").getByTestId("daily-link").click();
  else await pia.goto(`${base}/problems/${slug}`);
  await pia.locator("#problem-title").waitFor(WAIT);
  await pia.locator(".cm-content").click();
  await pia.keyboard.press("ControlOrMeta+a");
  await pia.keyboard.insertText(solution);
  const submit = pia.getByRole("button", { name: "Submit" });
  await submit.and(pia.locator(":enabled")).waitFor(WAIT);
  await submit.click();
  const verdict = pia.getByTestId("verdict");
  await verdict.waitFor(LONG);
  if ((await verdict.getAttribute("data-verdict")) !== "AC") throw new Error(`verdict: ${await text(verdict)}`);
  const beats = (await pia.getByTestId("percentiles").count()) ? await text(pia.getByTestId("percentiles")) : null;

  step("an achievement arrives live in the bell");
  await pia.waitForFunction(
    (before) => Number(globalThis.document.querySelector('[data-testid="bell"]')?.getAttribute("data-unread") ?? 0) > before,
    unreadBefore,
    LONG,
  );
  const bellLabel = await bell.getAttribute("aria-label");
  await pia.getByTestId("toast").waitFor(WAIT);
  await bell.click();
  const panel = pia.getByTestId("bell-panel");
  const achievement = panel.locator('[data-testid="notification"][data-kind="achievement"][data-unread="true"]').first();
  await achievement.waitFor(WAIT);
  const achievementTitle = await text(achievement.locator(".note-title"));
  await shootIfAsked(pia, shotDir, "bell");
  await pia.keyboard.press("Escape");
  await panel.waitFor({ state: "detached", ...WAIT });
  if (!(await bell.evaluate((el) => el === globalThis.document.activeElement))) throw new Error("Escape did not return focus to the bell");
  if (has.inbox) {
    await pia.keyboard.press("Enter");
    await panel.getByRole("button", { name: "Mark all as read" }).click();
    await pia.locator('[data-testid="bell"][data-unread="0"]').waitFor(WAIT);
    await pia.getByTestId("toast").waitFor({ state: "detached", ...WAIT });
    await panel.getByRole("link", { name: "All notifications" }).click();
    await pia.getByTestId("inbox").locator('[data-kind="achievement"][data-unread="false"]').first().waitFor(WAIT);
  }

  step("the dashboard counts it");
  await pia.getByRole("link", { name: "Dashboard" }).click();
  await pia.getByRole("heading", { name: "Your progress" }).waitFor(WAIT);
  await pia.locator('[data-testid="tile-solved-value"]', { hasText: /^1$/ }).waitFor(WAIT);
  const streak = await text(pia.getByTestId("tile-streak-value"));
  const xp = await text(pia.getByTestId("tile-xp-value"));
  if (streak !== "1 day") throw new Error(`streak shows ${streak}`);
  if (!(parseInt(xp.replace(/\D/g, ""), 10) > 0)) throw new Error(`XP shows ${xp}`);
  const today = new Date().toISOString().slice(0, 10);
  const todayCount = Number(await pia.locator(`[data-testid="heatmap"] rect[data-date="${today}"]`).getAttribute("data-count"));
  if (!(todayCount >= 1)) throw new Error(`today's heat-map square counts ${todayCount}`);
  const chart = pia.getByTestId("activity-chart");
  await chart.locator("canvas").waitFor(WAIT); // uPlot drew it
  const charted = { submissions: Number(await chart.getAttribute("data-submissions")), accepted: Number(await chart.getAttribute("data-accepted")) };
  if (!(charted.accepted >= 1 && charted.submissions >= charted.accepted)) throw new Error(`the chart shows ${JSON.stringify(charted)}`);
  const caption = await text(chart.locator("figcaption"));
  await pia.locator('[data-testid="by-difficulty"] [data-testid="solved-row"]:not([data-solved="0"])').first().waitFor(WAIT);
  await pia.getByTestId("dashboard-recent").locator("li", { hasText: "AC" }).first().waitFor(WAIT);
  const status = has.daily && slug === dailySlug ? await pia.getByTestId("daily-card").getByTestId("daily-status").getAttribute("data-status") : "n/a";
  if (has.daily && slug === dailySlug && status !== "solved") throw new Error(`the daily challenge shows ${status} after solving it`);
  await shootIfAsked(pia, shotDir, "dashboard");
  if (has.daily) {
    await pia.getByTestId("daily-card").getByRole("link", { name: "Past challenges" }).click();
    const todays = pia.getByTestId("daily-history").locator("li").first();
    await todays.getByTestId("daily-status").waitFor(WAIT);
    const history = await todays.getByTestId("daily-status").getAttribute("data-status");
    if (slug === dailySlug && history !== "solved") throw new Error(`today's challenge in the history shows ${history}`);
  }

  step("the profile shows the achievement");
  await pia.getByTestId("user-name").click();
  await pia.getByTestId("profile-name").waitFor(WAIT);
  if (has.achievements) await pia.getByTestId("achievements-earned").locator("li").first().waitFor(WAIT);
  else await pia.getByTestId("not-available").first().waitFor(WAIT);
  if (has.stats) await pia.locator('[data-testid="stats-solved"]', { hasText: /^1\b/ }).waitFor(WAIT);
  await shootIfAsked(pia, shotDir, "profile-progress");

  const outcome = { slug, daily: dailySlug, charted, caption, beats, bell: bellLabel, achievement: achievementTitle, streak, xp, missing };
  if (!has.leaderboards) return outcome;
  step("the leaderboard shows her rank");
  await pia.getByRole("link", { name: "Leaderboards" }).click();
  await pia.locator(`[data-testid="leaderboard"] [data-user="${piaId}"]`).waitFor(WAIT);
  const rank = await text(pia.getByTestId("my-rank-value"));
  await pia.locator(`[data-testid="neighbours"] [data-user="${piaId}"]`).waitFor(WAIT);
  await pia.getByRole("tab", { name: "All-time XP" }).focus();
  await pia.keyboard.press("ArrowRight");
  await pia.locator('[role="tab"][aria-selected="true"]', { hasText: "Problems solved" }).waitFor(WAIT);
  if (!pia.url().includes("board=solved")) throw new Error(`the solved tab did not change the URL: ${pia.url()}`);
  await pia.locator(`[data-testid="leaderboard"] [data-user="${piaId}"]`).waitFor(WAIT);
  await shootIfAsked(pia, shotDir, "leaderboards");

  step("another user sees her on the board");
  const quinn = (pages.Quinn = await openPage(browser, consoleLines, "Quinn", { width: 390, height: 844 }));
  await signUp(quinn, base, "Quinn Newcomer");
  await quinn.goto(`${base}/leaderboards`);
  const row = quinn.locator(`[data-testid="leaderboard"] [data-user="${piaId}"]`);
  await row.filter({ hasText: "Pia Progress" }).waitFor(WAIT);
  await quinn.getByTestId("my-rank").waitFor(WAIT);
  const quinnRank = await text(quinn.getByTestId("my-rank"));
  await shootIfAsked(quinn, shotDir, "leaderboards-phone");

  return { ...outcome, rank, quinn: quinnRank };
});
