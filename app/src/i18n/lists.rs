//! Strings of the long lists' shared controls: search, filters, pages and
//! the actions menu of a row.

/// Every string of the list controls, in one language.
pub struct ListTexts {
    pub search: &'static str,
    pub filter_team: &'static str,
    pub filter_role: &'static str,
    pub filter_state: &'static str,
    pub any_team: &'static str,
    pub no_team: &'static str,
    pub any_role: &'static str,
    pub any_state: &'static str,
    pub state_active: &'static str,
    pub state_inactive: &'static str,
    pub with_agreement: &'static str,
    pub without_agreement: &'static str,
    /// "{shown} of {total}" — how many rows the filters leave.
    pub matching: fn(usize, usize) -> String,
    pub no_match: &'static str,
    pub pages_label: &'static str,
    /// "Page {page} of {pages}".
    pub page_of: fn(usize, usize) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// The visible text of a row's actions button.
    pub actions: &'static str,
    /// Its accessible name: "Actions for {row}".
    pub actions_for: fn(&str) -> String,
}

pub const IT: ListTexts = ListTexts {
    search: "Cerca",
    filter_team: "Filtra per team",
    filter_role: "Filtra per ruolo",
    filter_state: "Filtra per stato",
    any_team: "Tutti i team",
    no_team: "Senza team",
    any_role: "Tutti i ruoli",
    any_state: "Tutti",
    state_active: "Attivi",
    state_inactive: "Disattivati",
    with_agreement: "Con accordo",
    without_agreement: "Senza accordo",
    matching: |shown, total| {
        if shown == total {
            format!("{total} in tutto")
        } else {
            format!("{shown} su {total}")
        }
    },
    no_match: "Nessun risultato con questi filtri.",
    pages_label: "Pagine",
    page_of: |page, pages| format!("Pagina {page} di {pages}"),
    previous_page: "Pagina precedente",
    next_page: "Pagina successiva",
    actions: "Azioni",
    actions_for: |row| format!("Azioni per {row}"),
};

pub const EN: ListTexts = ListTexts {
    search: "Search",
    filter_team: "Filter by team",
    filter_role: "Filter by role",
    filter_state: "Filter by state",
    any_team: "All teams",
    no_team: "No team",
    any_role: "All roles",
    any_state: "All",
    state_active: "Active",
    state_inactive: "Deactivated",
    with_agreement: "With an agreement",
    without_agreement: "Without an agreement",
    matching: |shown, total| {
        if shown == total {
            format!("{total} in all")
        } else {
            format!("{shown} of {total}")
        }
    },
    no_match: "Nothing matches these filters.",
    pages_label: "Pages",
    page_of: |page, pages| format!("Page {page} of {pages}"),
    previous_page: "Previous page",
    next_page: "Next page",
    actions: "Actions",
    actions_for: |row| format!("Actions for {row}"),
};
