//! The words of a notification mail, in the recipient's language: a
//! subject, a plain-text body and the same as HTML.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use vela_domain::calendar::to_rome;
use vela_domain::directory::Language;
use vela_domain::notifications::{Kind, Notification};

/// A mail's subject and bodies.
pub struct Words {
    pub subject: String,
    pub text: String,
    pub html: String,
}

const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn date(d: NaiveDate, lang: Language) -> String {
    let month = d.month0() as usize;
    match lang {
        Language::It => format!("{} {} {}", d.day(), MONTHS_IT[month], d.year()),
        Language::En => format!("{} {} {}", d.day(), MONTHS_EN[month], d.year()),
    }
}

fn instant(at: DateTime<Utc>, lang: Language) -> String {
    let rome = to_rome(at);
    let time = rome.format("%H:%M");
    match lang {
        Language::It => format!("{} alle {time}", date(rome.date(), lang)),
        Language::En => format!("{} at {time}", date(rome.date(), lang)),
    }
}

/// One notification as a sentence, in `lang`.
pub fn sentence(n: &Notification, lang: Language) -> String {
    let dates = n
        .dates
        .iter()
        .map(|d| date(*d, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let start = n.start.map(|s| instant(s, lang)).unwrap_or_default();
    let who = &n.title;
    let title = &n.title;
    let note = &n.note;
    let about_other = n.person.is_some();
    match lang {
        Language::It => match n.kind {
            Kind::DaysRequested => format!("{who} chiede giorni di lavoro agile: {dates}."),
            Kind::DaysCancelled => format!("{who} ha annullato giorni richiesti: {dates}."),
            Kind::RequestPending => format!(
                "La richiesta di {who} attende una decisione da più di tre giorni lavorativi: {dates}."
            ),
            Kind::DaysApproved => format!("Giorni approvati: {dates}."),
            Kind::DaysApprovedUnderCoverage => format!(
                "Giorni approvati sotto la presenza minima in ufficio: {dates}. Nota: {note}"
            ),
            Kind::DaysRejected => format!("Giorni respinti: {dates}. Motivo: {note}"),
            Kind::DaysWithdrawn => format!("Un'assenza registrata ha ritirato i giorni: {dates}."),
            Kind::ActivityMissing => format!("Manca la nota delle attività del giorno {dates}."),
            Kind::ObjectiveProposed => format!("Obiettivo proposto per l'accordo: «{title}»."),
            Kind::ObjectiveAssigned => format!("Ti è stato assegnato l'obiettivo «{title}»."),
            Kind::ObjectiveAgreed => format!("Obiettivo concordato: «{title}»."),
            Kind::ObjectiveSentBack => format!("Obiettivo «{title}» rimandato da rivedere: {note}"),
            Kind::ObjectiveReviewed => format!("Obiettivo «{title}» valutato."),
            Kind::RegistrationConfirmed => format!("Iscrizione confermata: «{title}», {start}."),
            Kind::Promoted => format!("Hai ottenuto un posto: «{title}», {start}."),
            Kind::SessionChanged => format!("Webinar modificato: «{title}», ora {start}."),
            Kind::SessionCancelled => format!("Webinar annullato: «{title}»."),
            Kind::WebinarTomorrow => format!("Promemoria: «{title}» inizia il {start}."),
            Kind::WebinarSoon => format!("«{title}» inizia tra pochi minuti: {note}"),
            Kind::AgreementWithdrawn if about_other => {
                format!("Recesso dall'accordo di {who}: non si applica più dal {dates}.")
            }
            Kind::AgreementWithdrawn => {
                format!("Recesso dal tuo accordo: non si applica più dal {dates}.")
            }
            Kind::AgreementEnding if about_other => format!("L'accordo di {who} scade il {dates}."),
            Kind::AgreementEnding => format!("Il tuo accordo scade il {dates}."),
        },
        Language::En => match n.kind {
            Kind::DaysRequested => format!("{who} asks for agile days: {dates}."),
            Kind::DaysCancelled => format!("{who} cancelled requested days: {dates}."),
            Kind::RequestPending => format!(
                "{who}'s request has waited for a decision for more than three working days: {dates}."
            ),
            Kind::DaysApproved => format!("Days approved: {dates}."),
            Kind::DaysApprovedUnderCoverage => format!(
                "Days approved below the minimum office presence: {dates}. Note: {note}"
            ),
            Kind::DaysRejected => format!("Days rejected: {dates}. Reason: {note}"),
            Kind::DaysWithdrawn => format!("A recorded absence withdrew the days: {dates}."),
            Kind::ActivityMissing => format!("The activity note of {dates} is missing."),
            Kind::ObjectiveProposed => format!("Objective proposed for agreement: “{title}”."),
            Kind::ObjectiveAssigned => format!("You were assigned the objective “{title}”."),
            Kind::ObjectiveAgreed => format!("Objective agreed: “{title}”."),
            Kind::ObjectiveSentBack => format!("Objective “{title}” sent back for revision: {note}"),
            Kind::ObjectiveReviewed => format!("Objective “{title}” reviewed."),
            Kind::RegistrationConfirmed => format!("Registration confirmed: “{title}”, {start}."),
            Kind::Promoted => format!("You got a seat: “{title}”, {start}."),
            Kind::SessionChanged => format!("Webinar changed: “{title}”, now {start}."),
            Kind::SessionCancelled => format!("Webinar cancelled: “{title}”."),
            Kind::WebinarTomorrow => format!("Reminder: “{title}” starts on {start}."),
            Kind::WebinarSoon => format!("“{title}” starts in a few minutes: {note}"),
            Kind::AgreementWithdrawn if about_other => {
                format!("{who}'s agreement was withdrawn: it stops applying on {dates}.")
            }
            Kind::AgreementWithdrawn => {
                format!("Your agreement was withdrawn: it stops applying on {dates}.")
            }
            Kind::AgreementEnding if about_other => format!("{who}'s agreement ends on {dates}."),
            Kind::AgreementEnding => format!("Your agreement ends on {dates}."),
        },
    }
}

/// Where in the app a notification leads (the same places as the app's
/// notifications page).
pub fn path(n: &Notification) -> String {
    match (n.request, n.session, n.objective) {
        (Some(r), _, _)
            if matches!(
                n.kind,
                Kind::DaysRequested | Kind::DaysCancelled | Kind::RequestPending
            ) =>
        {
            format!("/approvals?request={r}")
        }
        (_, Some(s), _) => format!("/webinars/{s}"),
        (_, _, Some(o)) => format!("/objectives/{o}"),
        _ => match n.kind {
            Kind::AgreementWithdrawn | Kind::AgreementEnding if n.person.is_some() => {
                "/admin/agreements".into()
            }
            Kind::AgreementWithdrawn | Kind::AgreementEnding => "/agreement".into(),
            _ => "/calendar".into(),
        },
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The mail of `notifications` (one, or a day's digest) for `name` in
/// `lang`; links start at `base` (the public URL) when known.
pub fn words(
    notifications: &[Notification],
    name: &str,
    lang: Language,
    base: Option<&str>,
) -> Words {
    let digest = notifications.len() > 1;
    let subject = match (lang, notifications) {
        (Language::It, [one]) => format!("Vela: {}", first_words(&sentence(one, lang))),
        (Language::En, [one]) => format!("Vela: {}", first_words(&sentence(one, lang))),
        (Language::It, many) => format!("Vela: riepilogo di {} notifiche", many.len()),
        (Language::En, many) => format!("Vela: digest of {} notifications", many.len()),
    };
    let (hello, outro) = match lang {
        Language::It => (
            format!("Buongiorno {name},"),
            "Puoi scegliere quali notifiche ricevere per e-mail nel tuo profilo su Vela.",
        ),
        Language::En => (
            format!("Hello {name},"),
            "You can choose which notifications reach you by e-mail in your Vela profile.",
        ),
    };
    let intro = match (lang, digest) {
        (Language::It, true) => "ecco le novità di oggi:",
        (Language::En, true) => "here is what happened today:",
        (_, false) => "",
    };
    let link = |n: &Notification| base.map(|b| format!("{}{}", b.trim_end_matches('/'), path(n)));
    let mut text = format!("{hello}\n");
    if !intro.is_empty() {
        text.push_str(intro);
        text.push('\n');
    }
    let mut html = format!("<p>{}</p>", escape(&hello));
    if !intro.is_empty() {
        html.push_str(&format!("<p>{}</p>", escape(intro)));
    }
    html.push_str("<ul>");
    for n in notifications {
        let line = sentence(n, lang);
        text.push_str(&format!("\n- {line}"));
        match link(n) {
            Some(url) => {
                text.push_str(&format!("\n  {url}"));
                html.push_str(&format!(
                    "<li><a href=\"{}\">{}</a></li>",
                    escape(&url),
                    escape(&line)
                ));
            }
            None => html.push_str(&format!("<li>{}</li>", escape(&line))),
        }
    }
    html.push_str("</ul>");
    text.push_str(&format!("\n\n{outro}\n"));
    html.push_str(&format!("<p>{}</p>", escape(outro)));
    Words {
        subject,
        text,
        html: format!(
            "<!DOCTYPE html><html lang=\"{}\"><body>{html}</body></html>",
            match lang {
                Language::It => "it",
                Language::En => "en",
            }
        ),
    }
}

/// The start of a sentence, short enough for a subject line.
fn first_words(sentence: &str) -> String {
    const MAX: usize = 70;
    if sentence.chars().count() <= MAX {
        return sentence.trim_end_matches('.').to_owned();
    }
    let cut: String = sentence.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use vela_domain::ids::PersonId;

    #[test]
    fn a_digest_lists_every_notification_and_escapes_html() {
        let at = Utc::now();
        let mut a = Notification::new("a".into(), PersonId::from_u128(1), Kind::DaysRequested, at);
        a.title = "Giulia <b>".into();
        a.request = Some(vela_domain::ids::RequestId::from_u128(2));
        a.dates = vec![NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")];
        let mut b = a.clone();
        b.id = "b".into();
        b.kind = Kind::DaysCancelled;
        let w = words(
            &[a, b],
            "Marco",
            Language::It,
            Some("https://vela.example.org/"),
        );
        assert_eq!(w.subject, "Vela: riepilogo di 2 notifiche");
        assert!(w.text.contains("26 novembre 2026"), "{}", w.text);
        assert!(w
            .text
            .contains("https://vela.example.org/approvals?request="));
        assert!(w.html.contains("Giulia &lt;b&gt;") && !w.html.contains("<b>"));
    }
}
