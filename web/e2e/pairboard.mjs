// The pair room's drawing board in real Chromium: Ann opens a pair room and its board, Ben joins
// by code and opens his; each draws a labelled box, and both boards end with both boxes (the
// room's Y.Map "scene" over Socket.IO); the server's copy (GET /api/rooms/{id}/scene) reads
// the two labels.
// Usage: node e2e/pairboard.mjs BASE_URL SLUG SHOT_DIR
import { main, openPage, shootIfAsked, signUp, until, WAIT } from "./harness.mjs";

const [base, slug, shotDir] = process.argv.slice(2);

async function box(page, label, dx) {
  const area = await page.getByTestId("pair-board").boundingBox();
  const x = area.x + 300 + dx;
  const y = area.y + 140;
  await page.mouse.click(area.x + area.width - 40, area.y + area.height - 60); // focus the board
  await page.keyboard.press("r");
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 150, y + 70, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press("Enter");
  await page.keyboard.type(label);
  await page.keyboard.press("Escape");
}

const count = async (page) => Number(await page.getByTestId("pair-board").getAttribute("data-elements"));

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("Ann opens a pair room and its board; Ben joins and opens his");
  const size = { width: 1280, height: 1800 };
  pages.Ann = await openPage(browser, consoleLines, "Ann", size);
  pages.Ben = await openPage(browser, consoleLines, "Ben", size);
  const { Ann: ann, Ben: ben } = pages;
  await Promise.all([signUp(ann, base, "Ann"), signUp(ben, base, "Ben")]);
  await ann.goto(`${base}/pair`);
  await ann.getByLabel(/^Problems/).fill(slug);
  await ann.getByRole("button", { name: "Open a pair room" }).click();
  const code = (await ann.getByTestId("room-code").innerText(WAIT)).trim();
  await ben.goto(`${base}/pair`);
  await ben.getByLabel("Room code or invite link").fill(code);
  await ben.getByRole("button", { name: "Join" }).click();
  await ben.getByTestId("room-code").waitFor(WAIT);
  for (const page of [ann, ben]) {
    await page.getByRole("button", { name: "Open the drawing board" }).click();
    await page.locator(".excalidraw canvas").first().waitFor(WAIT);
    await page.getByTestId("pair-board").scrollIntoViewIfNeeded();
  }

  step("each draws a labelled box; both boards hold both");
  await box(ann, "Load balancer", 0);
  await until(async () => (await count(ben)) >= 2, "Ann's box on Ben's board");
  await box(ben, "Cache", 320);
  await until(async () => (await count(ann)) >= 4 && (await count(ben)) >= 4, "both boxes on both boards");
  await shootIfAsked(ann, shotDir, "pair-board");

  step("the server's copy of the drawing reads both labels");
  let scene = null;
  await until(async () => {
    scene = await ann.evaluate(async (id) => {
      const { access } = JSON.parse(globalThis.localStorage.getItem("codearena.session") ?? "{}");
      const r = await fetch(`/api/rooms/${id}/scene`, { headers: { Authorization: `Bearer ${access}` } });
      return r.ok ? r.json() : { status: r.status };
    }, code);
    const labels = JSON.stringify(scene);
    return labels.includes("Load balancer") && labels.includes("Cache");
  }, "both labels in the server's scene");
  return { ann: await count(ann), ben: await count(ben), scene };
});
