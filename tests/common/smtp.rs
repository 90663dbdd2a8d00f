//! An SMTP server on loopback (`mailin-embedded`) that keeps every message it accepts,
//! and refuses the recipients a test tells it to refuse.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mailin_embedded::{response, Handler, Response};

/// An SMTP server on 127.0.0.1 that keeps every message it accepts, in order of arrival.
pub struct MailServer {
    pub port: u16,
    pub received: Arc<Mutex<Vec<String>>>,
    /// Recipients answered with a reply code of the test's choosing instead of 250.
    refusals: Arc<Mutex<HashMap<String, u16>>>,
    /// Every `RCPT TO` the server was sent: the address, and when.
    recipients: Arc<Mutex<Vec<(String, Instant)>>>,
    /// How many SMTP sessions began (`EHLO` or `HELO`).
    sessions: Arc<Mutex<usize>>,
}

/// One SMTP session's handler (mailin clones it per connection); a message counts as
/// received once its data is complete, just before the server answers 250.
#[derive(Clone)]
struct Collector {
    received: Arc<Mutex<Vec<String>>>,
    message: Vec<u8>,
    /// How long the server takes to accept each message.
    delay: Duration,
    refusals: Arc<Mutex<HashMap<String, u16>>>,
    recipients: Arc<Mutex<Vec<(String, Instant)>>>,
    sessions: Arc<Mutex<usize>>,
}

impl Handler for Collector {
    fn helo(&mut self, _ip: std::net::IpAddr, _domain: &str) -> Response {
        *self.sessions.lock().unwrap() += 1;
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        let to = to.trim_matches(['<', '>']).to_ascii_lowercase();
        self.recipients
            .lock()
            .unwrap()
            .push((to.clone(), Instant::now()));
        match self.refusals.lock().unwrap().get(&to) {
            Some(&code) => Response::custom(code, format!("refused by the test server: {to}")),
            None => response::OK,
        }
    }

    fn data_start(
        &mut self,
        _domain: &str,
        _from: &str,
        _is8bit: bool,
        _to: &[String],
    ) -> Response {
        self.message.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.message.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        std::thread::sleep(self.delay);
        let raw = String::from_utf8_lossy(&std::mem::take(&mut self.message)).into_owned();
        self.received.lock().unwrap().push(raw);
        response::OK
    }
}

impl MailServer {
    /// Starts on a free port.
    pub fn start() -> MailServer {
        MailServer::serve(TcpListener::bind("127.0.0.1:0").expect("binding a port for SMTP"))
    }

    /// Starts on `port`, which was free a moment ago.
    pub fn start_on(port: u16) -> MailServer {
        MailServer::serve(
            TcpListener::bind(("127.0.0.1", port)).expect("binding the SMTP port again"),
        )
    }

    /// Starts on a free port; each message takes `delay` to be accepted.
    pub fn start_slow(delay: Duration) -> MailServer {
        MailServer::serve_with(
            TcpListener::bind("127.0.0.1:0").expect("binding a port for SMTP"),
            delay,
        )
    }

    fn serve(listener: TcpListener) -> MailServer {
        MailServer::serve_with(listener, Duration::ZERO)
    }

    fn serve_with(listener: TcpListener, delay: Duration) -> MailServer {
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let refusals = Arc::new(Mutex::new(HashMap::new()));
        let recipients = Arc::new(Mutex::new(Vec::new()));
        let sessions = Arc::new(Mutex::new(0));
        let mut server = mailin_embedded::Server::new(Collector {
            received: received.clone(),
            message: Vec::new(),
            delay,
            refusals: refusals.clone(),
            recipients: recipients.clone(),
            sessions: sessions.clone(),
        });
        server.with_name("mail.test").with_tcp_listener(listener);
        // Serves until the test process ends.
        std::thread::spawn(move || {
            if let Err(error) = server.serve() {
                panic!("the SMTP server stopped: {error}");
            }
        });
        MailServer {
            port,
            received,
            refusals,
            recipients,
            sessions,
        }
    }

    /// How many SMTP sessions clients have begun so far.
    pub fn sessions(&self) -> usize {
        *self.sessions.lock().unwrap()
    }

    /// From now on answers `RCPT TO:<address>` with `code` (e.g. 550, 451).
    pub fn refuse(&self, address: &str, code: u16) {
        self.refusals
            .lock()
            .unwrap()
            .insert(address.to_ascii_lowercase(), code);
    }

    /// From now on accepts `address` again.
    pub fn accept(&self, address: &str) {
        self.refusals
            .lock()
            .unwrap()
            .remove(&address.to_ascii_lowercase());
    }

    /// When the server was asked to take a message for `address`, each time.
    pub fn attempts_for(&self, address: &str) -> Vec<Instant> {
        let address = address.to_ascii_lowercase();
        self.recipients
            .lock()
            .unwrap()
            .iter()
            .filter(|(to, _)| *to == address)
            .map(|(_, at)| *at)
            .collect()
    }

    pub fn url(&self) -> String {
        smtp_url(self.port)
    }

    /// The `Message-ID` of every message received so far, in order of arrival.
    pub fn message_ids(&self) -> Vec<String> {
        self.raw()
            .iter()
            .map(|raw| super::parse_email("", raw).message_id)
            .collect()
    }

    /// Every message received so far, raw, in order of arrival.
    pub fn raw(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `address` has received `count` messages and returns them, raw.
    pub fn wait_for_raw(&self, address: &str, count: usize) -> Vec<String> {
        super::wait_for_emails(address, count, || {
            self.raw()
                .into_iter()
                .filter(|raw| super::parse_email("", raw).to == address)
                .collect()
        })
    }
}

pub fn smtp_url(port: u16) -> String {
    format!("smtp://127.0.0.1:{port}")
}

/// A port nothing listens on (yet).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
