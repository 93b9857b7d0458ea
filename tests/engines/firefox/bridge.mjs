// Firefox ESR (Debian firefox-esr) over WebDriver BiDi, driven by puppeteer-core, for the Python tests:
// one JSON command a line on stdin, one JSON answer a line on stdout.
//   {"goto": url}  -> {"ok": true}
//   {"eval": expression}  -> {"ok": true, "value": ...}   (a promise is awaited)
//   {"quit": true}
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX_PATH || "/usr/bin/firefox-esr",
  headless: true,
  protocolTimeout: 400000,
  extraPrefsFirefox: { "intl.accept_languages": "zh-CN", "browser.cache.disk.enable": true },
});
const page = await browser.newPage();
await page.setViewport({ width: 390, height: 844 });
const external = [];
page.on("request", (r) => {
  if (!/^(file:|data:|blob:|about:|http:\/\/127\.0\.0\.1[:/])/.test(r.url())) external.push(r.url());
});
const say = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
say({ ok: true, version: await browser.version() });

for await (const line of readline.createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line);
  try {
    if (cmd.quit) break;
    if (cmd.goto) {
      await page.goto(cmd.goto, { waitUntil: "load", timeout: 120000 });
      say({ ok: true });
    } else if (cmd.eval) {
      say({ ok: true, value: await page.evaluate(cmd.eval), external });
    }
  } catch (err) {
    say({ ok: false, error: String(err && err.message || err) });
  }
}
await browser.close();
