//! Notifications by e-mail, and the scheduler of timed notifications.
//!
//! - [`scheduler`]: every minute, asks the domain which timed notifications
//!   are due (`vela_domain::notifications::due`) and submits them as the
//!   system's `notify` command (runs whether or not mail is configured).
//! - With `--smtp-url` and `--mail-from`, [`Mailer`] follows each stored
//!   state's durable revisions: the notifications a revision gave a person
//!   become a mail in the durable [`outbox`] (at once, or in their daily
//!   digest, as their preferences say; never for people without a valid
//!   address), and a sender hands them to the SMTP server with `lettre`,
//!   retrying with back-off. Nothing here ever blocks a push: the log is the
//!   source, the outbox is written apart from it.
//! - [`compose`]: the words, in the recipient's language, as text and HTML;
//!   a seat confirmation carries the session's `.ics`.

pub mod compose;
pub mod outbox;
pub mod scheduler;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::{watch, Notify};
use uuid::Uuid;
use vela_domain::calendar::rome_midnight_utc;
use vela_domain::calendar::to_rome;
use vela_domain::ids::PersonId;
use vela_domain::notifications::{Delivery, Event as NoteEvent, Kind, Notification};
use vela_domain::{Event, State};

use crate::org_store::OrgStore;
use crate::store::{Changes, Store};
use crate::Config;

pub use outbox::{Outbox, OutboxError, OutboxStatus};

/// How long one SMTP exchange may take before it counts as a failure.
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// Why mail could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("--smtp-url and --mail-from go together: give both or neither")]
    Incomplete,
    #[error("--smtp-url {0:?} is not an smtp:// or smtps:// URL: {1}")]
    Url(String, String),
    #[error("--mail-from {0:?} is not an e-mail address")]
    From(String),
    #[error("cannot read the SMTP credentials file {}: {reason}", path.display())]
    Credentials { path: PathBuf, reason: String },
    #[error(transparent)]
    Outbox(#[from] OutboxError),
}

/// The mail side, shared with the admin route.
pub struct Mailer {
    outbox: Outbox,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: Option<String>,
    wake: Notify,
    /// Added to the clock: lets tests reach a digest hour without waiting.
    clock_offset: Duration,
}

impl Mailer {
    /// The mailer `config` asks for, or `None` when mail is not configured.
    /// With a `database` pool the outbox is in the database, shared by
    /// replicas; otherwise in the data directory.
    pub fn from_config(
        config: &Config,
        database: Option<&deadpool_postgres::Pool>,
    ) -> Result<Option<Arc<Mailer>>, MailError> {
        let (url, from) = match (&config.smtp_url, &config.mail_from) {
            (None, None) => return Ok(None),
            (Some(url), Some(from)) => (url, from),
            _ => return Err(MailError::Incomplete),
        };
        if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
            return Err(MailError::Url(url.clone(), "unknown scheme".into()));
        }
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Url(url.clone(), e.to_string()))?
            .timeout(Some(SMTP_TIMEOUT));
        if let Some(path) = &config.smtp_credentials_file {
            let text = std::fs::read_to_string(path).map_err(|e| MailError::Credentials {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let mut lines = text.lines();
            let (Some(user), Some(password)) = (lines.next(), lines.next()) else {
                return Err(MailError::Credentials {
                    path: path.clone(),
                    reason:
                        "expected the user name on the first line and the password on the second"
                            .into(),
                });
            };
            builder = builder.credentials(Credentials::new(user.trim().into(), password.into()));
        }
        let from: Mailbox = from.parse().map_err(|_| MailError::From(from.clone()))?;
        let clock_offset = Duration::seconds(config.mail_clock_offset_secs);
        let outbox = match database {
            Some(pool) => Outbox::Pg(outbox::PgOutbox::new(pool.clone())),
            None => Outbox::File(outbox::FileOutbox::open(
                &config.data_dir,
                Utc::now() + clock_offset,
            )?),
        };
        Ok(Some(Arc::new(Mailer {
            outbox,
            transport: builder.build(),
            from,
            public_url: config.public_url.clone(),
            wake: Notify::new(),
            clock_offset,
        })))
    }

    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.clock_offset
    }

    /// The outbox as administrators of `org` see it.
    pub async fn status(&self, org: Uuid) -> Result<OutboxStatus, OutboxError> {
        self.outbox.status(org).await
    }

    /// Starts one collector per stored state and the sender.
    pub fn start(self: &Arc<Self>, store: Arc<OrgStore>, shutdown: watch::Receiver<bool>) {
        for org in store.organisations() {
            let me = self.clone();
            let store = store.clone();
            let shutdown = shutdown.clone();
            tokio::spawn(async move { me.collect(org, store, shutdown).await });
        }
        let me = self.clone();
        tokio::spawn(async move { me.send_loop(store, shutdown).await });
    }

    /// Follows `org`'s durable revisions and queues their mails.
    async fn collect(
        self: Arc<Self>,
        org: Uuid,
        store: Arc<OrgStore>,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let Ok(mut durable) = store.durable(org) else {
            return;
        };
        // A first start with mail (or a new outbox) mails from now on, not
        // the whole history.
        match self.outbox.cursor(org).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                let now = *durable.borrow();
                if let Err(e) = self.outbox.queue(org, now, Vec::new()).await {
                    tracing::error!("mail outbox: {e}");
                }
            }
            Err(e) => tracing::error!("mail outbox: {e}"),
        }
        loop {
            durable.borrow_and_update();
            if let Err(e) = self.collect_once(org, &store).await {
                tracing::error!(%org, "mail outbox: {e}");
            }
            tokio::select! {
                changed = durable.changed() => if changed.is_err() { return },
                _ = shutdown.changed() => return,
            }
        }
    }

    async fn collect_once(&self, org: Uuid, store: &OrgStore) -> Result<(), OutboxError> {
        let Some(cursor) = self.outbox.cursor(org).await? else {
            return Ok(());
        };
        let entries = match store.changes_since(org, cursor) {
            Ok(Changes::Entries(entries)) => entries,
            Ok(Changes::TooOld) => {
                let now = store.read(org, |_, revision| revision).unwrap_or(cursor);
                tracing::error!(
                    %org, cursor, now,
                    "mail outbox: the log before revision {now} is compacted; notifications since {cursor} are not mailed"
                );
                return self.outbox.queue(org, now, Vec::new()).await;
            }
            Err(e) => {
                tracing::error!(%org, "mail outbox: cannot read the log: {e}");
                return Ok(());
            }
        };
        let Some(last) = entries.last().map(|e| e.revision) else {
            return Ok(());
        };
        let now = self.now();
        let mut told: Vec<(u64, PersonId, Vec<Notification>)> = Vec::new();
        for entry in &entries {
            let mut by_person: BTreeMap<PersonId, Vec<Notification>> = BTreeMap::new();
            for event in &entry.events {
                if let Event::Notifications(NoteEvent::Notified { notification }) = event {
                    by_person
                        .entry(notification.recipient)
                        .or_default()
                        .push(notification.clone());
                }
            }
            told.extend(
                by_person
                    .into_iter()
                    .map(|(person, list)| (entry.revision, person, list)),
            );
        }
        let mails = store
            .read(org, |state, _| plan(state, org, told, now))
            .unwrap_or_default();
        let queued = !mails.is_empty();
        self.outbox.queue(org, last, mails).await?;
        if queued {
            self.wake.notify_one();
        }
        Ok(())
    }

    async fn send_loop(self: Arc<Self>, store: Arc<OrgStore>, mut shutdown: watch::Receiver<bool>) {
        loop {
            match self.outbox.take_due(self.now()).await {
                Ok(mails) => {
                    for mail in mails {
                        self.send_one(&store, mail).await;
                    }
                }
                Err(e) => tracing::error!("mail outbox: {e}"),
            }
            tokio::select! {
                () = self.wake.notified() => {},
                () = tokio::time::sleep(std::time::Duration::from_secs(1)) => {},
                _ = shutdown.changed() => return,
            }
        }
    }

    async fn send_one(&self, store: &OrgStore, parts: Vec<outbox::Pending>) {
        let Some(first) = parts.first() else { return };
        let org = first.key.org;
        let recipient = first.key.recipient;
        let keys: Vec<_> = parts.iter().map(|p| p.key.clone()).collect();
        let notifications: Vec<Notification> =
            parts.iter().flat_map(|p| p.notifications.clone()).collect();
        let now = self.now();
        let built = store
            .read(org, |state, _| {
                self.message(state, recipient, &notifications, now)
            })
            .ok()
            .flatten();
        let Some(message) = built else {
            // The person or their address is gone: the app keeps the
            // notifications.
            if let Err(e) = self.outbox.drop_mail(&keys).await {
                tracing::error!("mail outbox: {e}");
            }
            return;
        };
        let result = self.transport.send(message).await;
        let recorded = match result {
            Ok(_) => self.outbox.sent(&keys, now).await,
            Err(e) => {
                tracing::warn!(%org, %recipient, "mail not sent, will retry: {e}");
                self.outbox.failed(&keys, &e.to_string(), now).await
            }
        };
        if let Err(e) = recorded {
            tracing::error!("mail outbox: {e}");
        }
    }

    fn message(
        &self,
        state: &State,
        recipient: PersonId,
        notifications: &[Notification],
        now: DateTime<Utc>,
    ) -> Option<Message> {
        let person = state.directory.people.get(&recipient)?;
        let to = mailbox(person)?;
        let words = compose::words(
            notifications,
            &person.name,
            person.language,
            self.public_url.as_deref(),
        );
        let key = notifications
            .first()
            .map(|n| n.id.clone())
            .unwrap_or_default();
        let body = MultiPart::alternative_plain_html(words.text, words.html);
        let ics = notifications
            .iter()
            .find(|n| matches!(n.kind, Kind::RegistrationConfirmed | Kind::Promoted))
            .and_then(|n| session_ics(state, person, n, now));
        let body = match ics {
            Some(ics) => MultiPart::mixed().multipart(body).singlepart(
                Attachment::new("webinar.ics".into()).body(
                    ics,
                    ContentType::parse("text/calendar; charset=utf-8")
                        .unwrap_or(ContentType::TEXT_PLAIN),
                ),
            ),
            None => body,
        };
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(words.subject)
            .message_id(Some(format!("<{}@vela>", message_id(&key))))
            .multipart(body)
            .ok()
    }
}

/// A person's mailbox, if they have a valid address and are active.
fn mailbox(person: &vela_domain::directory::Person) -> Option<Mailbox> {
    let email = person.email.as_deref()?.trim();
    if !person.active || email.is_empty() {
        return None;
    }
    let address = email.parse().ok()?;
    Some(Mailbox::new(Some(person.name.clone()), address))
}

/// A Message-ID made of the notification id: the same mail sent twice (a
/// crash between the SMTP answer and the outbox write) is recognisable.
fn message_id(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '.'
            }
        })
        .collect()
}

/// The seat's calendar file, with the session's first trainer as organiser
/// and the person as attendee.
fn session_ics(
    state: &State,
    person: &vela_domain::directory::Person,
    n: &Notification,
    now: DateTime<Utc>,
) -> Option<String> {
    let session = state.webinars.sessions.get(&n.session?)?;
    let organizer = session
        .trainers
        .iter()
        .find_map(|t| state.directory.people.get(t))?;
    Some(crate::ics::calendar::session_file(
        session, person, organizer, now,
    ))
}

/// Which of `told` (revision, person, notifications) become mails, and
/// when: per the person's preferences; never for people without a valid
/// address.
fn plan(
    state: &State,
    org: Uuid,
    told: Vec<(u64, PersonId, Vec<Notification>)>,
    now: DateTime<Utc>,
) -> Vec<outbox::Pending> {
    let mut out = Vec::new();
    for (revision, recipient, list) in told {
        let Some(person) = state.directory.people.get(&recipient) else {
            continue;
        };
        if mailbox(person).is_none() {
            continue;
        }
        let preferences = state.notifications.preferences_of(recipient);
        let (mut immediate, mut digest) = (Vec::new(), Vec::new());
        for n in list {
            match preferences.delivery(n.kind) {
                Delivery::Immediate => immediate.push(n),
                Delivery::Digest => digest.push(n),
                Delivery::Never => {}
            }
        }
        let key = |digest| outbox::MailKey {
            org,
            revision,
            recipient,
            digest,
        };
        if !immediate.is_empty() {
            out.push(outbox::Pending {
                key: key(false),
                notifications: immediate,
                digest_at: None,
                attempts: 0,
                next_attempt: now,
                last_error: None,
            });
        }
        if !digest.is_empty() {
            out.push(outbox::Pending {
                key: key(true),
                notifications: digest,
                digest_at: Some(next_hour(now, preferences.digest_hour)),
                attempts: 0,
                next_attempt: now,
                last_error: None,
            });
        }
    }
    out
}

/// The next time it is `hour`:00 in Rome, strictly after `now`.
pub fn next_hour(now: DateTime<Utc>, hour: u8) -> DateTime<Utc> {
    let today = to_rome(now).date();
    let at = |date| rome_midnight_utc(date) + Duration::hours(i64::from(hour.min(23)));
    let candidate = at(today);
    if candidate > now {
        candidate
    } else {
        at(today.succ_opt().unwrap_or(today))
    }
}
