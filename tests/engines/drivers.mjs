// Thin adapters that give the cross-engine flows one small driver interface: Firefox ESR through
// puppeteer-core over WebDriver BiDi, WebKitGTK (the engine behind Safari) through WebDriver with
// selenium-webdriver and the MiniBrowser under Xvfb. Every method is async.
//   goto(url) · reload() · eval(body, ...args) (a function body; `return` gives the value) ·
//   click(css) · type(css, text) · press(key) · setFile(css, path) · frame(css) · close()
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Firefox ESR, headless, a fresh profile per launch. */
export async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    // No telemetry, updates or other background connections from the browser itself.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const version = await browser.version();
  return wrapPuppeteer(page, async () => browser.close(), version);
}

function wrapPuppeteer(target, close, version) {
  const keys = { Tab: 'Tab', Space: ' ', Enter: 'Enter', ArrowDown: 'ArrowDown', ArrowRight: 'ArrowRight' };
  const page = target.keyboard ? target : null;
  return {
    name: 'Firefox',
    version,
    goto: (url) => target.goto(url, { waitUntil: 'load' }),
    reload: () => target.reload({ waitUntil: 'load' }),
    eval: (body, ...args) => target.evaluate(new Function('...args', body), ...args),
    click: async (css) => {
      await target.waitForSelector(css, { visible: true, timeout: 10000 });
      await target.click(css);
    },
    type: async (css, text) => {
      await target.waitForSelector(css, { timeout: 10000 });
      await target.$eval(css, (el) => {
        el.focus();
        el.select?.();
      });
      await target.type(css, text);
    },
    press: (key) => (page ?? target.page()).keyboard.press(keys[key] ?? key),
    setFile: async (css, path) => {
      const input = await target.waitForSelector(css, { timeout: 10000 });
      await input.uploadFile(path);
    },
    frame: async (css) => {
      const handle = await target.waitForSelector(css, { timeout: 10000 });
      const frame = await handle.contentFrame();
      return wrapPuppeteer(frame, async () => {}, version);
    },
    close,
  };
}

let xvfb = null;
let webdriver = null;

/** A display for the MiniBrowser: Xvfb on :99, started once. */
async function display() {
  if (!xvfb) {
    xvfb = spawn('Xvfb', [':99', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    process.on('exit', () => xvfb?.kill());
    await sleep(700);
  }
  process.env.DISPLAY = ':99';
}

/** Starts WebKitWebDriver on port 4444 (again, after a restart). */
async function startWebDriver() {
  webdriver = spawn('WebKitWebDriver', ['--port=4444'], { stdio: 'ignore', env: process.env });
  await sleep(700);
}

/** Waits until WebKitWebDriver's W3C status says it can take a new session (at most 15 s). */
async function webdriverReady() {
  for (let n = 0; n < 150; n++) {
    const ready = await fetch('http://127.0.0.1:4444/status')
      .then((r) => r.json())
      .then((s) => s.value?.ready === true, () => false);
    if (ready) return;
    await sleep(100);
  }
}

/**
 * A new WebKit session. WebKitWebDriver holds one session at a time, and now and then a request
 * for a new one right after a quit never answers: after 30 s it is restarted (with its
 * MiniBrowser) and asked again, three times at most.
 */
async function webkitSession(build) {
  for (let attempt = 1; ; attempt++) {
    await webdriverReady();
    const request = build();
    Promise.resolve(request).catch(() => {});
    let timer;
    const late = new Promise((r) => {
      timer = setTimeout(() => r(null), 30_000);
    });
    const driver = await Promise.race([request, late]).finally(() => clearTimeout(timer));
    if (driver) return driver;
    if (attempt === 3) throw new Error('WebKitWebDriver did not start a session within 30 s, three times');
    console.log('      (WebKitWebDriver did not answer a new session within 30 s: restarting it)');
    webdriver.kill('SIGKILL');
    spawn('pkill', ['-f', 'MiniBrowser'], { stdio: 'ignore' });
    await sleep(500);
    await startWebDriver();
  }
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver, a fresh profile per launch. */
export async function webkit() {
  await display();
  if (!webdriver) {
    await startWebDriver();
    process.on('exit', () => webdriver?.kill());
  }
  const { Builder, By, Key } = await import('selenium-webdriver');
  const binary = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser'].find(existsSync);
  const driver = await webkitSession(() =>
    new Builder()
      .usingServer('http://127.0.0.1:4444')
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } })
      .build(),
  );
  const caps = await driver.getCapabilities();
  const version = `WebKitGTK ${caps.get('browserVersion') ?? ''}`.trim();
  const keys = { Tab: Key.TAB, Space: Key.SPACE, Enter: Key.ENTER, ArrowDown: Key.ARROW_DOWN, ArrowRight: Key.ARROW_RIGHT };
  const find = async (css) => {
    for (let n = 0; n < 100; n++) {
      const found = await driver.findElements(By.css(css));
      if (found.length > 0) return found[0];
      await sleep(100);
    }
    throw new Error(`no element ${css}`);
  };
  // `frameCss`: the iframe this driver works in, if any.
  const make = (enter, frameCss = null) => ({
    name: 'WebKit',
    version,
    goto: async (url) => {
      await driver.switchTo().defaultContent();
      await driver.get(url);
    },
    reload: () => driver.navigate().refresh(),
    eval: async (body, ...args) => {
      await enter();
      return driver.executeScript(`return (function(...args) { ${body} }).apply(null, arguments)`, ...args);
    },
    click: async (css) => {
      await enter();
      let el = await find(css);
      await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', el);
      if (frameCss) {
        // WebKitWebDriver clicks at the element's place in the top page: bring the part of the
        // frame that holds it into the top page's view first. The frame's height follows its
        // content by message, a little later: on a busy machine the element can still move
        // (the frame grows, its own scroll resets) between the scroll and the click, and the
        // click lands beside it. So the click waits until the element stays put for two checks
        // and is the thing at its own centre.
        for (let tries = 0; ; tries++) {
          const top = await driver.executeScript('arguments[0].scrollIntoView({block: "center"}); return arguments[0].getBoundingClientRect().top', el);
          await driver.switchTo().defaultContent();
          await driver.executeScript(
            'const f = document.querySelector(arguments[0]); window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + arguments[1] - window.innerHeight / 2);',
            frameCss,
            top,
          );
          await sleep(100);
          const frameTop = () => driver.executeScript('return document.querySelector(arguments[0]).getBoundingClientRect().top', frameCss);
          const before = await frameTop();
          await enter();
          el = await find(css);
          const settled = await driver.executeScript(
            `const r = arguments[0].getBoundingClientRect();
             const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
             return Math.abs(r.top - arguments[1]) < 2 && !!hit && (hit === arguments[0] || arguments[0].contains(hit) || hit.contains(arguments[0]));`,
            el,
            top,
          );
          await driver.switchTo().defaultContent();
          const after = await frameTop();
          await enter();
          if (tries === 20) console.log(`      (the click on ${css} found its element still moving after 20 tries)`);
          if ((settled && before === after) || tries === 20) break;
        }
      }
      await el.click();
    },
    type: async (css, text) => {
      await enter();
      const el = await find(css);
      await el.clear();
      await el.sendKeys(text);
    },
    press: async (key) => {
      await enter();
      await driver.actions().sendKeys(keys[key] ?? key).perform();
    },
    setFile: async (css, path) => {
      await enter();
      await (await find(css)).sendKeys(path);
    },
    frame: async (css) => {
      const into = async () => {
        await driver.switchTo().defaultContent();
        await driver.switchTo().frame(await find(css));
      };
      return make(into, css);
    },
    // A flow may close its browser itself; the runner's second close is then a no-op.
    close: () => (quitting ??= driver.quit()),
  });
  let quitting;
  return make(() => driver.switchTo().defaultContent());
}

/** Stops the helpers the WebKit adapter started. */
export function shutdown() {
  webdriver?.kill();
  xvfb?.kill();
}
