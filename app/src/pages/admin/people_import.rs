//! Administration › People › Import: an administrator uploads the HR
//! system's CSV file, sees what would change row by row (the server's dry
//! run: the domain plans it), and confirms to import all of it.
//!
//! A file never enters the synced state, so this page talks to
//! `POST /api/people/import` directly (like CSV downloads and passwords);
//! the imported people then arrive through sync like any change.

use leptos::html;
use leptos::prelude::*;
use serde::Deserialize;
use vela_domain::directory::import::{
    FileError, MissingOutcome, MissingPerson, Report, RowOutcome, RowReport,
};

use super::{admin_access, admin_only, csv_upload};
use crate::i18n::use_i18n;

/// The most rows the list shows at once: a file of thousands is read by
/// its counts and filters, not by scrolling.
const SHOWN_ROWS: usize = 500;

/// The server's answer to a check or an import.
#[derive(Clone, Debug, PartialEq, Deserialize)]
struct ImportResult {
    applied: bool,
    report: Report,
}

/// Which rows the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    New,
    Changed,
    Unchanged,
    Refused,
}

impl Filter {
    fn admits(self, outcome: &RowOutcome) -> bool {
        matches!(
            (self, outcome),
            (Filter::All, _)
                | (Filter::New, RowOutcome::New)
                | (Filter::Changed, RowOutcome::Changed { .. })
                | (Filter::Unchanged, RowOutcome::Unchanged)
                | (Filter::Refused, RowOutcome::Refused { .. })
        )
    }
}

/// Where the page is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Choosing,
    Checking,
    /// A preview (of `file`), waiting for confirmation.
    Preview {
        file: String,
        report: Report,
    },
    Applying {
        file: String,
        report: Report,
    },
    Done {
        report: Report,
    },
}

type Problem = csv_upload::Problem<FileError>;
type Answer = csv_upload::Answer<Report, FileError>;

#[component]
pub fn PeopleImport() -> impl IntoView {
    let i18n = use_i18n();
    let access = admin_access();
    let stage = RwSignal::new(Stage::Choosing);
    let problem = RwSignal::new(None::<Problem>);
    let deactivate = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();

    let send = move |dry_run: bool| {
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0))
        else {
            problem.set(Some(Problem::NoFile));
            return;
        };
        let name = file.name();
        let previous = stage.get_untracked();
        stage.set(match (&previous, dry_run) {
            (Stage::Preview { file, report }, false) => Stage::Applying {
                file: file.clone(),
                report: report.clone(),
            },
            _ => Stage::Checking,
        });
        problem.set(None);
        confirming.set(false);
        let path = format!(
            "/api/people/import?dry_run={dry_run}&deactivate_missing={}",
            deactivate.get_untracked()
        );
        leptos::task::spawn_local(async move {
            match upload(&path, file).await {
                Ok(result) if result.applied => stage.set(Stage::Done {
                    report: result.report,
                }),
                Ok(result) => stage.set(Stage::Preview {
                    file: name,
                    report: result.report,
                }),
                // The apply found refused rows after all: show them.
                Err(Answer::Refused(report)) => {
                    stage.set(Stage::Preview { file: name, report });
                }
                Err(Answer::Problem(p)) => {
                    stage.set(match previous {
                        Stage::Preview { .. } if p != Problem::Changed => previous,
                        _ => Stage::Choosing,
                    });
                    problem.set(Some(p));
                }
            }
        });
    };

    // Built once: a file input drawn again would forget the chosen file.
    let busy = move || matches!(stage.get(), Stage::Checking | Stage::Applying { .. });
    let chooser = move || {
        view! {
            <form class="form-card import-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                send(true);
            }>
                <div class="field">
                    <label for="import-file">{move || i18n.t().people_import().file_label}</label>
                    <input id="import-file" type="file" accept=".csv,text/csv" node_ref=input
                        on:change=move |_| {
                            // A new file needs a new check.
                            let working = matches!(
                                stage.get_untracked(),
                                Stage::Checking | Stage::Applying { .. }
                            );
                            if !working {
                                stage.set(Stage::Choosing);
                            }
                            problem.set(None);
                        } />
                </div>
                <div class="field checkbox">
                    <label>
                        <input type="checkbox" prop:checked=move || deactivate.get()
                            on:change=move |ev| {
                                deactivate.set(event_target_checked(&ev));
                                // The preview depends on it.
                                if matches!(stage.get_untracked(), Stage::Preview { .. }) {
                                    stage.set(Stage::Choosing);
                                }
                            } />
                        " " {move || i18n.t().people_import().deactivate_missing}
                    </label>
                    <p class="hint">{move || i18n.t().people_import().deactivate_hint}</p>
                </div>
                <div class="form-buttons">
                    <button type="submit" class="primary" disabled=busy>
                        {move || {
                            let t = i18n.t().people_import();
                            if matches!(stage.get(), Stage::Checking) { t.checking } else { t.check }
                        }}
                    </button>
                </div>
            </form>
        }
    };

    let problem_text = move || {
        let t = i18n.t().people_import();
        problem.get().map(|p| match p {
            Problem::NoFile => t.no_file.to_owned(),
            Problem::Offline => t.offline.to_owned(),
            Problem::File(error) => (t.file_error)(&error),
            Problem::Changed => t.changed_meanwhile.to_owned(),
            Problem::Busy => t.busy.to_owned(),
            Problem::Other(message) => (t.failed)(&message),
        })
    };

    let result = move || {
        match stage.get() {
        Stage::Choosing | Stage::Checking => None,
        Stage::Preview { file, report } => Some(
            view! { <PreviewPanel file report confirming busy=false on_apply=Callback::new(move |()| send(false)) /> }
                .into_any(),
        ),
        Stage::Applying { file, report } => Some(
            view! { <PreviewPanel file report confirming busy=true on_apply=Callback::new(move |()| {}) /> }
                .into_any(),
        ),
        Stage::Done { report } => {
            let t = i18n.t().people_import();
            let c = report.counts;
            Some(
                view! {
                    <div class="form-card import-done">
                        <p role="status">{(t.applied)(c.new, c.changed, c.deactivated)}</p>
                        <p>
                            <a href="/admin/people">{t.back}</a>
                            " "
                            <button type="button" class="secondary" on:click=move |_| {
                                if let Some(i) = input.get_untracked() {
                                    i.set_value("");
                                }
                                stage.set(Stage::Choosing);
                            }>
                                {t.import_another}
                            </button>
                        </p>
                    </div>
                }
                .into_any(),
            )
        }
    }
    };

    let body = admin_only(access, move || {
        view! {
            {chooser()}
            <p class="team-alert" role="alert">{problem_text}</p>
            {result}
        }
        .into_any()
    });

    view! {
        <section class="page administration people-import-page">
            <p><a href="/admin/people">{move || i18n.t().people_import().back}</a></p>
            <h1>{move || i18n.t().people_import().title}</h1>
            <p>{move || i18n.t().people_import().intro}</p>
            <details class="import-format">
                <summary>{move || i18n.t().people_import().format_title}</summary>
                <p>{move || i18n.t().people_import().format_text}</p>
            </details>
            {body}
        </section>
    }
}

/// The preview: counts and filters, the rows, the people missing from the
/// file, and the import button with its confirmation.
#[component]
fn PreviewPanel(
    file: String,
    report: Report,
    confirming: RwSignal<bool>,
    busy: bool,
    on_apply: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(Filter::All);
    let counts = report.counts;
    let total = report.rows.len();
    let rows = StoredValue::new(report.rows.clone());
    let shown = Memo::new(move |_| {
        let f = filter.get();
        rows.with_value(|rows| {
            rows.iter()
                .filter(|r| f.admits(&r.outcome))
                .cloned()
                .collect::<Vec<RowReport>>()
        })
    });
    let ignored = report.ignored_columns.join(", ");
    let missing = report.missing.clone();
    let applicable = report.applicable();
    let changes_anything = report.changes_anything();
    let confirm_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = confirm_ref.get() {
            let _ = button.focus();
        }
    });

    let filter_button = move |f: Filter, label: String| {
        view! {
            <button type="button" class="secondary" aria-pressed=move || (filter.get() == f).to_string()
                on:click=move |_| filter.set(f)>
                {label}
            </button>
        }
    };
    let t = i18n.t().people_import();
    let filters = view! {
        <div class="import-filters" role="group" aria-label=t.filters_label>
            {filter_button(Filter::All, format!("{} ({total})", t.kind_all))}
            {filter_button(Filter::New, format!("{} ({})", t.kind_new, counts.new))}
            {filter_button(Filter::Changed, format!("{} ({})", t.kind_changed, counts.changed))}
            {filter_button(Filter::Unchanged, format!("{} ({})", t.kind_unchanged, counts.unchanged))}
            {filter_button(Filter::Refused, format!("{} ({})", t.kind_refused, counts.refused))}
        </div>
    };

    let action = move || {
        let t = i18n.t().people_import();
        if busy {
            return view! { <p role="status">{t.applying}</p> }.into_any();
        }
        if !applicable {
            return view! { <p class="team-alert">{(t.refused_summary)(counts.refused)}</p> }
                .into_any();
        }
        if !changes_anything {
            return view! { <p role="status">{t.nothing_to_do}</p> }.into_any();
        }
        if confirming.get() {
            let question = (t.apply_question)(counts.new, counts.changed, counts.deactivated);
            let label = question.clone();
            view! {
                <div class="confirm-inline" role="group" aria-label=label>
                    <span>{question}</span>
                    " "
                    <button type="button" class="primary" node_ref=confirm_ref on:click=move |_| on_apply.run(())>
                        {t.apply_confirm}
                    </button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        {t.cancel}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="primary" on:click=move |_| confirming.set(true)>
                    {t.apply}
                </button>
            }
            .into_any()
        }
    };

    view! {
        <section class="form-card import-preview" aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">{t.preview_title}</h2>
            <p>{(t.preview_of)(&file, total)}</p>
            {(!ignored.is_empty()).then(|| view! { <p class="hint">{(t.ignored_columns)(&ignored)}</p> })}
            {filters}
            <div class="table-wrap" role="region" tabindex="0" aria-label=t.rows_caption>
                <table class="admin-table import-rows">
                    <caption>{t.rows_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.col_line}</th>
                            <th scope="col">{t.col_employee_number}</th>
                            <th scope="col">{t.col_name}</th>
                            <th scope="col">{t.col_username}</th>
                            <th scope="col">{t.col_outcome}</th>
                            <th scope="col">{t.col_details}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get().into_iter().take(SHOWN_ROWS) key=|row| row.line let:row>
                            <ImportRow row />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || {
                let t = i18n.t().people_import();
                let n = shown.with(Vec::len);
                if n == 0 {
                    Some(view! { <p class="hint">{t.none_of_kind}</p> }.into_any())
                } else if n > SHOWN_ROWS {
                    Some(view! { <p class="hint">{(t.truncated)(SHOWN_ROWS, n)}</p> }.into_any())
                } else {
                    None
                }
            }}
            <MissingList missing />
            <div class="import-action">{action}</div>
        </section>
    }
}

/// One row of the file and its outcome.
#[component]
fn ImportRow(row: RowReport) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t().people_import();
    let (kind, details) = match &row.outcome {
        RowOutcome::New => (t.outcome_new, String::new()),
        RowOutcome::Unchanged => (t.outcome_unchanged, String::new()),
        RowOutcome::Changed { changes } => (
            t.outcome_changed,
            changes
                .iter()
                .map(|c| {
                    let from = if c.from.is_empty() { "—" } else { &c.from };
                    let to = if c.to.is_empty() { "—" } else { &c.to };
                    format!("{}: {from} → {to}", (t.field)(c.field))
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        RowOutcome::Refused { reason } => (t.outcome_refused, (t.row_error)(reason)),
    };
    let refused = matches!(row.outcome, RowOutcome::Refused { .. });
    view! {
        <tr class:refused=refused>
            <td>{row.line}</td>
            <td>{row.employee_number.clone()}</td>
            <th scope="row">{row.name.clone()}</th>
            <td>{row.username.clone()}</td>
            <td>{kind}</td>
            <td class="import-details">{details}</td>
        </tr>
    }
}

/// The organisation's active people the file does not name.
#[component]
fn MissingList(missing: Vec<MissingPerson>) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t().people_import();
    if missing.is_empty() {
        return None;
    }
    let count = missing.len();
    let items = missing
        .into_iter()
        .map(|m| {
            let outcome = match &m.outcome {
                MissingOutcome::Kept => t.missing_kept.to_owned(),
                MissingOutcome::Deactivated => t.missing_deactivated.to_owned(),
                MissingOutcome::Yourself => t.missing_yourself.to_owned(),
                MissingOutcome::Refused { reason } => (t.row_error)(reason),
            };
            view! { <li>{m.name} " — " {outcome}</li> }
        })
        .collect::<Vec<_>>();
    Some(view! {
        <details class="import-missing">
            <summary>{(t.missing_title)(count)}</summary>
            <ul>{items}</ul>
        </details>
    })
}

/// Sends the file to the import route.
async fn upload(path: &str, file: web_sys::File) -> Result<ImportResult, Answer> {
    csv_upload::upload(
        path,
        file,
        FileError::TooLarge {
            limit_bytes: vela_domain::directory::import::MAX_FILE_BYTES as u64,
        },
    )
    .await
}
