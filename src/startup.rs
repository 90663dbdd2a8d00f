//! The application: database and migrations, the writer, the mail worker, the background
//! jobs and the HTTP server, wired together. Tests build it on port 0 and read the port it
//! reports.

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use chrono::{Datelike, TimeZone, Utc};
use lettre::message::Mailbox;

use crate::config::Settings;
use crate::database::Database;
use crate::domain::Phase;
use crate::domain::{EventDraft, EventSettings, ReconfirmationDraft};
use crate::engine::Engine;
use crate::jobs;
use crate::mail::worker::{MailWorker, Transport};
use crate::services::accounts;
use crate::store::{self, ConnectionManager};
use crate::web::rate_limit::{ClientAddress, RateLimits};
use crate::web::{self as routes, observe, organizer, rate_limit, security, AppState};

pub struct Application {
    server: Server,
    port: u16,
    stop_mail: Arc<AtomicBool>,
    mail_thread: std::thread::JoinHandle<()>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let manager = ConnectionManager::new(&settings.database.database_url);
        let listener = TcpListener::bind(&settings.address.bind)
            .with_context(|| format!("binding {}", settings.address.bind))?;
        let port = listener.local_addr()?.port();
        let public_url = settings.address.public_url_for(port);
        let dashboard = {
            let mut conn = manager.establish().with_context(|| {
                format!(
                    "opening the database {}",
                    redact(&settings.database.database_url)
                )
            })?;
            store::migrate(&mut conn)?;
            let key = accounts::session_key(&mut conn, organizer::Dashboard::new_key)?;
            web::Data::new(organizer::Dashboard::new(
                &key,
                &public_url,
                settings.rate_limits,
            )?)
        };
        let pool = store::pool(&settings.database.database_url, READ_CONNECTIONS)
            .context("opening the connection pool")?;

        let (mail_wake, wake) = mpsc::sync_channel(1);
        store::spawn_checkpointer(&manager);
        // Emails are files there when no mail server is configured; erasures remove them.
        let outbox_dir = settings
            .smtp_url
            .is_none()
            .then(|| settings.outbox_dir.clone());
        let engine = Engine::start(manager, public_url.clone(), mail_wake, outbox_dir.clone());

        let from: Mailbox = settings.mail_from.parse().with_context(|| {
            format!(
                "REGISTRAR_MAIL_FROM {:?} is not an address",
                settings.mail_from
            )
        })?;
        let transport =
            Transport::from_settings(settings.smtp_url.as_deref(), settings.outbox_dir.clone())?;
        let stop_mail = Arc::new(AtomicBool::new(false));
        let worker = MailWorker {
            pool: store::mail_pool(&settings.database.database_url)
                .context("opening the mail worker's connection")?,
            transport,
            from,
            host: url::Url::parse(&public_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_else(|| "localhost".into()),
            wake,
            stop: stop_mail.clone(),
            pace: settings
                .mail_rate
                .map(|per_minute| Duration::from_secs(60) / per_minute),
            last_sent: Default::default(),
        };
        let mail_thread = std::thread::Builder::new()
            .name("registrar-mail".into())
            .spawn(move || worker.run())?;

        jobs::spawn_sweeper(
            pool.clone(),
            engine.clone(),
            Duration::from_secs(settings.sweep_seconds),
        );

        jobs::spawn_reminders(
            pool.clone(),
            engine.clone(),
            Duration::from_secs(settings.sweep_seconds),
            settings.answer_reminder_hours,
        );

        jobs::spawn_retention(
            pool.clone(),
            engine.clone(),
            jobs::Retention {
                days: settings.retention_days,
                unconfirmed_days: settings.unconfirmed_days,
                outbox_dir,
            },
        );

        println!("registrar listening on http://{}", listener.local_addr()?);
        if settings.demo {
            first_run(&pool, &engine, &public_url).await?;
        }
        if let Err(error) = first_organizer(&pool, &public_url).await {
            tracing::warn!(error = %format!("{error:#}"), "could not make a link for a first organizer");
        }
        match &settings.smtp_url {
            Some(url) => println!("Emails go to the SMTP server {}", redact(url)),
            None => println!(
                "No SMTP server configured: emails are written to {}/",
                settings.outbox_dir.display()
            ),
        }
        println!("Open {public_url}/ in your browser.");

        let https = public_url.starts_with("https://");
        let limits = settings.rate_limits.then(|| {
            let limits = web::Data::new(RateLimits::new(if settings.behind_proxy {
                ClientAddress::Forwarded
            } else {
                ClientAddress::Peer
            }));
            RateLimits::spawn_sweeper(limits.clone());
            limits
        });
        let site_pool = pool.clone();
        let site = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
            let mut conn = site_pool.get()?;
            Ok(crate::services::site::load(&mut conn)?)
        })
        .await??;
        let site = std::sync::Arc::new(crate::services::site::SiteCache::new(site));
        jobs::spawn_site_refresh(pool.clone(), site.clone());
        let state = web::Data::new(AppState {
            engine,
            database: Database::new(pool),
            public_url,
            retention_days: settings.retention_days,
            unconfirmed_days: settings.unconfirmed_days,
            site,
        });
        let server = HttpServer::new(move || {
            let mut app = App::new()
                .app_data(state.clone())
                .app_data(dashboard.clone())
                .app_data(web::PayloadConfig::new(crate::web::input::JSON_LIMIT))
                .app_data(web::FormConfig::default().limit(crate::web::respond::PUBLIC_FORM_LIMIT));
            if let Some(limits) = &limits {
                app = app.app_data(limits.clone());
            }
            // The last one wrapped sees a request first: the log sees every answer,
            // the headers go on every answer, 429s included.
            app.wrap(from_fn(crate::web::with_site_identity))
                .wrap(from_fn(rate_limit::limit))
                .wrap(from_fn(security::limit_requests))
                .wrap(security::headers(https))
                .wrap(from_fn(observe::log_and_count))
                .configure(routes::routes)
        })
        // A client gets this long to send its headers, and a body gets
        // `security::BODY_DEADLINE`, so a slow client cannot hold a worker.
        .client_request_timeout(Duration::from_secs(10))
        .client_disconnect_timeout(Duration::from_secs(2))
        .keep_alive(Duration::from_secs(30))
        .worker_max_blocking_threads(READ_CONNECTIONS as usize)
        .listen(listener)?
        .shutdown_timeout(10)
        .run();

        Ok(Application {
            server,
            port,
            stop_mail,
            mail_thread,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT or SIGTERM, lets requests in flight finish, then stops the mail
    /// worker between two emails.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        self.server.await?;
        self.stop_mail.store(true, Ordering::SeqCst);
        let _ = self.mail_thread.join();
        Ok(())
    }
}

/// Connections for reads, shared by the HTTP workers. Each worker runs reads on at most
/// this many threads: more would only wait for a connection, and the default (hundreds of
/// threads, each with its own stack and allocator cache) grew the server's memory under
/// many concurrent dashboard requests. Each more costs a thread and, on SQLite, a page
/// cache.
const READ_CONNECTIONS: u32 = 4;

/// Hides the password of a URL in messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("****"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// On an empty database: the demo workshop and an organizer API token, so a new user can
/// try everything at once.
async fn first_run(pool: &store::Pool, engine: &Engine, public_url: &str) -> anyhow::Result<()> {
    let pool_for_count = pool.clone();
    let empty = tokio::task::spawn_blocking(move || -> anyhow::Result<bool> {
        let mut conn = pool_for_count.get()?;
        Ok(store::events::count(&mut conn)? == 0)
    })
    .await??;
    if !empty {
        return Ok(());
    }
    let tz = chrono_tz::Europe::Copenhagen;
    let day = (Utc::now() + chrono::Duration::days(60)).with_timezone(&tz);
    let starts = tz
        .with_ymd_and_hms(day.year(), day.month(), day.day(), 9, 30, 0)
        .earliest()
        .context("demo start time")?;
    // Only what is known of the real workshop: its organizers are at the IT University of
    // Copenhagen, the room is by invitation first, and parts can be followed online, so
    // the stream is open while the room is not.
    let settings = EventSettings::parse(EventDraft {
        slug: "in-the-picture".into(),
        title: "In the Picture: Medical Imaging Datasets".into(),
        description: "A workshop on medical imaging datasets, and on whether they represent the patients they are meant for. Participants work in groups on various projects.\n\nThe room is by invitation: invited participants come first, and if there are enough spots, we will open registration to others. Parts of the workshop will also have virtual participation options: registration for the stream is open now, and anyone may join the waiting list for the room.".into(),
        starts_at: starts.with_timezone(&Utc),
        ends_at: (starts + chrono::Duration::hours(8)).with_timezone(&Utc),
        timezone: tz.name().into(),
        venue: "IT University of Copenhagen".into(),
        meeting_url: None,
        in_person_capacity: 30,
        virtual_capacity: Some(200),
        phase: Phase::InviteOnly,
        virtual_phase: Some(Phase::Open),
        offer_window_hours: 48,
        invitation_window_days: 14,
        auto_confirm: false,
        programme: demo_programme(starts.with_timezone(&Utc)),
        questions: demo_questions(),
        reminder_hours_before: vec![24],
        // A week before, each participant in the room says whether they still come.
        reconfirm: Some(ReconfirmationDraft {
            days_before: 7,
            window_hours: 72,
        }),
        episode: Default::default(),
        // The demo's content is written in English.
        language: Some("en".into()),
    })
    .map_err(|e| anyhow::anyhow!("the demo event's settings: {e:?}"))?;
    engine
        .create_event(settings, "system".into())
        .await
        .map_err(|e| anyhow::anyhow!("creating the demo event: {e}"))?;
    demo_series(engine, pool).await?;
    let pool = pool.clone();
    let token = tokio::task::spawn_blocking(move || -> anyhow::Result<String> {
        let mut conn = pool.get()?;
        let site = crate::domain::SiteIdentity {
            name: "In the Picture".into(),
            footer: "In the Picture: Medical Imaging Datasets is organized at the IT University of Copenhagen.".into(),
            ..crate::domain::SiteIdentity::default()
        };
        crate::services::site::save(&mut conn, &site)?;
        Ok(accounts::create_api_token(&mut conn, "first run", crate::domain::Role::Owner)?.token)
    })
    .await??;
    println!("Created the demo workshop: {public_url}/events/in-the-picture");
    println!(
        "Organizer API token (shown only this once; use it as 'Authorization: Bearer <token>'):"
    );
    println!("  {token}");
    Ok(())
}

/// The webinar series of the demo: a few past episodes with speakers and recordings, and
/// the next one to be announced. The speakers are stand-ins, and each recording link is
/// a search for the episode.
async fn demo_series(engine: &Engine, pool: &store::Pool) -> anyhow::Result<()> {
    use crate::domain::{Episode, Speaker};
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut conn = pool.get()?;
        store::series::save(
            &mut conn,
            &store::series::SeriesRow {
                slug: "looking-glass".into(),
                title: "Datasets through the Looking-Glass".into(),
                description: "Online talks on datasets: how they are made, whom they represent, and what models learn from them. Each webinar is free; registered participants get the meeting link by email, and recordings are published afterwards.".into(),
            },
        )?;
        Ok(())
    })
    .await??;
    let tz = chrono_tz::Europe::Copenhagen;
    let episodes = [
        (
            "s07e01",
            "S07E01",
            "Who is in the picture? Auditing skin-lesion datasets",
            56,
            "A. Researcher",
            "IT University of Copenhagen",
        ),
        (
            "s07e02",
            "S07E02",
            "Shortcuts: what chest X-ray models really learn",
            35,
            "B. Scientist",
            "University of Copenhagen",
        ),
        (
            "s07e03",
            "S07E03",
            "Datasheets for medical imaging datasets in practice",
            14,
            "C. Engineer",
            "Technical University of Denmark",
        ),
    ];
    for (slug, code, title, days_ago, speaker, affiliation) in episodes {
        let day = (Utc::now() - chrono::Duration::days(days_ago)).with_timezone(&tz);
        let starts = tz
            .with_ymd_and_hms(day.year(), day.month(), day.day(), 15, 0, 0)
            .earliest()
            .context("demo episode time")?;
        let search = format!("https://www.youtube.com/results?search_query=Datasets+through+the+Looking-Glass+{code}");
        let settings = EventSettings {
            slug: crate::domain::Slug::parse(&format!("looking-glass-{slug}")).expect("a valid slug"),
            title: title.into(),
            description: format!("A webinar of *Datasets through the Looking-Glass*. {speaker} talks about **{}**, followed by questions from the audience.", title.to_lowercase()),
            starts_at: starts.with_timezone(&Utc),
            ends_at: (starts + chrono::Duration::hours(1)).with_timezone(&Utc),
            timezone: tz,
            venue: String::new(),
            meeting_url: None,
            in_person_capacity: 0,
            virtual_capacity: None,
            phase: Phase::Closed,
            virtual_phase: None,
            offer_window_hours: 48,
            invitation_window_days: 14,
            auto_confirm: false,
            programme: Default::default(),
            questions: Default::default(),
            reminder_hours_before: Default::default(),
            reconfirm: None,
            episode: Episode {
                series: crate::domain::Slug::parse("looking-glass").ok(),
                code: Some(code.into()),
                speakers: vec![Speaker {
                    name: speaker.into(),
                    affiliation: Some(affiliation.into()),
                    url: None,
                }],
                recording_url: Some(search),
            },
            language: crate::domain::Language::from_tag("en"),
        };
        engine
            .create_event(settings, "system".into())
            .await
            .map_err(|e| anyhow::anyhow!("creating a demo episode: {e}"))?;
    }
    Ok(())
}

/// While no organizer has a password: a one-time link for the first one to set one (a new
/// link at every start until then, so a lost one is no dead end).
async fn first_organizer(pool: &store::Pool, public_url: &str) -> anyhow::Result<()> {
    let pool = pool.clone();
    let public_url = public_url.to_owned();
    let link = tokio::task::spawn_blocking(move || -> anyhow::Result<Option<String>> {
        let mut conn = pool.get()?;
        if accounts::organizers_signed_up(&mut conn)? > 0 {
            return Ok(None);
        }
        accounts::invite_organizer(
            &mut conn,
            "organizer@localhost",
            crate::domain::Role::Owner,
            &public_url,
        )
        .map(Some)
    })
    .await??;
    if let Some(link) = link {
        println!("No organizer yet. Set a password for the first one (organizer@localhost) with this one-time link:");
        println!("  {link}");
    }
    Ok(())
}

/// The demo workshop's day: talks that are streamed, group work in the room.
fn demo_programme(starts: chrono::DateTime<Utc>) -> Vec<crate::domain::Part> {
    let part = |title: &str, from: i64, minutes: i64, streamed: bool, description: &str| {
        crate::domain::Part {
            title: title.into(),
            starts_at: starts + chrono::Duration::minutes(from),
            ends_at: starts + chrono::Duration::minutes(from + minutes),
            streamed,
            description: description.into(),
        }
    };
    vec![
        part(
            "Welcome and opening talk",
            0,
            45,
            true,
            "Why the representativeness of datasets matters.",
        ),
        part(
            "Project groups, first session",
            60,
            120,
            false,
            "Participants work in groups on various projects.",
        ),
        part(
            "Talks",
            240,
            90,
            true,
            "Short talks on medical imaging datasets and the patients they are meant for.",
        ),
        part("Project groups, second session", 345, 105, false, ""),
        part("The groups report back", 450, 30, true, ""),
    ]
}

/// The demo workshop's questions: who is in the room, and the groups to form.
fn demo_questions() -> Vec<crate::domain::Question> {
    use crate::domain::{Question, QuestionKind};
    let options = |list: &[&str]| list.iter().map(|o| o.to_string()).collect();
    vec![
        Question {
            key: "career_stage".into(),
            label: "Career stage".into(),
            kind: QuestionKind::Choice,
            options: options(&[
                "PhD student",
                "Postdoc",
                "Faculty",
                "Clinician",
                "Industry",
                "Other",
            ]),
            required: false,
            summarize: true,
        },
        Question {
            key: "project_group".into(),
            label: "Which project group would you like to join?".into(),
            kind: QuestionKind::Choice,
            options: options(&[
                "Dataset documentation",
                "Shortcuts and bias",
                "Annotation quality",
                "Sharing and access",
            ]),
            required: false,
            summarize: true,
        },
        Question {
            key: "access_needs".into(),
            label: "Dietary or access needs".into(),
            kind: QuestionKind::Text,
            options: Vec::new(),
            required: false,
            summarize: false,
        },
    ]
}
