//! The organizer dashboard in a real browser (headless Chromium through chromedriver):
//! sign in, create an event, invite from a pasted list with one bad line, see the preview,
//! send, see the state change when an invitee accepts, raise capacity and see the offer go
//! out, export the CSV. Saves a screenshot of each dashboard page to `docs/screenshots/`.
//! Ignored unless asked for (`--include-ignored`): it needs chromium and chromedriver, and
//! fails saying so when they are missing.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Db, Server, BIN};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const PASSWORD: &str = "correct horse battery staple";

struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting chromedriver");
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, url }
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn organizer_link(db: &Db, email: &str) -> String {
    let output = Command::new(BIN)
        .args(["organizer", "add", email])
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("running registrar organizer add");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let link = stdout.lines().last().unwrap().trim().to_owned();
    link[link.find("/organizer/welcome/").unwrap()..].to_owned()
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

struct Browser {
    client: Client,
    base: String,
    shots: PathBuf,
}

impl Browser {
    async fn open(&self, path: &str) -> Result<()> {
        self.client.goto(&format!("{}{path}", self.base)).await?;
        Ok(())
    }

    async fn fill(&self, css: &str, text: &str) -> Result<()> {
        let field = self.client.find(Locator::Css(css)).await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// Sets a value the way a date picker would (typing into one depends on the locale).
    async fn set(&self, id: &str, value: &str) -> Result<()> {
        self.client
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![json!(id), json!(value)],
            )
            .await?;
        Ok(())
    }

    /// Clicks a button and waits for the page it leads to, known by `then` on it.
    async fn click(&self, css: &str, then: &str) -> Result<()> {
        self.client.find(Locator::Css(css)).await?.click().await?;
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(then))
            .await?;
        Ok(())
    }

    async fn text(&self) -> Result<String> {
        Ok(self.client.find(Locator::Css("body")).await?.text().await?)
    }

    async fn path(&self) -> Result<String> {
        Ok(self.client.current_url().await?.path().to_owned())
    }

    async fn shot(&self, name: &str) -> Result<()> {
        let png = self.client.screenshot().await?;
        std::fs::write(self.shots.join(format!("organizer-{name}.png")), png)?;
        Ok(())
    }

    async fn session_cookie(&self) -> Result<String> {
        let cookies = self.client.get_all_cookies().await?;
        let cookie = cookies
            .iter()
            .find(|c| c.name() == "registrar_session")
            .ok_or("no session cookie")?;
        Ok(format!("{}={}", cookie.name(), cookie.value()))
    }
}

fn local(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Amsterdam)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

#[test]
#[ignore = "needs chromium and chromedriver"]
fn an_organizer_runs_a_registration_from_the_browser() {
    assert!(
        Path::new(CHROMEDRIVER).exists(),
        "this test needs {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
    );
    let db = Db::sqlite();
    let server = Server::start(&db);
    let link = organizer_link(&db, "ada@example.org");
    let driver = start_driver();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let browser = runtime.block_on(async {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"]}),
        );
        // chromedriver listens on plain HTTP on this machine: no TLS needed.
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .expect("a browser session");
        Browser {
            client,
            base: server.base.clone(),
            shots: screenshots(),
        }
    });
    let run = |step: &str, result: Result<()>| {
        if let Err(error) = result {
            panic!("{step}: {error}");
        }
    };

    // Set a password from the one-time link; signed in at once.
    run(
        "sign in",
        runtime.block_on(async {
            browser.open("/organizer/login").await?;
            browser.shot("sign-in").await?;
            browser.open(&link).await?;
            browser.fill("#field-password", PASSWORD).await?;
            browser.fill("#field-repeat", PASSWORD).await?;
            browser.click("button[type=submit]", ".dash-bar").await?;
            assert_eq!(browser.path().await?, "/organizer");
            assert!(browser.text().await?.contains("ada@example.org"));
            Ok(())
        }),
    );

    // Create an event.
    let starts = chrono::Utc::now() + chrono::Duration::days(30);
    run(
        "create an event",
        runtime.block_on(async {
            browser.open("/organizer/events/new").await?;
            browser
                .fill("#field-title", "In the Picture: Medical Imaging Datasets")
                .await?;
            browser.fill("#field-slug", "in-the-picture").await?;
            browser
                .fill(
                    "#field-description",
                    "A one-day workshop on medical imaging datasets.",
                )
                .await?;
            browser.set("field-starts_at", &local(starts)).await?;
            browser
                .set("field-ends_at", &local(starts + chrono::Duration::hours(8)))
                .await?;
            browser
                .fill("#field-venue", "Science Park 904, Amsterdam")
                .await?;
            browser
                .fill(
                    "#field-meeting_url",
                    "https://meet.example.org/in-the-picture",
                )
                .await?;
            browser.fill("#field-in_person_capacity", "1").await?;
            browser.fill("#field-virtual_capacity", "50").await?;
            browser.set("field-phase", "open").await?;
            browser.shot("event-form").await?;
            browser
                .click(".event-form button[type=submit]", ".gauges")
                .await?;
            assert_eq!(browser.path().await?, "/organizer/events/in-the-picture");
            Ok(())
        }),
    );

    // Invite from a pasted list with one bad line: preview, then send.
    run(
        "invite",
        runtime.block_on(async {
            browser.open("/organizer/events/in-the-picture/invitations").await?;
            browser
                .fill(
                    "#field-list",
                    "Grace Hopper <grace@example.org>\nalan@example.org, Alan Turing, virtual\nthis line is not an address\n",
                )
                .await?;
            browser.click("form[enctype] button[type=submit]", ".preview-rows").await?;
            let preview = browser.text().await?;
            assert!(preview.contains("2 valid, 0 duplicate, 1 invalid"), "{preview}");
            browser.shot("invitations-preview").await?;
            browser.click("form[action$='/invitations/send'] button[type=submit]", "p.notice.ok").await?;
            assert_eq!(
                browser.path().await?,
                "/organizer/events/in-the-picture/invitations"
            );
            Ok(())
        }),
    );
    let grace = server.wait_for_email("grace@example.org", 1)[0]
        .token
        .clone()
        .unwrap();
    server.wait_for_email("alan@example.org", 1);

    // Two people join through the API, as the public page would: the one in-person seat
    // is held by the invitation, so they wait in line.
    for email in ["wait1@example.org", "wait2@example.org"] {
        let (_, me) = server.join("in-the-picture", email, "in_person");
        assert_eq!(me["status"], "waitlisted");
    }

    // The invitee accepts; the dashboard shows the new state.
    let (status, _) = server.post(
        &format!("/api/v1/me/{grace}/accept"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 200);
    run(
        "see the state change",
        runtime.block_on(async {
            browser
                .open("/organizer/events/in-the-picture/invitations")
                .await?;
            let page = browser.text().await?;
            let row = page
                .lines()
                .find(|l| l.contains("grace@example.org"))
                .ok_or("grace is listed")?
                .to_owned();
            assert!(row.contains("confirmed"), "{row}");
            browser.shot("invitations").await?;
            Ok(())
        }),
    );

    // Raise capacity: the preview names who gets the seat, then the offer goes out.
    run(
        "raise capacity",
        runtime.block_on(async {
            browser
                .open("/organizer/events/in-the-picture/capacity")
                .await?;
            browser.fill("#field-in_person", "2").await?;
            browser
                .click("form[method=get] button[type=submit]", ".preview")
                .await?;
            let preview = browser.text().await?;
            assert!(preview.contains("wait1@example.org"), "{preview}");
            assert!(!preview.contains("wait2@example.org"), "{preview}");
            browser.shot("capacity").await?;
            browser
                .click(".preview button[type=submit]", ".gauges")
                .await?;
            Ok(())
        }),
    );
    let offered = server.registrations("in-the-picture", "?status=offered");
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0]["email"], "wait1@example.org");
    let offer = server.wait_for_email("wait1@example.org", 3);
    assert!(
        offer[2].subject.to_lowercase().contains("seat"),
        "{}",
        offer[2].subject
    );

    // Changing the phase says what it will do before it does it.
    run(
        "phase",
        runtime.block_on(async {
            browser
                .open("/organizer/events/in-the-picture?phase=closed")
                .await?;
            let statement = browser.text().await?;
            assert!(
                statement.contains("Closing registration stops new entries"),
                "{statement}"
            );
            browser.shot("phase").await?;
            Ok(())
        }),
    );

    // Every other page, and the CSV export with the browser's own session.
    let cookie = runtime
        .block_on(async {
            for (path, name) in [
                ("/organizer/events/in-the-picture", "overview"),
                (
                    "/organizer/events/in-the-picture/registrations",
                    "registrations",
                ),
                ("/organizer/events/in-the-picture/line", "line"),
                ("/organizer/events/in-the-picture/edit", "settings"),
                ("/organizer/events/in-the-picture/audit", "audit"),
                ("/organizer/events/in-the-picture/message", "messages"),
                ("/organizer/outbox", "outbox"),
                ("/organizer/tokens", "tokens"),
                ("/organizer", "events"),
            ] {
                browser.open(path).await?;
                browser.shot(name).await?;
            }
            browser.session_cookie().await
        })
        .expect("the session cookie");
    let csv = reqwest::blocking::Client::new()
        .get(server.url("/organizer/events/in-the-picture/export.csv"))
        .header(reqwest::header::COOKIE, cookie)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(csv.starts_with("name,email,affiliation,mode,registered_at"));
    assert!(csv.contains("grace@example.org"), "{csv}");

    runtime.block_on(async {
        let _ = browser.client.close().await;
    });
    drop(driver);
}
