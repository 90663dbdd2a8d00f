//! Webinar series through the real server: the episode fields of the API, the series
//! page (next webinar or "to be announced", past ones newest first with speakers and
//! recordings), the public calendar feeds, and Markdown descriptions rendered safely.

use serde_json::json;

use crate::common::{Db, Server};

fn get(server: &Server, path: &str) -> (u16, String) {
    let response = server.http.get(server.url(path)).send().unwrap();
    (response.status().as_u16(), response.text().unwrap())
}

/// Creates an episode of `looking-glass` that starts `days` from now (negative: past).
fn episode(server: &Server, slug: &str, code: &str, days: i64, phase: &str) {
    let starts = chrono::Utc::now() + chrono::Duration::days(days);
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events",
        json!({
            "slug": slug,
            "title": format!("Episode {code}"),
            "description": "On **datasets**: [notes](https://example.org/notes)\n\n<script>alert(1)</script><img src=x onerror=alert(2)>",
            "starts_at": starts.to_rfc3339(),
            "ends_at": (starts + chrono::Duration::hours(1)).to_rfc3339(),
            "timezone": "Europe/Copenhagen",
            "meeting_url": "https://meet.example.org/secret-room",
            "in_person_capacity": 0,
            "virtual_capacity": null,
            "phase": phase,
            "series": "looking-glass",
            "code": code,
            "speakers": [
                {"name": format!("Speaker of {code}"), "affiliation": "IT University of Copenhagen"},
                {"name": "Second Speaker", "url": "https://example.org/second"}
            ],
            "recording_url": if days < 0 { json!(format!("https://www.youtube.com/watch?v={code}")) } else { json!(null) },
        }),
    );
    assert_eq!(status, 201, "{body}");
}

fn episodes_carry_their_series_code_speakers_and_recording(db: &Db) {
    let server = Server::start(db);
    episode(&server, "s07e01", "S07E01", -20, "closed");
    let (_, event) = server.get("/api/v1/events/s07e01");
    assert_eq!(event["series"], "looking-glass");
    assert_eq!(event["code"], "S07E01");
    assert_eq!(
        event["speakers"][0]["affiliation"],
        "IT University of Copenhagen"
    );
    assert_eq!(event["speakers"][1]["url"], "https://example.org/second");
    assert_eq!(
        event["recording_url"],
        "https://www.youtube.com/watch?v=S07E01"
    );

    server.create_event("other", 10, Some(0), "open");
    let (_, list) = server.get("/api/v1/events?series=looking-glass");
    let slugs: Vec<&str> = list["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["s07e01"]);

    let (status, body) = server.organizer(
        reqwest::Method::PATCH,
        "/api/v1/events/s07e01",
        json!({"speakers": [{"name": "  "}], "recording_url": "ftp://x", "code": "x".repeat(21)}),
    );
    assert_eq!(status, 422, "{body}");
    let fields = body["error"]["fields"].as_object().unwrap();
    for field in ["speakers[0].name", "recording_url", "code"] {
        assert!(fields.contains_key(field), "{body}");
    }
    let (status, body) = server.organizer(
        reqwest::Method::PATCH,
        "/api/v1/events/s07e01",
        json!({"speakers": [{"name": "A", "title": "Dr"}]}),
    );
    assert_eq!(status, 422, "an unknown field is refused: {body}");
    let (_, unchanged) = server.get("/api/v1/events/s07e01");
    assert_eq!(unchanged["speakers"], event["speakers"]);

    let patched = server.patch_event("s07e01", json!({"recording_url": null, "code": null}));
    assert_eq!(patched["recording_url"], serde_json::Value::Null);
    assert_eq!(patched["code"], serde_json::Value::Null);
}

fn the_series_page_shows_the_next_webinar_or_to_be_announced_and_past_ones_newest_first(db: &Db) {
    let server = Server::start(db);
    episode(&server, "s07e01", "S07E01", -40, "closed");
    episode(&server, "s07e02", "S07E02", -10, "closed");
    let (status, page) = get(&server, "/series/looking-glass");
    assert_eq!(status, 200);
    assert!(page.contains("to be announced"), "{page}");
    let (first, second) = (page.find("S07E01").unwrap(), page.find("S07E02").unwrap());
    assert!(second < first, "newest first");
    assert!(page.contains("Speaker of S07E02"));
    assert!(page.contains("IT University of Copenhagen"));
    assert!(page.contains("https://www.youtube.com/watch?v=S07E02"));

    episode(&server, "s07e03", "S07E03", 7, "open");
    let (_, page) = get(&server, "/series/looking-glass");
    assert!(!page.contains("to be announced"), "{page}");
    let next = page.find("Next webinar").unwrap();
    assert!(page[next..].find("S07E03").unwrap() < page[next..].find("S07E02").unwrap());

    let (_, index) = get(&server, "/");
    assert!(index.contains("href=\"/series/looking-glass\""), "{index}");
    assert_eq!(get(&server, "/series/no-such-series").0, 404);
}

fn markdown_descriptions_render_links_and_emphasis_but_never_a_script(db: &Db) {
    let server = Server::start(db);
    episode(&server, "s07e01", "S07E01", 7, "open");
    for path in ["/events/s07e01", "/series/looking-glass"] {
        let (_, page) = get(&server, path);
        assert!(page.contains("<strong>datasets</strong>"), "{page}");
        assert!(
            page.contains(r#"<a href="https://example.org/notes" rel="noopener">notes</a>"#),
            "{page}"
        );
        let lower = page.to_lowercase();
        assert!(
            !lower.contains("alert(1)") && !lower.contains("onerror"),
            "{path}: {page}"
        );
    }
}

fn the_public_feeds_hold_every_published_event_with_zoned_times_and_no_meeting_link(db: &Db) {
    let server = Server::start(db);
    episode(&server, "s07e01", "S07E01", 7, "open");
    server.create_event("hidden", 10, Some(0), "draft");
    server.create_event("workshop", 10, Some(0), "open");
    let (status, all) = get(&server, "/events.ics");
    assert_eq!(status, 200);
    assert!(all.contains("SUMMARY:S07E01: Episode S07E01"), "{all}");
    assert!(all.contains("SUMMARY:Event workshop"), "{all}");
    assert!(!all.contains("Event hidden"), "a draft is not published");
    assert!(all.contains("DTSTART;TZID=Europe/Copenhagen:"), "{all}");
    assert!(
        !all.contains("secret-room") && !all.contains("meet.example.org"),
        "{all}"
    );
    let uid = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .unwrap()
    };
    let sequence_of = |text: &str| -> i64 {
        text.lines()
            .find_map(|l| l.strip_prefix("SEQUENCE:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    let (_, series) = get(&server, "/series/looking-glass.ics");
    assert!(!series.contains("Event workshop"));
    let before = sequence_of(&series);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    server.patch_event("s07e01", json!({"title": "Renamed"}));
    let (_, after) = get(&server, "/series/looking-glass.ics");
    assert_eq!(uid(&series), uid(&after), "the UID stays");
    assert!(sequence_of(&after) > before, "SEQUENCE grows with a change");
    let (_, page) = get(&server, "/series/looking-glass");
    assert!(page.contains("/series/looking-glass.ics"));

    // The few words a feed adds to the events' own follow the reader's language.
    assert!(
        series.contains("LOCATION:Online") && series.contains("Speakers: Speaker of S07E01"),
        "{series}"
    );
    let response = server
        .http
        .get(server.url("/series/looking-glass.ics"))
        .header("Accept-Language", "es")
        .send()
        .unwrap();
    let vary = response.headers()["vary"].to_str().unwrap().to_owned();
    assert!(vary.contains("Accept-Language"), "{vary}");
    let spanish = response.text().unwrap();
    assert!(
        spanish.contains("LOCATION:En línea") && spanish.contains("Ponentes: Speaker of S07E01"),
        "{spanish}"
    );
}

crate::on_both_databases!(
    episodes_carry_their_series_code_speakers_and_recording,
    the_series_page_shows_the_next_webinar_or_to_be_announced_and_past_ones_newest_first,
    markdown_descriptions_render_links_and_emphasis_but_never_a_script,
    the_public_feeds_hold_every_published_event_with_zoned_times_and_no_meeting_link,
);
