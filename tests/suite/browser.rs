//! The participant pages end to end in a real browser (Chromium through chromedriver):
//! each journey of the pages' issue, with the axe-core accessibility checks (WCAG 2.x A and
//! AA) on every page it passes and a check that nothing scrolls sideways at 320 px.
//!
//! Every kind of page also goes through the Nu HTML Checker. The tests are ignored unless
//! asked for (`--include-ignored`), since they need chromium and chromedriver, Java, and
//! `node_modules/` (from `npm ci`); asked for without them, they fail and say what is missing.
//! With `REGISTRAR_SCREENSHOTS=docs/screenshots` each page is also saved there as a desktop
//! and a phone (360 px) screenshot.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::common::{Db, Server};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// One browser at a time: the machines that run this have few cores.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const DESKTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (360, 780);
const NARROWEST: u32 = 320;

const CHROMIUM: [&str; 3] = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
];
const CHROMEDRIVER: [&str; 2] = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

pub(crate) struct Browser {
    runtime: tokio::runtime::Runtime,
    client: Option<Client>,
    driver: Child,
    axe: String,
    screenshots: Option<PathBuf>,
}

/// Why a browser test cannot run here: it was asked for, so it fails rather than pass unrun.
fn missing(what: &str) -> ! {
    panic!("this test needs {what}")
}

fn first_existing(candidates: &[&str], variable: &str) -> Option<PathBuf> {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .into_iter()
        .chain(candidates.iter().map(PathBuf::from))
        .find(|p| p.exists())
}

impl Browser {
    /// A headless Chromium in the time zone of New York (so the pages show the visitor's
    /// own time next to the event's); fails naming what is missing.
    pub(crate) fn start() -> Browser {
        Browser::launch(true)
    }

    pub(crate) fn launch(javascript: bool) -> Browser {
        let chromium = first_existing(&CHROMIUM, "CHROMIUM")
            .unwrap_or_else(|| missing("chromium (apt-get install chromium chromium-driver)"));
        let chromedriver = first_existing(&CHROMEDRIVER, "CHROMEDRIVER")
            .unwrap_or_else(|| missing("chromedriver (apt-get install chromium-driver)"));
        let axe_path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|_| {
            missing(&format!("axe-core, {} (run `npm ci`)", axe_path.display()))
        });
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .env("TZ", "America/New_York")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting chromedriver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let mut capabilities = serde_json::Map::new();
        let mut options = json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--lang=en-GB", "--window-size=1280,900"],
        });
        if !javascript {
            // The pages' own scripts are off; WebDriver can still look at the page.
            options["prefs"] = json!({"profile.managed_default_content_settings.javascript": 2});
        }
        capabilities.insert("goog:chromeOptions".into(), options);
        let client = runtime
            .block_on(
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities)
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .expect("opening a browser session");
        let screenshots = std::env::var_os("REGISTRAR_SCREENSHOTS").map(|dir| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            std::fs::create_dir_all(&dir).unwrap();
            dir
        });
        Browser {
            runtime,
            client: Some(client),
            driver,
            axe,
            screenshots,
        }
    }

    pub(crate) fn client(&self) -> &Client {
        self.client.as_ref().unwrap()
    }

    pub(crate) fn goto(&self, url: &str) {
        self.runtime.block_on(self.client().goto(url)).unwrap();
    }

    pub(crate) fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.runtime
            .block_on(
                self.client()
                    .wait()
                    .at_most(Duration::from_secs(5))
                    .for_element(Locator::Css(css)),
            )
            .unwrap_or_else(|e| panic!("no {css} on {}: {e}", self.url()))
    }

    pub(crate) fn has(&self, css: &str) -> bool {
        self.runtime
            .block_on(self.client().find_all(Locator::Css(css)))
            .map(|found| !found.is_empty())
            .unwrap_or(false)
    }

    /// The element's text. A page script may replace the element between finding it and
    /// reading it (a preview redrawn as one types); it is then found again.
    pub(crate) fn text(&self, css: &str) -> String {
        for _ in 0..20 {
            let element = self.find(css);
            match self.runtime.block_on(element.text()) {
                Ok(text) => return text,
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(e) => panic!("reading {css}: {e}"),
            }
        }
        panic!("{css} was replaced again and again while being read")
    }

    pub(crate) fn value(&self, css: &str) -> String {
        let element = self.find(css);
        self.runtime
            .block_on(element.prop("value"))
            .unwrap()
            .unwrap_or_default()
    }

    pub(crate) fn page_text(&self) -> String {
        self.text("body")
    }

    pub(crate) fn url(&self) -> String {
        self.runtime
            .block_on(self.client().current_url())
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    pub(crate) fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.runtime.block_on(element.send_keys(text)).unwrap();
    }

    pub(crate) fn click(&self, css: &str) {
        let element = self.find(css);
        self.runtime.block_on(element.click()).unwrap();
    }

    /// Follows the link `css` and waits for the page it leads to.
    pub(crate) fn follow(&self, css: &str) {
        let before = self.find("html");
        self.click(css);
        self.wait_for_new_page(before);
    }

    /// Clicks the button whose text is exactly `label`, as a person would choose it.
    pub(crate) fn press(&self, label: &str) {
        let xpath = format!("//button[normalize-space()='{label}']");
        let element = self
            .runtime
            .block_on(self.client().find(Locator::XPath(&xpath)))
            .unwrap_or_else(|e| {
                panic!(
                    "no button {label:?} on {}: {e}\n{}",
                    self.url(),
                    self.page_text()
                )
            });
        let before = self.find("html");
        self.runtime.block_on(element.click()).unwrap();
        self.wait_for_new_page(before);
    }

    /// Every button here submits a form: waits until the page it leads to has loaded.
    pub(crate) fn wait_for_new_page(&self, before: fantoccini::elements::Element) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.runtime.block_on(before.tag_name()).is_ok() {
            assert!(
                Instant::now() < deadline,
                "no new page after the click on {}",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
        while self.execute("return document.readyState;") != "complete" {
            assert!(Instant::now() < deadline, "the page did not finish loading");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    pub(crate) fn execute(&self, script: &str) -> Value {
        self.runtime
            .block_on(self.client().execute(script, vec![]))
            .unwrap()
    }

    pub(crate) fn resize(&self, (width, height): (u32, u32)) {
        self.runtime
            .block_on(self.client().set_window_size(width, height))
            .unwrap();
    }

    /// Runs axe-core on the page and fails on any WCAG 2.x A or AA violation.
    pub(crate) fn assert_accessible(&self, name: &str) {
        let result = self.axe_run();
        let violations = result["violations"].as_array().unwrap();
        assert!(
            violations.is_empty(),
            "accessibility violations on {name} ({}):\n{}",
            self.url(),
            serde_json::to_string_pretty(violations).unwrap()
        );
        eprintln!(
            "axe: {name}: no violations ({} rules passed)",
            result["passes"]
        );
    }

    pub(crate) fn axe_run(&self) -> Value {
        self.execute(&self.axe);
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
              .then(r => done({ violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")) })),
                                passes: r.passes.length }))
              .catch(e => done({ error: String(e) }));
        "#;
        let result = self
            .runtime
            .block_on(self.client().execute_async(script, vec![]))
            .unwrap();
        assert!(
            result.get("error").is_none(),
            "axe failed on {}: {result}",
            self.url()
        );
        result
    }

    /// The checks every page gets: axe at desktop width, nothing scrolling sideways at
    /// 320 px, and the screenshots when asked for.
    pub(crate) fn check_page(&self, name: &str) {
        self.assert_accessible(name);
        self.resize((NARROWEST, PHONE.1));
        self.assert_fits(name, NARROWEST);
        if self.screenshots.is_some() {
            self.screenshot(name, "phone", PHONE);
            self.screenshot(name, "desktop", DESKTOP);
        }
        self.resize(DESKTOP);
    }

    /// The checks every dashboard page gets: axe at 1280 px and at 360 px, where the page
    /// itself never scrolls sideways (a wide table scrolls inside its own box), and the
    /// screenshots when asked for: the desktop one as the README shows it, and the phone one.
    pub(crate) fn check_dashboard_page(&self, name: &str) {
        self.resize(DESKTOP);
        self.assert_accessible(&format!("{name} at {} px", DESKTOP.0));
        self.resize(PHONE);
        self.assert_accessible(&format!("{name} at {} px", PHONE.0));
        self.assert_fits(name, PHONE.0);
        if let Some(dir) = &self.screenshots {
            self.resize((DESKTOP.0, 1400));
            let png = self.runtime.block_on(self.client().screenshot()).unwrap();
            std::fs::write(dir.join(format!("organizer-{name}.png")), png).unwrap();
            self.screenshot(&format!("organizer-{name}"), "phone", PHONE);
        }
        self.resize(DESKTOP);
    }

    /// The window is `width` px wide (the caller resized it) and the page fits in it.
    pub(crate) fn assert_fits(&self, name: &str, width: u32) {
        let widths =
            self.execute("return [document.documentElement.scrollWidth, window.innerWidth];");
        let (scroll, inner) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
        assert_eq!(
            inner,
            u64::from(width),
            "the window really is {width} px wide"
        );
        assert!(
            scroll <= inner,
            "{name} scrolls sideways at {width} px by {} px ({scroll} > {inner})",
            scroll - inner
        );
    }

    /// Replaces what a field holds with `text`, typed.
    pub(crate) fn fill(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.runtime.block_on(element.clear()).unwrap();
        self.runtime.block_on(element.send_keys(text)).unwrap();
    }

    /// Sets a value the way a date picker would (typing into one depends on the locale).
    pub(crate) fn set_value(&self, css: &str, value: &str) {
        self.runtime
            .block_on(self.client().execute(
                "document.querySelector(arguments[0]).value = arguments[1];",
                vec![json!(css), json!(value)],
            ))
            .unwrap();
    }

    /// The `name=value` of a cookie of the page, for a request made outside the browser.
    pub(crate) fn cookie(&self, name: &str) -> String {
        let cookie = self
            .runtime
            .block_on(self.client().get_named_cookie(name))
            .unwrap_or_else(|e| panic!("no cookie {name}: {e}"));
        format!("{}={}", cookie.name(), cookie.value())
    }

    /// A full-page screenshot at the given width.
    pub(crate) fn screenshot(&self, name: &str, kind: &str, (width, height): (u32, u32)) {
        let dir = self.screenshots.as_ref().unwrap();
        self.resize((width, height));
        let sizes = self.execute(
            "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight];",
        );
        let full = sizes[0].as_u64().unwrap_or(height as u64) + sizes[1].as_u64().unwrap_or(0);
        self.resize((width, (full as u32).clamp(height, 6000)));
        let png = self.runtime.block_on(self.client().screenshot()).unwrap();
        std::fs::write(dir.join(format!("{name}-{kind}.png")), png).unwrap();
        self.resize((width, height));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = self.runtime.block_on(client.close());
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A server with a workshop in the spirit of the model event, starting in 30 days.
pub(crate) fn workshop(
    server: &Server,
    slug: &str,
    in_person: u32,
    virtual_seats: Option<u32>,
    phase: &str,
) {
    server.create_event(slug, in_person, virtual_seats, phase);
    // 08:00 to 16:30 UTC a month ahead: whole hours in the event's time zone.
    let day = (chrono::Utc::now() + chrono::Duration::days(30)).date_naive();
    let starts = day.and_hms_opt(8, 0, 0).unwrap().and_utc();
    server.patch_event(
        slug,
        json!({
            "starts_at": starts.to_rfc3339(),
            "ends_at": (starts + chrono::Duration::minutes(510)).to_rfc3339(),
            "title": "In the Picture: Medical Imaging Datasets",
            "description": "A one-day workshop on building, sharing and reusing medical imaging datasets.\n\nInvited talks in the morning, hands-on sessions in the afternoon.",
            "venue": "Science Park 904, Amsterdam",
        }),
    );
}

fn accept(server: &Server, token: &str, mode: &str) {
    let (status, body) = server.post(&format!("/api/v1/me/{token}/accept"), json!({"mode": mode}));
    assert_eq!(status, 200, "{body}");
}

/// The browser for one test, and the turn that keeps it the only one open.
pub(crate) fn start() -> (std::sync::MutexGuard<'static, ()>, Browser) {
    let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    (guard, Browser::start())
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn an_invitation_is_accepted_in_person() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "invite_only");
    let token = server.invite("ws", "ada@example.org", "in_person");

    browser.goto(&server.url(&format!("/r/{token}")));
    let text = browser.page_text();
    assert!(text.contains("You are invited"), "{text}");
    assert!(
        text.contains("Please answer by"),
        "the deadline is shown: {text}"
    );
    assert!(text.contains("left)"), "with the time left: {text}");
    assert!(
        browser.has(".local-time:not([hidden])"),
        "the visitor's own time is shown when it differs"
    );
    browser.check_page("personal-invited");

    browser.press("Accept in person");
    assert!(browser
        .text(".notice.ok")
        .contains("your seat is confirmed"));
    assert!(browser
        .text(".status-words")
        .contains("you attend in person"));
    assert!(
        browser.has("a[href$='/calendar.ics']"),
        "the calendar file is offered"
    );
    browser.check_page("personal-confirmed");

    let mails = server.wait_for_email("ada@example.org", 2);
    assert!(
        mails[1]
            .subject
            .starts_with("You have a seat at In the Picture"),
        "{}",
        mails[1].subject
    );
    assert!(mails[1].text.contains("BEGIN:VCALENDAR"));
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn a_newcomer_joins_the_waiting_list_confirms_the_address_and_accepts_an_offer() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 1, Some(0), "open");
    let holder = server.invite("ws", "ada@example.org", "in_person");
    accept(&server, &holder, "in_person");

    browser.goto(&server.url("/"));
    browser.check_page("events");
    browser.follow("a[href='/events/ws']");
    let text = browser.page_text();
    assert!(text.contains("Science Park 904"), "{text}");
    assert!(text.contains("Full"), "the seats left are shown: {text}");
    assert!(
        !text.contains("Virtually"),
        "a mode the event does not have is not offered"
    );
    browser.check_page("event");

    browser.type_into("#field-name", "Grace Hopper");
    browser.type_into("#field-email", "grace@example.org");
    browser.type_into("#field-affiliation", "Vassar College");
    browser.click("#pref-in_person");
    browser.click("#field-consent");
    browser.press("Send me a confirmation link");
    assert!(browser.text("h1").contains("Check your inbox"));
    browser.check_page("check-inbox");

    let mail = server.wait_for_email("grace@example.org", 1).remove(0);
    assert!(
        mail.subject.contains("confirm your address"),
        "{}",
        mail.subject
    );
    browser.goto(&server.url(&format!("/r/{}", mail.token.unwrap())));
    assert!(browser
        .text(".notice.ok")
        .contains("your address is confirmed"));
    assert!(
        browser.text(".status-words").contains("first in line"),
        "{}",
        browser.page_text()
    );
    browser.check_page("personal-waitlisted");

    // The seat holder cancels: the seat is offered to the first in line.
    let (status, body) = server.post(&format!("/api/v1/me/{holder}/cancel"), json!({}));
    assert_eq!(status, 200, "{body}");
    let offer = server.wait_for_email("grace@example.org", 3).remove(2);
    assert!(
        offer.subject.starts_with("A seat is free for you until"),
        "{}",
        offer.subject
    );
    browser.goto(&server.url(&format!("/r/{}", offer.token.unwrap())));
    assert!(browser
        .text(".status-words")
        .contains("A seat is free for you"));
    assert!(browser.page_text().contains("Please answer by"));
    browser.check_page("personal-offered");

    browser.press("Accept the seat (in person)");
    assert!(browser
        .text(".status-words")
        .contains("you attend in person"));
    let confirmed = server.wait_for_email("grace@example.org", 4).remove(3);
    assert!(
        confirmed.subject.starts_with("You have a seat at"),
        "{}",
        confirmed.subject
    );
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn a_participant_switches_mode_after_confirming_the_step() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "invite_only");
    let token = server.invite("ws", "ada@example.org", "in_person");
    accept(&server, &token, "in_person");

    // While the stream's seats are given by hand too, the page offers to wait for one.
    browser.goto(&server.url(&format!("/r/{token}")));
    let page = browser.page_text();
    assert!(page.contains("Wait for a seat virtually"), "{page}");
    assert!(!page.contains("Switch to attending virtually"), "{page}");
    // With the stream open, a free seat is taken at once.
    server.patch_event("ws", serde_json::json!({"virtual_phase": "open"}));
    browser.goto(&server.url(&format!("/r/{token}")));
    assert!(
        !browser.has("a[href^='https://meet.example.org']"),
        "no meeting link in person"
    );
    browser.press("Switch to attending virtually");
    assert!(browser
        .text("h1")
        .contains("Switch to attending virtually?"));
    browser.check_page("confirm-switch");
    browser.press("Yes, attend virtually");
    assert!(browser.text(".notice.ok").contains("you switched mode"));
    assert!(browser
        .text(".status-words")
        .contains("you attend virtually"));
    assert!(
        browser.has("a[href='https://meet.example.org/room']"),
        "a virtual participant sees the meeting link"
    );
    browser.check_page("personal-virtual");
    assert_eq!(server.me(&token)["mode"], "virtual");
    let mails = server.wait_for_email("ada@example.org", 3);
    assert!(
        mails[2].subject.contains("virtually"),
        "{}",
        mails[2].subject
    );
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn a_participant_erases_their_data() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "invite_only");
    let token = server.invite("ws", "ada@example.org", "in_person");
    accept(&server, &token, "in_person");

    browser.goto(&server.url(&format!("/r/{token}")));
    browser.press("Erase my data");
    assert!(browser.text("h1").contains("Erase your data?"));
    browser.check_page("confirm-erase");
    browser.press("Yes, erase my data");
    assert!(browser.text("h1").contains("Your data is erased"));
    browser.check_page("erased");

    let registrations = server.registrations("ws", "");
    assert_eq!(registrations.len(), 1);
    assert_ne!(
        registrations[0]["email"], "ada@example.org",
        "the address is gone"
    );
    assert_eq!(registrations[0]["status"], "cancelled");

    browser.goto(&server.url(&format!("/r/{token}")));
    assert!(browser.text("h1").contains("This link does not work"));
    browser.check_page("link-not-working");
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn form_errors_are_shown_next_to_the_fields_and_nothing_is_stored() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "invite_only");

    browser.goto(&server.url("/events/ws"));
    browser.type_into("#field-email", "not-an-address");
    browser.type_into("#field-affiliation", "Vassar <College>");
    browser.press("Send me a confirmation link");

    assert!(browser.has(".error-summary"), "{}", browser.page_text());
    for id in [
        "field-name-error",
        "field-email-error",
        "preference-error",
        "field-consent-error",
    ] {
        assert!(
            browser.has(&format!("#{id}")),
            "{id} is shown next to its field"
        );
    }
    assert_eq!(
        browser.execute("return document.activeElement.className;"),
        "error-summary",
        "the keyboard focus moves to the list of problems"
    );
    assert_eq!(
        browser.value("#field-email"),
        "not-an-address",
        "what was typed is kept"
    );
    assert_eq!(browser.value("#field-affiliation"), "Vassar <College>");
    assert_eq!(
        browser
            .find("#field-email")
            .attr_blocking(&browser, "aria-invalid"),
        Some("true".into())
    );
    browser.check_page("join-errors");

    std::thread::sleep(Duration::from_millis(500));
    assert!(
        server.registrations("ws", "").is_empty(),
        "nothing is stored"
    );
    assert!(server.emails().is_empty(), "and nobody is written to");
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn the_keyboard_reaches_the_content_first_and_sees_where_it_is() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "invite_only");

    browser.goto(&server.url("/events/ws"));
    let body = browser.find("body");
    browser
        .runtime
        .block_on(body.send_keys("\u{E004}"))
        .unwrap();
    let focused = browser.execute(
        "const a = document.activeElement; const s = getComputedStyle(a); \
         return [a.className, s.outlineStyle, a.getBoundingClientRect().top >= 0];",
    );
    assert_eq!(
        focused[0], "skip-link",
        "the first Tab stop skips to the content"
    );
    assert_eq!(focused[1], "solid", "the focus is visible");
    assert_eq!(focused[2], true, "the focused link is on screen");
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn the_other_pages_pass_the_same_checks() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "closed");

    for (path, name, heading) in [
        ("/privacy", "privacy", "Privacy notice"),
        ("/events/ws", "event-closed", "In the Picture"),
        ("/nowhere", "not-found", "Page not found"),
    ] {
        browser.goto(&server.url(path));
        assert!(
            browser.text("h1").contains(heading),
            "{path}: {}",
            browser.page_text()
        );
        browser.check_page(name);
    }
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn the_spanish_pages_pass_the_same_checks() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "open");
    let token = server.invite("ws", "ada@example.org", "in_person");
    accept(&server, &token, "in_person");

    // The footer's choice, as a reader makes it.
    browser.goto(&server.url("/events/ws"));
    browser.follow("footer a[hreflang='es']");
    assert!(browser.url().ends_with("/events/ws"), "{}", browser.url());
    assert!(browser.has("html[lang='es']"));
    assert!(browser
        .page_text()
        .contains("Enviarme un enlace de confirmación"));
    // The reader's own time is worded by the browser in the page's language too.
    let local = browser.text(".local-time");
    assert!(
        local.contains("Su hora") && !local.contains(" to "),
        "{local}"
    );
    browser.check_page("es-event");

    browser.press("Enviarme un enlace de confirmación");
    assert!(browser
        .text(".error-summary")
        .contains("Por favor, corrija lo siguiente"));
    browser.check_page("es-form-errors");

    for (path, name, heading) in [
        (format!("/r/{token}"), "es-personal", "In the Picture"),
        ("/privacy".to_owned(), "es-privacy", "Aviso de privacidad"),
        (
            "/newsletter".to_owned(),
            "es-newsletter",
            "Mantenerse al día",
        ),
        (
            "/nowhere".to_owned(),
            "es-not-found",
            "Página no encontrada",
        ),
    ] {
        browser.goto(&server.url(&path));
        assert!(
            browser.text("h1").contains(heading),
            "{path}: {}",
            browser.page_text()
        );
        browser.check_page(name);
    }
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn every_step_works_without_javascript() {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let browser = Browser::launch(false);
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 1, Some(0), "open");
    let holder = server.invite("ws", "ada@example.org", "in_person");
    accept(&server, &holder, "in_person");

    browser.goto(&server.url("/events/ws"));
    assert!(browser.has(".local-time[hidden]"), "the script did not run");
    browser.type_into("#field-name", "Grace Hopper");
    browser.type_into("#field-email", "grace@example.org");
    browser.click("#pref-in_person");
    browser.click("#field-consent");
    browser.press("Send me a confirmation link");
    assert!(browser.text("h1").contains("Check your inbox"));

    let token = server.wait_for_email("grace@example.org", 1)[0]
        .token
        .clone()
        .unwrap();
    browser.goto(&server.url(&format!("/r/{token}")));
    assert!(browser.text(".status-words").contains("first in line"));
    browser.press("Leave the waiting list");
    assert!(
        browser.text("h1").contains("Leave the waiting list?"),
        "asked first"
    );
    browser.press("Yes, leave the waiting list");
    assert!(browser.text(".notice.ok").contains("you have left"));
    assert!(browser.text(".status-words").contains("cancelled"));
}

/// Every kind of page, as the server sends it, through the Nu HTML Checker (the W3C's
/// validator, from `npm ci`).
#[test]
#[ignore = "needs java and npm ci (the Nu HTML Checker)"]
fn the_pages_are_valid_html() {
    let vnu = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/vnu-jar/build/dist/vnu.jar");
    let java_runs = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !vnu.exists() || !java_runs {
        missing(&format!(
            "java (apt-get install default-jre-headless) and {} (run `npm ci`)",
            vnu.display()
        ));
    }
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 1, Some(10), "invite_only");
    // The stream open while the room is not: the event page names each mode's phase, and
    // the waiting person's page offers to attend virtually meanwhile.
    server.patch_event("ws", json!({"virtual_phase": "open"}));
    let invited = server.invite("ws", "ada@example.org", "in_person");
    let confirmed = server.invite("ws", "bob@example.org", "virtual");
    accept(&server, &confirmed, "virtual");
    let (waiting, _) = server.join("ws", "carol@example.org", "in_person");

    let get = |path: &str| {
        server
            .http
            .get(server.url(path))
            .send()
            .unwrap()
            .text()
            .unwrap()
    };
    let post = |path: &str, form: &[(&str, &str)]| {
        server
            .http
            .post(server.url(path))
            .form(form)
            .send()
            .unwrap()
            .text()
            .unwrap()
    };
    let pages = [
        ("events", get("/")),
        ("event", get("/events/ws")),
        (
            "join-errors",
            post("/events/ws/join", &[("email", "nope"), ("name", "")]),
        ),
        (
            "check-inbox",
            post(
                "/events/ws/join",
                &[
                    ("email", "dan@example.org"),
                    ("name", "Dan"),
                    ("preference", "either"),
                    ("consent", "yes"),
                ],
            ),
        ),
        ("personal-invited", get(&format!("/r/{invited}"))),
        ("personal-virtual", get(&format!("/r/{confirmed}"))),
        ("personal-waitlisted", get(&format!("/r/{waiting}"))),
        ("confirm-cancel", get(&format!("/r/{confirmed}/cancel"))),
        (
            "confirm-switch",
            get(&format!("/r/{confirmed}/switch?mode=in_person")),
        ),
        ("link-not-working", get("/r/AAAAAAAAAAAAAAAAAAAAAA")),
        ("privacy", get("/privacy")),
        ("newsletter", get("/newsletter")),
        (
            "newsletter-errors",
            post("/newsletter", &[("email", "nope")]),
        ),
        ("not-found", get("/nowhere")),
    ];
    // The answer to the form says nothing about whether the address was known.
    let join_as = |email: &str| {
        post(
            "/events/ws/join",
            &[
                ("email", email),
                ("name", "Someone"),
                ("preference", "either"),
                ("consent", "yes"),
            ],
        )
    };
    assert_eq!(join_as("ada@example.org"), join_as("new@example.org"));
    assert_eq!(join_as("carol@example.org"), pages[3].1);

    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = pages
        .iter()
        .map(|(name, html)| {
            assert!(html.starts_with("<!DOCTYPE html>"), "{name}: {html}");
            let file = dir.path().join(format!("{name}.html"));
            std::fs::write(&file, html).unwrap();
            file
        })
        .collect();
    let output = Command::new("java")
        .arg("-jar")
        .arg(&vnu)
        .args(["--format", "json", "--also-check-css"])
        .args(&files)
        .output()
        .expect("running the HTML checker");
    let report: Value = serde_json::from_slice(&output.stderr)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
    let errors: Vec<&Value> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error")
        .collect();
    assert!(
        errors.is_empty(),
        "invalid HTML:\n{}",
        serde_json::to_string_pretty(&errors).unwrap()
    );
    eprintln!("html: {} pages valid", files.len());
}

/// The token after `prefix` in an email's text.
fn link_token(text: &str, prefix: &str) -> String {
    let rest = text
        .split(prefix)
        .nth(1)
        .unwrap_or_else(|| panic!("no {prefix} in {text}"));
    rest.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn a_visitor_signs_up_for_news_confirms_and_unsubscribes() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);

    browser.goto(&server.url("/"));
    browser.follow("header a[href='/newsletter']");
    browser.check_page("newsletter");
    browser.type_into("#field-email", "grace@example.org");
    browser.press("Sign me up");
    assert!(browser.has("#field-consent-error"), "consent is required");
    assert_eq!(browser.value("#field-email"), "grace@example.org");
    browser.check_page("newsletter-errors");
    browser.click("#field-consent");
    browser.press("Sign me up");
    assert!(browser.text("h1").contains("Check your inbox"));
    browser.check_page("newsletter-check-inbox");

    let mail = server.wait_for_email("grace@example.org", 1).remove(0);
    assert!(
        mail.subject.contains("confirm your subscription"),
        "{}",
        mail.subject
    );
    let token = link_token(&mail.text, "/newsletter/confirm/");
    browser.goto(&server.url(&format!("/newsletter/confirm/{token}")));
    assert!(browser.text("h1").contains("You are subscribed"));
    browser.check_page("newsletter-subscribed");

    // The link in an email only asks (mail scanners open every link); the button posts.
    browser.goto(&server.url(&format!("/newsletter/unsubscribe/{token}")));
    assert!(browser.text("h1").contains("Unsubscribe from news"));
    browser.check_page("newsletter-unsubscribe");
    browser.press("Unsubscribe");
    assert!(browser.text("h1").contains("You are unsubscribed"));
    browser.check_page("newsletter-unsubscribed");
    let goodbye = server.wait_for_email("grace@example.org", 2).remove(1);
    assert!(
        goodbye.subject.contains("unsubscribed"),
        "{}",
        goodbye.subject
    );

    browser.goto(&server.url(&format!("/newsletter/confirm/{token}")));
    assert!(
        browser.text("h1").contains("This link does not work"),
        "the address is gone"
    );
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn the_accessibility_check_catches_a_field_without_a_label() {
    let (_guard, browser) = start();
    browser.goto("data:text/html,<!doctype html><html lang=en><title>t</title><main><input type=text></main></html>");
    let result = browser.axe_run();
    let ids: Vec<&str> = result["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["id"].as_str())
        .collect();
    assert!(ids.contains(&"label"), "{result}");
}

/// Reading one attribute without an async block at every call site.
trait AttrBlocking {
    fn attr_blocking(&self, browser: &Browser, name: &str) -> Option<String>;
}

impl AttrBlocking for fantoccini::elements::Element {
    fn attr_blocking(&self, browser: &Browser, name: &str) -> Option<String> {
        browser.runtime.block_on(self.attr(name)).unwrap()
    }
}
