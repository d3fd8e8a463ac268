// System design in real Chromium: Ada opens the URL-shortener brief, draws two labelled boxes
// and an arrow with Excalidraw's own tools (keyboard and mouse), sees "Saved", reloads and
// finds her drawing restored from the server, then submits and reads the offline review.
// Usage: node e2e/design.mjs BASE_URL SHOT_DIR
import { main, openPage, shootIfAsked, signUp, until, WAIT } from "./harness.mjs";

const [base, shotDir] = process.argv.slice(2);

/** Draw a rectangle by dragging on the canvas, then type its label (Enter edits a shape's text). */
async function box(page, x, y, label) {
  await page.keyboard.press("r");
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 160, y + 70, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press("Enter");
  await page.keyboard.type(label);
  await page.keyboard.press("Escape");
}

async function elementCount(page) {
  return Number(await page.getByTestId("design-canvas").getAttribute("data-elements"));
}

await main(shotDir, async ({ browser, pages, consoleLines, step }) => {
  step("sign up and find the system-design problems");
  // Tall enough that the brief and the board fit without scrolling while drawing.
  const ada = (pages.Ada = await openPage(browser, consoleLines, "Ada", { width: 1280, height: 2200 }));
  // Excalidraw fetches fonts from a CDN unless told otherwise: every request must stay here.
  const origin = new URL(base).origin;
  const foreign = [];
  ada.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) foreign.push(url);
  });
  let fonts = 0;
  ada.on("response", (r) => {
    if (/\.woff2(\?|$)/.test(r.url()) && r.status() === 200) fonts += 1;
  });
  await signUp(ada, base, "Ada Design");
  await ada.getByRole("link", { name: "System design" }).click();
  const list = ada.getByTestId("design-list");
  await list.getByRole("link").first().waitFor(WAIT);
  const listed = await list.getByRole("link").count();

  step("open the URL shortener and draw two boxes and an arrow");
  await ada.goto(`${base}/system-design/url-shortener`);
  const title = (await ada.locator("#design-title").innerText(WAIT)).trim();
  const canvas = ada.getByTestId("design-canvas");
  await canvas.waitFor(WAIT);
  await ada.locator(".excalidraw canvas").first().waitFor(WAIT);
  await canvas.scrollIntoViewIfNeeded();
  const area = await canvas.boundingBox();
  await ada.mouse.click(area.x + area.width - 60, area.y + area.height - 120); // focus the board
  const left = area.x + 300; // right of the style panel a chosen tool opens
  const top = area.y + 140;
  await box(ada, left, top, "Load balancer");
  await box(ada, left + 320, top, "API servers");
  await ada.keyboard.press("a");
  await ada.mouse.move(left + 80, top + 35);
  await ada.mouse.down();
  await ada.mouse.move(left + 400, top + 35, { steps: 10 });
  await ada.mouse.up();
  await ada.keyboard.press("Escape");
  await until(async () => (await elementCount(ada)) >= 5, "two boxes, two labels and an arrow");

  step("the board saves to the server");
  const state = ada.getByTestId("design-save-state");
  await until(async () => (await state.innerText()).trim() === "Saved" && (await elementCount(ada)) >= 5, "Saved");
  const drawn = await elementCount(ada);
  await shootIfAsked(ada, shotDir, "design-board");

  step("reload: the drawing comes back from the server");
  await ada.reload();
  await ada.locator(".excalidraw canvas").first().waitFor(WAIT);
  await canvas.scrollIntoViewIfNeeded();
  // Excalidraw reports the restored scene through onChange on its first render.
  await ada.mouse.move(left + 600, top + 300);
  await until(async () => (await elementCount(ada)) === drawn, `${drawn} elements after reload`);

  step("submit and read the review");
  await ada.getByTestId("design-submit").click();
  const review = ada.getByTestId("design-review");
  await review.waitFor(WAIT);
  const heading = (await review.getByRole("heading", { level: 2 }).innerText()).trim();
  const text = await review.innerText();
  return { listed, title, drawn, heading, review: text, foreign, fonts };
});
