//! Demo objectives: what the tax, training and IT offices of the demo
//! organisation committed to this year, in every status — drafts, a
//! proposal waiting for the lead, an agreed one not yet started (Giulia's
//! online forms), work in progress with progress notes, and closed
//! objectives with the lead's review. Each one goes through the
//! ordinary commands, made by the person who would make them.

use chrono::{Datelike, Duration, NaiveDate};
use uuid::Uuid;

use super::DemoPeople;
use crate::ids::{KeyResultId, ObjectiveId, PersonId};
use crate::objectives::{Amount, Command as Obj, KeyResultSpec, Outcome, Owner, Period};
use crate::{Actor, Command};

/// Positions in [`DemoPeople::agile_staff`] (the order of the demo
/// directory's members).
const GIULIA: usize = 0;
const MARCO: usize = 1;
const LUCA: usize = 2;
const CHIARA: usize = 3;
const DAVIDE: usize = 4;
const SARA: usize = 6;
const FRANCESCA: usize = 7;
const ALESSIO: usize = 9;
const MARTINA: usize = 10;
const STEFANO: usize = 11;

/// Teams: 0 Tributi (led by Marco), 1 Formazione (Elena), 2 Sistemi
/// informativi (Roberto).
const LEAD_OF_TEAM: [usize; 3] = [1, 5, 8];

#[derive(Clone, Copy)]
enum Whose {
    Person(usize),
    Team(usize),
}

#[derive(Clone, Copy)]
enum Span {
    /// The calendar year of `today`.
    Year,
    /// Ten months ending a month ago: long enough to be closed.
    Past,
}

#[derive(Clone, Copy)]
enum Reach {
    Draft,
    Proposed,
    Agreed,
    InProgress,
    Closed(Outcome, u8, &'static str),
}

struct Plan {
    owner: Whose,
    /// Who writes it: the owner, a member of the team, or the lead assigning it.
    author: usize,
    title: &'static str,
    description: &'static str,
    weight: u8,
    span: Span,
    /// Indicator, unit, baseline, target, weight.
    key_results: &'static [(&'static str, &'static str, &'static str, &'static str, u8)],
    reach: Reach,
    /// Key result (position), value, note, who (position in the staff).
    progress: &'static [(usize, &'static str, &'static str, usize)],
}

const PLANS: &[Plan] = &[
    Plan {
        owner: Whose::Person(GIULIA),
        author: GIULIA,
        title: "Digitalizzare l'archivio delle pratiche TARI",
        description: "Scansione, indicizzazione e caricamento nel gestionale documentale \
                      delle pratiche TARI cartacee dal 2015 al 2022.",
        weight: 50,
        span: Span::Year,
        key_results: &[
            ("pratiche digitalizzate", "pratiche", "0", "1200", 3),
            (
                "tempo medio di ricerca di una pratica",
                "minuti",
                "20",
                "5",
                1,
            ),
        ],
        reach: Reach::InProgress,
        progress: &[
            (0, "380", "Completati i faldoni 2015–2017.", GIULIA),
            (
                0,
                "720",
                "Completati i faldoni 2018–2019; scanner nuovo da ottobre.",
                GIULIA,
            ),
            (
                1,
                "9.5",
                "Ricerca per codice fiscale attiva nel gestionale.",
                GIULIA,
            ),
        ],
    },
    Plan {
        owner: Whose::Person(GIULIA),
        author: GIULIA,
        title: "Ridurre i tempi di risposta alle istanze di rimborso IMU",
        description: "Istruttoria delle istanze di rimborso con modello standard e \
                      verifica automatica dei versamenti.",
        weight: 30,
        span: Span::Year,
        key_results: &[
            ("giorni medi di risposta", "giorni", "45", "20", 2),
            ("istanze evase", "istanze", "0", "150", 1),
        ],
        reach: Reach::Proposed,
        progress: &[],
    },
    Plan {
        owner: Whose::Person(GIULIA),
        author: GIULIA,
        title: "Guida online al calcolo dell'acconto IMU",
        description: "Bozza: pagine del sito con esempi di calcolo per i casi più frequenti.",
        weight: 20,
        span: Span::Year,
        key_results: &[("pagine pubblicate", "pagine", "0", "8", 1)],
        reach: Reach::Draft,
        progress: &[],
    },
    Plan {
        owner: Whose::Person(GIULIA),
        author: GIULIA,
        title: "Modulistica TARI compilabile online",
        description: "Trasformare i moduli cartacei di dichiarazione e variazione TARI in \
                      moduli compilabili sul portale dei servizi online.",
        weight: 25,
        span: Span::Year,
        key_results: &[("moduli pubblicati online", "moduli", "0", "6", 1)],
        reach: Reach::Agreed,
        progress: &[],
    },
    Plan {
        owner: Whose::Person(LUCA),
        author: LUCA,
        title: "Recupero dell'evasione TARI 2021",
        description: "Incrocio delle utenze elettriche con la banca dati TARI ed emissione \
                      degli avvisi di accertamento.",
        weight: 60,
        span: Span::Past,
        key_results: &[
            ("avvisi di accertamento emessi", "avvisi", "0", "400", 1),
            ("importo riscosso", "euro", "0", "250000", 2),
        ],
        reach: Reach::Closed(
            Outcome::Achieved,
            4,
            "Obiettivo raggiunto con anticipo; ottima collaborazione con l'ufficio anagrafe.",
        ),
        progress: &[
            (0, "210", "Primo invio massivo.", LUCA),
            (
                0,
                "415",
                "Secondo invio, comprese le utenze non domestiche.",
                LUCA,
            ),
            (
                1,
                "262400.50",
                "Riscossioni al 30 del mese, dato della tesoreria.",
                LUCA,
            ),
        ],
    },
    Plan {
        owner: Whose::Person(CHIARA),
        author: MARCO,
        title: "Aggiornare la banca dati catastale per la TARI",
        description: "Allineamento delle superfici dichiarate con i dati catastali \
                      dell'Agenzia delle Entrate.",
        weight: 40,
        span: Span::Year,
        key_results: &[("utenze verificate", "utenze", "0", "800", 1)],
        reach: Reach::Proposed,
        progress: &[],
    },
    Plan {
        owner: Whose::Team(0),
        author: DAVIDE,
        title: "Sportello tributi su appuntamento online",
        description: "Prenotazione online degli appuntamenti allo sportello e promemoria \
                      via e-mail.",
        weight: 30,
        span: Span::Year,
        key_results: &[
            ("quota di accessi prenotati online", "%", "0", "70", 2),
            ("attesa media allo sportello", "minuti", "25", "10", 1),
        ],
        reach: Reach::InProgress,
        progress: &[
            (0, "35", "Agenda online attiva dal mese scorso.", DAVIDE),
            (1, "18", "Rilevazione su due settimane.", LUCA),
            (0, "52.5", "Promemoria e-mail attivi.", GIULIA),
        ],
    },
    Plan {
        owner: Whose::Person(MARCO),
        author: MARCO,
        title: "Piano di formazione dell'ufficio tributi",
        description: "Almeno un corso all'anno per ogni collaboratore sulle novità \
                      della riscossione.",
        weight: 30,
        span: Span::Year,
        key_results: &[("collaboratori formati", "persone", "0", "5", 1)],
        reach: Reach::InProgress,
        progress: &[(0, "3", "Corso sulla riforma della riscossione.", MARCO)],
    },
    Plan {
        owner: Whose::Person(DAVIDE),
        author: DAVIDE,
        title: "Bonifica dell'anagrafe dei contribuenti",
        description: "Eliminazione delle posizioni duplicate e correzione dei codici fiscali.",
        weight: 40,
        span: Span::Past,
        key_results: &[("posizioni duplicate eliminate", "posizioni", "0", "500", 1)],
        reach: Reach::Closed(
            Outcome::PartlyAchieved,
            3,
            "Buon avanzamento; le posizioni residue richiedono verifiche con l'anagrafe.",
        ),
        progress: &[(
            0,
            "320",
            "Restano le posizioni con residenza estera.",
            DAVIDE,
        )],
    },
    Plan {
        owner: Whose::Person(SARA),
        author: SARA,
        title: "Percorso formativo sul lavoro agile per i nuovi assunti",
        description: "Webinar su accordo individuale, diritto alla disconnessione e \
                      sicurezza informatica.",
        weight: 50,
        span: Span::Year,
        key_results: &[
            ("webinar erogati", "webinar", "0", "6", 1),
            ("gradimento medio", "su 5", "3.8", "4.5", 1),
        ],
        reach: Reach::InProgress,
        progress: &[
            (
                0,
                "4",
                "Ultimo webinar sulla disconnessione molto partecipato.",
                SARA,
            ),
            (1, "4.3", "Media dei questionari di gradimento.", SARA),
        ],
    },
    Plan {
        owner: Whose::Person(FRANCESCA),
        author: FRANCESCA,
        title: "Catalogo di corsi in e-learning",
        description: "Attivazione sulla piattaforma provinciale di corsi fruibili in autonomia.",
        weight: 40,
        span: Span::Past,
        key_results: &[("corsi attivati", "corsi", "0", "10", 1)],
        reach: Reach::Closed(
            Outcome::NotAchieved,
            2,
            "Condizionato dal ritardo della piattaforma; da riproporre il prossimo anno.",
        ),
        progress: &[(
            0,
            "4",
            "Piattaforma disponibile solo da settembre.",
            FRANCESCA,
        )],
    },
    Plan {
        owner: Whose::Person(ALESSIO),
        author: ALESSIO,
        title: "Migrazione della posta elettronica al cloud",
        description: "Trasferimento delle caselle al servizio cloud qualificato ACN senza \
                      interruzioni di servizio.",
        weight: 60,
        span: Span::Year,
        key_results: &[
            ("caselle migrate", "caselle", "0", "650", 3),
            ("incidenti bloccanti", "incidenti", "0", "0", 1),
        ],
        reach: Reach::InProgress,
        progress: &[
            (
                0,
                "410",
                "Migrati Tributi, Formazione e Ragioneria.",
                ALESSIO,
            ),
            (1, "0", "Nessun incidente bloccante finora.", ALESSIO),
        ],
    },
    Plan {
        owner: Whose::Person(MARTINA),
        author: MARTINA,
        title: "Ridurre i ticket aperti da oltre 30 giorni",
        description: "Revisione settimanale della coda dell'assistenza e chiusura guidata.",
        weight: 40,
        span: Span::Year,
        key_results: &[("ticket aperti da oltre 30 giorni", "ticket", "120", "20", 1)],
        reach: Reach::Agreed,
        progress: &[],
    },
    Plan {
        owner: Whose::Person(STEFANO),
        author: STEFANO,
        title: "Inventario delle postazioni di lavoro agile",
        description: "Bozza: censimento dei portatili assegnati e del loro stato.",
        weight: 30,
        span: Span::Year,
        key_results: &[("portatili censiti", "portatili", "0", "180", 1)],
        reach: Reach::Draft,
        progress: &[],
    },
    Plan {
        owner: Whose::Team(2),
        author: STEFANO,
        title: "Adeguamento alle misure minime di sicurezza AgID",
        description: "Aggiornamento dei sistemi operativi e autenticazione a due fattori \
                      per tutti gli accessi da remoto.",
        weight: 40,
        span: Span::Year,
        key_results: &[
            ("postazioni aggiornate", "%", "40", "100", 1),
            ("accessi remoti con doppio fattore", "%", "10", "100", 2),
        ],
        reach: Reach::InProgress,
        progress: &[
            (
                0,
                "85",
                "Restano le postazioni della sede di Rovereto.",
                STEFANO,
            ),
            (
                1,
                "64",
                "Attivato per tutto il personale in lavoro agile.",
                ALESSIO,
            ),
        ],
    },
];

/// The demo objectives as commands, each made by the person who would make
/// it (owners write and propose, leads agree, close and review; a lead's own
/// objective is agreed by the administrator).
pub fn commands(
    today: NaiveDate,
    people: &DemoPeople,
    ids: &mut dyn FnMut() -> Uuid,
) -> Vec<(Actor, Command)> {
    let staff = |i: usize| people.agile_staff.get(i).copied().unwrap_or(people.admin);
    let teams = [people.tributi, people.formazione, people.sistemi];
    let team = |i: usize| teams.get(i).copied().unwrap_or(people.tributi);
    let year = Period {
        from: NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
        until: NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today),
    };
    let past = Period {
        from: today - Duration::days(330),
        until: today - Duration::days(30),
    };
    let mut out = Vec::new();
    for plan in PLANS {
        let (owner, team_index) = match plan.owner {
            Whose::Person(i) => (Owner::Person(staff(i)), team_of(i)),
            Whose::Team(t) => (Owner::Team(team(t)), t),
        };
        let lead_index = LEAD_OF_TEAM.get(team_index).copied().unwrap_or(MARCO);
        // Nobody approves their own objective: the administrator agrees a
        // lead's.
        let lead = if matches!(plan.owner, Whose::Person(i) if i == lead_index) {
            people.admin
        } else {
            staff(lead_index)
        };
        let author = staff(plan.author);
        let owner_side = match plan.owner {
            Whose::Person(i) => staff(i),
            Whose::Team(_) => author,
        };
        let id = ObjectiveId(ids());
        let key_results: Vec<KeyResultSpec> = plan
            .key_results
            .iter()
            .map(
                |(indicator, unit, baseline, target, weight)| KeyResultSpec {
                    id: KeyResultId(ids()),
                    indicator: (*indicator).into(),
                    unit: (*unit).into(),
                    baseline: amount(baseline),
                    target: amount(target),
                    weight: *weight,
                },
            )
            .collect();
        let kr_ids: Vec<KeyResultId> = key_results.iter().map(|kr| kr.id).collect();
        let mut push = |who: PersonId, command: Obj| {
            out.push((Actor::Person(who), Command::Objectives(command)));
        };
        push(
            author,
            Obj::SaveObjective {
                id,
                owner,
                period: match plan.span {
                    Span::Year => year,
                    Span::Past => past,
                },
                title: plan.title.into(),
                description: plan.description.into(),
                weight: plan.weight,
                key_results,
            },
        );
        let step = match plan.reach {
            Reach::Draft => 0,
            Reach::Proposed => 1,
            Reach::Agreed => 2,
            Reach::InProgress => 3,
            Reach::Closed(..) => 4,
        };
        let assigned = author != owner_side;
        if step >= 1 && !assigned {
            push(owner_side, Obj::Propose { objective: id });
        }
        if step >= 2 {
            push(lead, Obj::Agree { objective: id });
        }
        if step >= 3 {
            push(owner_side, Obj::Start { objective: id });
            for (kr, value, note, by) in plan.progress {
                if let Some(key_result) = kr_ids.get(*kr) {
                    push(
                        staff(*by),
                        Obj::RecordProgress {
                            objective: id,
                            key_result: *key_result,
                            value: amount(value),
                            note: (*note).into(),
                        },
                    );
                }
            }
        }
        if let Reach::Closed(outcome, rating, comment) = plan.reach {
            push(
                lead,
                Obj::Close {
                    objective: id,
                    outcome,
                },
            );
            push(
                lead,
                Obj::Review {
                    objective: id,
                    rating,
                    comment: comment.into(),
                },
            );
        }
    }
    out
}

/// The demo team of the staff member at position `i` (see the directory's
/// member list).
fn team_of(i: usize) -> usize {
    match i {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

fn amount(text: &str) -> Amount {
    Amount::parse(text).unwrap_or(Amount::ZERO)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::objectives::{score::score, Status};
    use crate::State;

    fn demo_state() -> State {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let today = crate::testing::date(2026, 11, 24);
        let mut state = State::default();
        for (actor, command) in
            super::super::commands(crate::ids::OrgId::from_u128(7), today, &mut ids)
        {
            if let Err(r) = state.execute(&actor, &command, crate::testing::now()) {
                panic!("demo command refused: {r:?}: {command:?}");
            }
        }
        state
    }

    #[test]
    fn every_demo_amount_is_a_valid_amount() {
        for plan in PLANS {
            for (_, _, baseline, target, _) in plan.key_results {
                assert!(Amount::parse(baseline).is_ok() && Amount::parse(target).is_ok());
            }
            for (kr, value, _, _) in plan.progress {
                assert!(Amount::parse(value).is_ok(), "{value}");
                assert!(*kr < plan.key_results.len(), "{}", plan.title);
            }
        }
    }

    #[test]
    fn the_demo_shows_every_status_with_progress_and_reviews() {
        let state = demo_state();
        let objectives = &state.objectives.objectives;
        assert_eq!(objectives.len(), PLANS.len());
        let statuses: BTreeSet<Status> = objectives.values().map(|o| o.status).collect();
        assert_eq!(statuses, Status::ALL.into_iter().collect());
        assert_eq!(
            objectives.values().filter(|o| o.review.is_some()).count(),
            3
        );
        let tari = objectives
            .values()
            .find(|o| o.title == "Digitalizzare l'archivio delle pratiche TARI")
            .expect("the TARI archive objective");
        assert_eq!(tari.key_results[0].current.to_string(), "720");
        // (3 × 60 % + 1 × 70 %) / 4
        assert_eq!(score(tari).to_string(), "62.5");
    }
}
