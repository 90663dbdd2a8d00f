//! The newsletter in the dashboard, as a browser without JavaScript uses it: a test goes
//! to the signed-in organizer alone; sending asks first and then reaches each confirmed
//! subscriber once; the preview runs no script; an empty subject queues nothing; an import
//! asks for confirmation only (and an issue reaches none of the imported until they
//! confirm), leaves unsubscribed addresses alone and names its invalid lines; the CSV
//! export; sign-ups never confirmed are erased by the retention job after the period.

use std::time::{Duration, Instant};

use crate::common::{Db, Server};
use crate::dashboard::Organizer;

/// Subscribers written straight into the database: (email, status).
fn subscribers(db: &Db, rows: &[(&str, &str)]) {
    let values: Vec<String> = rows
        .iter()
        .map(|(email, status)| {
            let (confirmed, unsubscribed) = match *status {
                "confirmed" => ("'2026-01-01 10:00:00'", "NULL"),
                "unsubscribed" => ("'2026-01-01 10:00:00'", "'2026-02-01 10:00:00'"),
                _ => ("NULL", "NULL"),
            };
            format!("('{email}', {confirmed}, '2026-01-01 09:00:00', {unsubscribed})")
        })
        .collect();
    db.execute(&format!(
        "INSERT INTO newsletter_subscribers (email, confirmed_at, created_at, unsubscribed_at) VALUES {}",
        values.join(", ")
    ));
}

fn with_subject(server: &Server, subject: &str) -> Vec<String> {
    let mut to: Vec<String> = server
        .emails()
        .into_iter()
        .filter(|m| m.subject == subject)
        .map(|m| m.to)
        .collect();
    to.sort();
    to
}

/// Waits until `count` emails with this subject were written.
fn wait_for_subject(server: &Server, subject: &str, count: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let to = with_subject(server, subject);
        if to.len() >= count {
            return to;
        }
        assert!(Instant::now() < deadline, "{subject}: {to:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn issue_id(location: &str) -> String {
    location
        .trim_start_matches("/organizer/newsletter/issues/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

fn a_test_goes_to_the_organizer_and_an_issue_to_each_confirmed_subscriber_once(db: &Db) {
    let server = Server::start(db);
    let me = Organizer::sign_up(&server, db, "owner@example.org");
    subscribers(
        db,
        &[
            ("ada@example.org", "confirmed"),
            ("grace@example.org", "confirmed"),
            ("pending@example.org", "pending"),
            ("left@example.org", "unsubscribed"),
        ],
    );
    let (status, home) = me.get("/organizer/newsletter");
    assert_eq!(status, 200);
    assert!(
        home.contains("href=\"/organizer/newsletter\""),
        "in the navigation"
    );
    assert!(home.contains("<dt>Confirmed</dt><dd>2</dd>"), "{home}");
    let (_, form) = me.get("/organizer/newsletter/write");
    assert!(form.contains("Send to 2 confirmed subscribers"), "{form}");

    // The preview: Markdown rendered, a script in it is no script.
    let body = "Our **next** webinar.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>";
    let fields = [("subject", "Next webinar"), ("body", body)];
    let (status, _, page) = me.post("/organizer/newsletter/preview", &fields);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("&lt;strong&gt;next&lt;/strong&gt;"), "{page}");
    assert!(
        page.contains("value=\"Next webinar\""),
        "the subject is kept"
    );
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script: {page}"
    );
    assert!(page.contains("<script src=\"/static/newsletter.js\""));
    for gone in ["&lt;script", "alert(1)", "onerror"] {
        let preview = &page[page.find("id=\"issue-preview\"").unwrap()..];
        assert!(!preview.contains(gone), "{gone} in {preview}");
    }
    let mut live = fields.to_vec();
    live.push(("part", "preview"));
    let (status, _, part) = me.post("/organizer/newsletter/preview", &live);
    assert_eq!(status, 200);
    assert!(part.starts_with("<div id=\"issue-preview\""), "{part}");

    // A test: to the organizer, nobody else.
    let (status, to, _) = me.post("/organizer/newsletter/test", &fields);
    assert_eq!(status, 303);
    assert!(to.contains("done=test"), "{to}");
    assert_eq!(
        wait_for_subject(&server, "Next webinar", 1),
        ["owner@example.org"]
    );
    let (status, issue) = me.get(&format!("/organizer/newsletter/issues/{}", issue_id(&to)));
    assert_eq!(status, 200);
    assert!(issue.contains("<progress"), "{issue}");
    assert!(issue.contains("as a test to"), "{issue}");

    // Sending asks first, naming the number; a stale number sends nothing.
    let (status, _, step) = me.post("/organizer/newsletter/confirm", &fields);
    assert_eq!(status, 200);
    assert!(step.contains("2 confirmed subscribers"), "{step}");
    let mut stale = fields.to_vec();
    stale.push(("expected", "5"));
    let (status, _, again) = me.post("/organizer/newsletter/send", &stale);
    assert_eq!(status, 409);
    assert!(again.contains("2 confirmed subscribers"), "{again}");
    let mut sure = fields.to_vec();
    sure.push(("expected", "2"));
    let (status, to, _) = me.post("/organizer/newsletter/send", &sure);
    assert_eq!(status, 303);
    assert!(to.contains("refresh=on"), "{to}");
    let id = issue_id(&to);
    let all = wait_for_subject(&server, "Next webinar", 3);
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(with_subject(&server, "Next webinar"), all, "once each");
    assert_eq!(
        all,
        ["ada@example.org", "grace@example.org", "owner@example.org"]
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (_, page) = me.get(&format!("/organizer/newsletter/issues/{id}?refresh=on"));
        if page.contains("Every email was delivered.") {
            assert!(!page.contains("http-equiv=\"refresh\""), "done: no reload");
            break;
        }
        assert!(page.contains("http-equiv=\"refresh\""), "{page}");
        assert!(Instant::now() < deadline, "{page}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, home) = me.get("/organizer/newsletter");
    assert!(
        home.contains("2 delivered, 0 waiting, 0 failed of 2"),
        "{home}"
    );
}

fn an_empty_subject_is_refused_next_to_the_field_and_queues_nothing(db: &Db) {
    let server = Server::start(db);
    let me = Organizer::sign_up(&server, db, "owner@example.org");
    subscribers(db, &[("ada@example.org", "confirmed")]);
    db.wait_for_the_outbox();
    let before = db.snapshot();
    for path in [
        "/organizer/newsletter/preview",
        "/organizer/newsletter/test",
        "/organizer/newsletter/confirm",
        "/organizer/newsletter/send",
    ] {
        let (status, _, page) = me.post(
            path,
            &[("subject", "  "), ("body", "Kept text"), ("expected", "1")],
        );
        assert_eq!(status, 422, "{path}: {page}");
        assert!(page.contains("id=\"field-subject-error\""), "{page}");
        assert!(page.contains(">Kept text</textarea>"), "the text is kept");
    }
    let (status, _, page) = me.post(
        "/organizer/newsletter/send",
        &[("subject", "S"), ("body", ""), ("expected", "1")],
    );
    assert_eq!(status, 422);
    assert!(page.contains("id=\"field-body-error\""), "{page}");
    // Without the form's token nothing is sent either.
    let response = me
        .http
        .post(format!("{}/organizer/newsletter/send", me.base))
        .form(&[("subject", "S"), ("body", "B"), ("expected", "1")])
        .send()
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(db.snapshot(), before);
}

fn import(me: &Organizer, file: &str) -> (u16, String) {
    let form = reqwest::blocking::multipart::Form::new()
        .text("csrf", me.csrf.clone())
        .part(
            "file",
            reqwest::blocking::multipart::Part::text(file.to_owned())
                .file_name("list.csv")
                .mime_str("text/csv")
                .unwrap(),
        );
    let response = me
        .http
        .post(format!(
            "{}/organizer/newsletter/subscribers/import",
            me.base
        ))
        .multipart(form)
        .send()
        .unwrap();
    (response.status().as_u16(), response.text().unwrap())
}

fn count_of(page: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\">");
    let at = page.find(&marker).unwrap_or_else(|| panic!("{id}: {page}")) + marker.len();
    page[at..page[at..].find('<').unwrap() + at].to_owned()
}

fn an_import_asks_for_confirmation_only_and_an_issue_reaches_none_of_the_imported(db: &Db) {
    let server = Server::start(db);
    let me = Organizer::sign_up(&server, db, "owner@example.org");
    subscribers(
        db,
        &[
            ("kept@example.org", "confirmed"),
            ("left@example.org", "unsubscribed"),
        ],
    );
    let file = "Name;E-mail;City\r\nAda;Ada@Example.org;London\r\nBad;not an address;Paris\r\nGrace;grace@example.org;NYC\r\nOld;left@example.org;Rome\r\nKept;kept@example.org;Oslo\r\n";
    let (status, page) = import(&me, file);
    assert_eq!(status, 200, "{page}");
    assert_eq!(count_of(&page, "imported-requested"), "2");
    assert_eq!(count_of(&page, "imported-already"), "1");
    assert_eq!(count_of(&page, "imported-unsubscribed"), "1");
    assert_eq!(count_of(&page, "imported-invalid"), "1");
    assert!(page.contains("Line 3:"), "{page}");
    for email in ["ada@example.org", "grace@example.org"] {
        let mail = &server.wait_for_email(email, 1)[0];
        assert!(mail.subject.contains("confirm your subscription"));
        assert!(mail
            .text
            .contains("not confirmed within 30 days is deleted"));
    }
    std::thread::sleep(Duration::from_millis(1000));
    assert!(
        server.emails_to("left@example.org").is_empty(),
        "their choice stands"
    );
    assert!(server.emails_to("kept@example.org").is_empty());

    let (_, list) = me.get("/organizer/newsletter/subscribers?q=ADA");
    assert!(list.contains("ada@example.org") && !list.contains("grace@example.org"));
    let (status, csv) = me.get("/organizer/newsletter/subscribers.csv");
    assert_eq!(status, 200);
    let mut lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.remove(0), "email,status,since");
    let mut rows: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 3, "{l}");
            (f[0].to_owned(), f[1].to_owned())
        })
        .collect();
    rows.sort();
    let want = [
        ("ada@example.org", "pending"),
        ("grace@example.org", "pending"),
        ("kept@example.org", "confirmed"),
        ("left@example.org", "unsubscribed"),
    ]
    .map(|(e, s)| (e.to_owned(), s.to_owned()));
    assert_eq!(rows, want);

    // The imported are pending: an issue goes to the one confirmed address only.
    let (_, _, step) = me.post(
        "/organizer/newsletter/confirm",
        &[("subject", "After the import"), ("body", "Hello.")],
    );
    assert!(step.contains("1 confirmed subscriber</strong>"), "{step}");
    let (status, _, _) = me.post(
        "/organizer/newsletter/send",
        &[
            ("subject", "After the import"),
            ("body", "Hello."),
            ("expected", "1"),
        ],
    );
    assert_eq!(status, 303);
    assert_eq!(
        wait_for_subject(&server, "After the import", 1),
        ["kept@example.org"]
    );
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(
        with_subject(&server, "After the import"),
        ["kept@example.org"]
    );

    // A second import the same day asks no one again beyond the daily cap, and counts it.
    for _ in 0..2 {
        import(&me, "ada@example.org\n");
    }
    let (_, page) = import(&me, "ada@example.org\n");
    assert_eq!(count_of(&page, "imported-requested"), "0", "{page}");
    assert!(page.contains("sent their requests for today"), "{page}");
}

fn sign_ups_never_confirmed_are_erased_after_the_period(db: &Db) {
    // Written before the server starts: its retention job runs at once.
    let token = crate::common::api_token(db);
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(31))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    let lately = (chrono::Utc::now() - chrono::Duration::days(29))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    db.execute(&format!(
        "INSERT INTO newsletter_subscribers (email, confirmed_at, created_at) VALUES \
         ('stale@example.org', NULL, '{long_ago}'), \
         ('recent@example.org', NULL, '{lately}'), \
         ('kept@example.org', '{long_ago}', '{long_ago}')"
    ));
    let _server = Server::launch(db, token, &[]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while db
        .count("SELECT COUNT(*) AS n FROM newsletter_subscribers WHERE email = 'stale@example.org'")
        > 0
    {
        assert!(
            Instant::now() < deadline,
            "the stale sign-up is still there"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM newsletter_subscribers"),
        2,
        "the recent sign-up and the confirmed address stay"
    );
}

fn a_published_event_is_announced_from_its_overview(db: &Db) {
    let server = Server::start(db);
    let me = Organizer::sign_up(&server, db, "owner@example.org");
    server.create_event("webinar", 5, Some(50), "open");
    server.patch_event(
        "webinar",
        serde_json::json!({
            "title": "Datasets in practice",
            "timezone": "Europe/Amsterdam",
            "starts_at": "2027-03-04T13:00:00Z",
            "ends_at": "2027-03-04T14:30:00Z",
            "speakers": [{"name": "Ada Lovelace", "affiliation": "UCL"}, {"name": "Grace Hopper"}],
        }),
    );
    server.create_event("hidden", 5, Some(5), "draft");
    let (_, overview) = me.get("/organizer/events/webinar");
    assert!(
        overview.contains("href=\"/organizer/newsletter/write?event=webinar\""),
        "{overview}"
    );
    let (_, draft) = me.get("/organizer/events/hidden");
    assert!(
        !draft.contains("/organizer/newsletter/write?event="),
        "a draft is not announced"
    );
    let (status, form) = me.get("/organizer/newsletter/write?event=webinar");
    assert_eq!(status, 200);
    assert!(form.contains("value=\"Datasets in practice\""), "{form}");
    for part in [
        "Thu 4 Mar 2027, 14:00 CET – Thu 4 Mar 2027, 15:30 CET",
        "- Ada Lovelace (UCL)",
        "- Grace Hopper\n",
        "/events/webinar&gt;",
    ] {
        assert!(form.contains(part), "{part}: {form}");
    }
    assert_eq!(me.get("/organizer/newsletter/write?event=nope").0, 404);
}

fn a_failed_email_of_an_issue_is_sent_again_from_its_page(db: &Db) {
    let mail = crate::common::smtp::MailServer::start();
    let url = mail.url();
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", url.as_str())]);
    let me = Organizer::sign_up(&server, db, "owner@example.org");
    subscribers(
        db,
        &[
            ("ada@example.org", "confirmed"),
            ("bob@example.org", "confirmed"),
        ],
    );
    mail.refuse("bob@example.org", 550);
    let (status, to, _) = me.post(
        "/organizer/newsletter/send",
        &[
            ("subject", "Refused once"),
            ("body", "Hello."),
            ("expected", "2"),
        ],
    );
    assert_eq!(status, 303);
    let id = issue_id(&to);
    let page_of = || me.get(&format!("/organizer/newsletter/issues/{id}")).1;
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut page = page_of();
    while !page.contains("refused those below for good") {
        assert!(Instant::now() < deadline, "{page}");
        std::thread::sleep(Duration::from_millis(100));
        page = page_of();
    }
    assert!(page.contains("Send again to bob@example.org"), "{page}");
    let marker = format!("action=\"/organizer/newsletter/issues/{id}/retry/");
    let at = page.find(&marker).unwrap() + "action=\"".len();
    let action = page[at..at + page[at..].find('"').unwrap()].to_owned();
    mail.accept("bob@example.org");
    let (status, to, _) = me.post(&action, &[]);
    assert_eq!(status, 303, "{action}");
    assert!(to.contains("done=retry"), "{to}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !page_of().contains("Every email was delivered.") {
        assert!(Instant::now() < deadline, "{}", page_of());
        std::thread::sleep(Duration::from_millis(100));
    }
    let delivered: Vec<String> = mail
        .raw()
        .iter()
        .map(|raw| crate::common::parse_email("", raw).to)
        .collect();
    assert_eq!(
        delivered.iter().filter(|t| *t == "bob@example.org").count(),
        1
    );
    // Sending again what was delivered is refused, and queues nothing.
    assert_eq!(me.post(&action, &[]).0, 404);
}

on_both_databases!(
    a_failed_email_of_an_issue_is_sent_again_from_its_page,
    a_published_event_is_announced_from_its_overview,
    a_test_goes_to_the_organizer_and_an_issue_to_each_confirmed_subscriber_once,
    an_empty_subject_is_refused_next_to_the_field_and_queues_nothing,
    an_import_asks_for_confirmation_only_and_an_issue_reaches_none_of_the_imported,
    sign_ups_never_confirmed_are_erased_after_the_period,
);
