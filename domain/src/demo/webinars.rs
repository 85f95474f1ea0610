//! Demo webinars given by Sara, the demo trainer: a catalogue of upcoming
//! sessions (one full, with a waitlist Giulia is on), one for the tax office
//! only, a past session with attendance and feedback, and the training path
//! "Percorso smart working" tying them together.
//!
//! The server seeds the demo at one instant, so nobody can register for the
//! past session (registration closes at the start): its participants are
//! recorded by the trainer as present, as for people who followed it
//! without a seat.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use uuid::Uuid;

use super::directory::PartnerPeople;
use super::DemoPeople;
use crate::calendar::{national_holiday, rome_midnight_utc};
use crate::ids::{OrgId, PathId, PersonId, SessionId};
use crate::webinars::{Audience, Command as Web, MaterialInput};
use crate::{Actor, Command};

/// The working day `days` calendar days from `today` (later if that one is a
/// weekend or a holiday; earlier for negative `days`).
fn working_day(today: NaiveDate, days: i64) -> NaiveDate {
    let step = if days < 0 { -1 } else { 1 };
    let mut day = today + Duration::days(days);
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || national_holiday(day).is_some() {
        day += Duration::days(step);
    }
    day
}

/// `hour:minute` in Rome on `date`.
fn at(date: NaiveDate, hour: i64, minute: i64) -> DateTime<Utc> {
    rome_midnight_utc(date) + Duration::hours(hour) + Duration::minutes(minute)
}

struct Plan {
    title: &'static str,
    description: &'static str,
    day: i64,
    start: (i64, i64),
    minutes: i64,
    capacity: u32,
    link: &'static str,
    materials: &'static [(&'static str, &'static str)],
}

const PLANS: [Plan; 5] = [
    Plan {
        title: "Introduzione al lavoro agile: accordo individuale e regole",
        description: "Che cosa prevede l'accordo individuale (L. 81/2017), giornate e \
                      luoghi, fasce di contattabilità, diritto alla disconnessione e \
                      prevalenza del lavoro in presenza.",
        day: -14,
        start: (10, 0),
        minutes: 120,
        capacity: 40,
        link: "https://videoconferenza.provincia.demo/introduzione-lavoro-agile",
        materials: &[
            (
                "Slide dell'incontro",
                "https://intranet.provincia.demo/formazione/lavoro-agile-slide.pdf",
            ),
            (
                "Registrazione",
                "https://intranet.provincia.demo/formazione/lavoro-agile-video",
            ),
        ],
    },
    Plan {
        title: "Lavorare per obiettivi: dal piano alla valutazione",
        description: "Come scrivere obiettivi e risultati chiave misurabili, seguirne \
                      l'avanzamento nelle giornate di lavoro agile e prepararsi al \
                      colloquio di valutazione con il responsabile.",
        day: 7,
        start: (10, 0),
        minutes: 120,
        capacity: 25,
        link: "https://videoconferenza.provincia.demo/lavorare-per-obiettivi",
        materials: &[(
            "Scheda obiettivi (modello)",
            "https://intranet.provincia.demo/formazione/scheda-obiettivi.docx",
        )],
    },
    Plan {
        title: "Sicurezza informatica nel lavoro agile",
        description: "VPN, autenticazione a due fattori, phishing, Wi-Fi domestico e \
                      reti pubbliche, custodia dei documenti: le regole dell'ente per \
                      lavorare fuori sede in sicurezza.",
        day: 9,
        start: (14, 30),
        minutes: 90,
        capacity: 3,
        link: "https://videoconferenza.provincia.demo/sicurezza-informatica",
        materials: &[(
            "Vademecum sicurezza",
            "https://intranet.provincia.demo/formazione/vademecum-sicurezza.pdf",
        )],
    },
    Plan {
        title: "Strumenti di collaborazione: videoconferenze e documenti condivisi",
        description: "Organizzare riunioni a distanza efficaci, lavorare sugli stessi \
                      documenti senza versioni duplicate, usare il calendario di squadra.",
        day: 16,
        start: (9, 30),
        minutes: 90,
        capacity: 30,
        link: "https://videoconferenza.provincia.demo/strumenti-collaborazione",
        materials: &[],
    },
    Plan {
        title: "Il nuovo portale dei tributi: formazione per il Servizio Tributi",
        description: "Le nuove funzioni del portale per la gestione delle pratiche \
                      anche da remoto. Riservato al personale del Servizio Tributi.",
        day: 11,
        start: (11, 0),
        minutes: 60,
        capacity: 10,
        link: "https://videoconferenza.provincia.demo/portale-tributi",
        materials: &[],
    },
];

/// The demo webinars as commands (after the directory's).
pub fn commands(
    _org: OrgId,
    today: NaiveDate,
    people: &DemoPeople,
    ids: &mut dyn FnMut() -> Uuid,
) -> Vec<(Actor, Command)> {
    let sara = Actor::Person(people.sara);
    let staff: Vec<PersonId> = people
        .agile_staff
        .iter()
        .copied()
        .filter(|p| *p != people.sara)
        .collect();
    let mut out = Vec::new();
    let mut sessions = Vec::new();
    for (index, plan) in PLANS.iter().enumerate() {
        let id = SessionId(ids());
        sessions.push(id);
        let day = working_day(today, plan.day);
        let start = at(day, plan.start.0, plan.start.1);
        let audience = if index == 4 {
            Audience::Teams {
                teams: [people.tributi].into(),
            }
        } else {
            Audience::Organisation
        };
        out.push((
            sara,
            Command::Webinars(Web::SaveSession {
                id,
                title: plan.title.into(),
                description: plan.description.into(),
                trainers: [people.sara].into(),
                start,
                end: start + Duration::minutes(plan.minutes),
                capacity: plan.capacity,
                join_link: plan.link.into(),
                audience,
                materials: plan
                    .materials
                    .iter()
                    .map(|(title, url)| MaterialInput {
                        title: (*title).into(),
                        url: (*url).into(),
                    })
                    .collect(),
            }),
        ));
    }
    let [past, objectives, security, tools, tax] = [
        sessions[0],
        sessions[1],
        sessions[2],
        sessions[3],
        sessions[4],
    ];
    let register = |out: &mut Vec<(Actor, Command)>, person: PersonId, session| {
        out.push((
            Actor::Person(person),
            Command::Webinars(Web::Register { session }),
        ));
    };
    // Objectives: Giulia, Marco and a handful of colleagues.
    for person in [people.giulia, people.marco]
        .into_iter()
        .chain(staff.iter().copied().skip(2).step_by(2))
    {
        register(&mut out, person, objectives);
    }
    // Security: three seats taken, then Giulia first on the waitlist and
    // one more behind her.
    for person in staff.iter().copied().skip(2).take(3) {
        register(&mut out, person, security);
    }
    register(&mut out, people.giulia, security);
    if let Some(person) = staff.get(5) {
        register(&mut out, *person, security);
    }
    // Tools and the tax portal: a few each.
    for person in staff.iter().copied().skip(3).take(4) {
        register(&mut out, person, tools);
    }
    register(&mut out, people.marco, tax);
    register(&mut out, people.giulia, tax);
    // The past session: who took part, and what they thought of it.
    let present: Vec<PersonId> = [people.giulia, people.marco]
        .into_iter()
        .chain(staff.iter().copied().skip(2).take(6))
        .collect();
    for person in &present {
        out.push((
            sara,
            Command::Webinars(Web::MarkAttendance {
                session: past,
                person: *person,
                present: true,
            }),
        ));
    }
    let opinions: [(u8, Option<&str>); 5] = [
        (
            5,
            Some("Chiarissimo, finalmente ho capito come funzionano le fasce di contattabilità."),
        ),
        (
            4,
            Some("Utile; avrei voluto più esempi sul calcolo della prevalenza."),
        ),
        (5, None),
        (3, Some("Buono ma troppo lungo.")),
        (4, None),
    ];
    for (person, (rating, comment)) in present.iter().zip(opinions) {
        out.push((
            Actor::Person(*person),
            Command::Webinars(Web::GiveFeedback {
                session: past,
                rating,
                comment: comment.map(str::to_owned),
            }),
        ));
    }
    out.push((
        sara,
        Command::Webinars(Web::SavePath {
            id: PathId(ids()),
            title: "Percorso smart working".into(),
            description: "Quattro incontri per lavorare bene a distanza: le regole, gli \
                          obiettivi, la sicurezza e gli strumenti."
                .into(),
            sessions: vec![past, objectives, security, tools],
        }),
    ));
    out
}

/// The partnership's webinars: Sara opens one to every administration
/// (Walter of Rovereto takes a seat), and Walter gives one for Rovereto only.
pub fn partnership_commands(
    today: NaiveDate,
    people: &DemoPeople,
    partner: &PartnerPeople,
    ids: &mut dyn FnMut() -> Uuid,
) -> Vec<(Actor, Command)> {
    let mut out = Vec::new();
    let mut session = |trainer: PersonId, title: &str, description: &str, days, audience| {
        let id = SessionId(ids());
        let start = at(working_day(today, days), 9, 30);
        out.push((
            Actor::Person(trainer),
            Command::Webinars(Web::SaveSession {
                id,
                title: title.into(),
                description: description.into(),
                trainers: [trainer].into(),
                start,
                end: start + Duration::minutes(90),
                capacity: 50,
                join_link: format!(
                    "https://videoconferenza.provincia.demo/vela-{}",
                    id.0.simple()
                ),
                audience,
                materials: vec![],
            }),
        ));
        id
    };
    let shared = session(
        people.sara,
        "Lavoro agile nel partenariato VeLA: buone pratiche",
        "Come le amministrazioni del partenariato organizzano il lavoro agile: \
         accordi, monitoraggio e formazione a confronto.",
        12,
        Audience::Partnership,
    );
    session(
        partner.walter,
        "Biblioteca digitale: servizi al pubblico da remoto",
        "Prestito digitale, consulenza a distanza e reference online per il \
         personale del Comune di Rovereto.",
        15,
        Audience::Organisation,
    );
    out.push((
        Actor::Person(partner.walter),
        Command::Webinars(Web::Register { session: shared }),
    ));
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::{date, now};
    use crate::webinars::RegistrationStatus;
    use crate::State;

    #[test]
    fn the_demo_has_a_full_session_with_giulia_waiting_and_a_rated_past_one() {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            uuid::Uuid::from_u128(counter)
        };
        let mut state = State::default();
        let org = crate::ids::OrgId::from_u128(7);
        for (actor, command) in super::super::commands(org, date(2026, 11, 24), &mut ids) {
            if let Err(r) = state.execute(&actor, &command, now()) {
                panic!("demo command refused: {r:?}: {command:?}");
            }
        }
        let giulia = state.directory.by_username("giulia").expect("giulia").id;
        let w = &state.webinars;
        assert_eq!(w.sessions.values().filter(|s| s.org == org).count(), 6);
        assert_eq!(w.paths.len(), 1);
        let full = w
            .sessions
            .values()
            .find(|s| s.title.starts_with("Sicurezza"))
            .expect("security session");
        let seats = w.seats(full.id).expect("seats");
        assert_eq!((seats.free, seats.waitlisted), (0, 2));
        assert_eq!(w.waitlist_position(full.id, giulia), Some(1));
        let past = w
            .sessions
            .values()
            .find(|s| s.start < now())
            .expect("a past session");
        assert!(w.attended(past.id, giulia));
        assert_eq!(w.feedback[&past.id].len(), 5);
        let registered = w
            .registrations
            .values()
            .flat_map(|m| m.values())
            .filter(|r| r.person == giulia && r.status == RegistrationStatus::Registered)
            .count();
        assert_eq!(registered, 2);
    }
}
