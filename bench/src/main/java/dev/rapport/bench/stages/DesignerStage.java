package dev.rapport.bench.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.bench.load.Latencies;
import dev.rapport.bench.load.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stage 6 (only with {@code --stages designer}): the script designer in headless Chromium on a script of
 * {@code --designer-components} components, against the same designer on a 10-component script in the same run.
 * (a) open the script until the canvas shows every component (the draft's GET included); (b) select a text
 * component on the canvas, change its Text property, until the canvas shows the new text. Each measured inside the
 * page (performance.now, up to the next animation frame after the DOM changed), so Playwright's round trips are not
 * counted. Debian's /usr/bin/chromium and the system node, as test-kit's TestBrowser.
 */
public final class DesignerStage {
    static final String STAGE = "6 script designer";
    static final int BASELINE_COMPONENTS = 10;
    private static final int OPENS = 6;
    private static final int EDITS = 10;

    // Sets the hash and waits until `expected` canvas items exist, then one more frame (painted).
    private static final String OPEN = """
            async ([hash, expected]) => {
              const t0 = performance.now();
              location.hash = hash;
              await new Promise((resolve, reject) => {
                const done = () => document.querySelectorAll('[role=tree] [data-cid]').length >= expected;
                const tick = () => done() ? resolve() : performance.now() - t0 > 60000
                  ? reject(new Error('canvas not drawn in 60 s')) : setTimeout(tick, 2);
                tick();
              });
              await new Promise((r) => requestAnimationFrame(() => r()));
              return performance.now() - t0;
            }""";

    // Clicks a canvas item, types a new text into the Text property, waits until the canvas shows it.
    private static final String EDIT = """
            async ([id, text]) => {
              const until = (test) => new Promise((resolve, reject) => {
                const t0 = performance.now();
                const tick = () => { const v = test(); if (v) resolve(v);
                  else if (performance.now() - t0 > 30000) reject(new Error('timed out')); else setTimeout(tick, 1); };
                tick();
              });
              const item = () => document.querySelector(`[role=tree] [data-cid="${id}"]`);
              const t0 = performance.now();
              item().click();
              const field = await until(() => {
                const label = [...document.querySelectorAll('[role=tabpanel] label')].find((l) => l.textContent === 'Text');
                const f = label && document.getElementById(label.htmlFor);
                return f && item().getAttribute('aria-selected') === 'true' ? f : null;
              });
              field.value = text;
              field.dispatchEvent(new Event('input', { bubbles: true }));
              await until(() => item().textContent.includes(text));
              await new Promise((r) => requestAnimationFrame(() => r()));
              return performance.now() - t0;
            }""";

    private final Context ctx;

    public DesignerStage(Context ctx) {
        this.ctx = ctx;
    }

    public void run() throws Exception {
        int size = ctx.options().designerComponents();
        ctx.say("stage 6: the script designer, " + size + " components against " + BASELINE_COMPONENTS
                + " (" + ctx.options().ui() + ")");
        String big = create(size);
        String small = create(BASELINE_COMPONENTS);
        try (Playwright playwright = playwright(); Browser browser = chromium(playwright)) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)).newPage();
            signIn(page);
            // one unrecorded pass each: the first load compiles the designer's code
            open(page, small, BASELINE_COMPONENTS);
            open(page, big, size);
            Summary openBig = measureOpen(page, big, size, "open a " + size + "-component script: canvas drawn");
            Summary openSmall = measureOpen(page, small, BASELINE_COMPONENTS,
                    "baseline: open a " + BASELINE_COMPONENTS + "-component script");
            Summary editBig = measureEdits(page, big, size, "select + edit a text property: canvas shows it, "
                    + size + " components");
            Summary editSmall = measureEdits(page, small, BASELINE_COMPONENTS,
                    "baseline: the same edit, " + BASELINE_COMPONENTS + " components");
            record(openBig, openSmall);
            record(editBig, editSmall);
        } finally {
            delete(big);
            delete(small);
        }
    }

    private void record(Summary subject, Summary baseline) {
        ctx.results().add(STAGE, subject.name(), subject);
        ctx.results().add(STAGE, baseline.name(), baseline);
        ctx.results().compare(STAGE, subject, baseline);
        ctx.say(String.format(java.util.Locale.ROOT, "  %s: p50 %.1f ms, p95 %.1f ms; baseline p50 %.1f ms; ratio %.1fx",
                subject.name(), subject.p50(), subject.p95(), baseline.p50(), subject.p50() / baseline.p50()));
    }

    private Summary measureOpen(Page page, String id, int components, String name) {
        Latencies latencies = new Latencies(name);
        for (int i = 0; i < OPENS; i++) {
            recordMs(latencies, open(page, id, components));
        }
        return latencies.summarize(OPENS, Double.NaN);
    }

    private Summary measureEdits(Page page, String id, int components, String name) {
        open(page, id, components);
        List<String> texts = DesignerScripts.editableTexts(components, EDITS);
        Latencies latencies = new Latencies(name);
        int sent = 0;
        for (int round = 0; sent < EDITS; round++) {
            for (String text : texts) {
                if (sent++ >= EDITS) {
                    break;
                }
                Object ms = page.evaluate(EDIT, List.of(text, "Edited " + round + " " + text));
                recordMs(latencies, ((Number) ms).doubleValue());
                waitSaved(page);
            }
        }
        return latencies.summarize(EDITS, Double.NaN);
    }

    private double open(Page page, String id, int components) {
        page.evaluate("() => { location.hash = '#/admin/scripts'; }");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New script")).waitFor();
        return ((Number) page.evaluate(OPEN, List.of("#/admin/scripts/" + id, components + 1))).doubleValue();
    }

    /** The edit's autosave (a PUT of the whole draft) finishes outside the measurement. */
    private static void waitSaved(Page page) {
        page.waitForFunction("() => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent === 'Saved')",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    private static void recordMs(Latencies latencies, double ms) {
        latencies.record(0, Math.round(ms * 1e6));
    }

    private void signIn(Page page) {
        page.navigate(ctx.options().ui().toString());
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill("admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scripts")).waitFor();
    }

    private String create(int components) throws Exception {
        var script = DesignerScripts.build("bench designer " + components + " " + System.currentTimeMillis(), components);
        JsonNode created = ctx.api().post("/api/v2/scripts", ctx.tokens().admin(), script);
        return created.path("id").asText();
    }

    private void delete(String id) {
        try {
            ctx.api().call("DELETE", ctx.api().gateway().resolve("/api/v2/scripts/" + id), ctx.tokens().admin(), null);
        } catch (Exception e) {
            ctx.say("  (could not delete the bench's script " + id + ": " + e.getMessage() + ")");
        }
    }

    private static Playwright playwright() {
        if (System.getProperty("playwright.nodejs.path") == null) {
            System.setProperty("playwright.nodejs.path", env("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node"));
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    private static Browser chromium(Playwright playwright) {
        Path executable = Path.of(env("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: apt-get install -y chromium");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
