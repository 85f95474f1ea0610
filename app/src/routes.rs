//! The app's addresses: which page each path shows, in one table.
//!
//! The router (`leptos_router`) keeps the location, the history and the
//! links; choosing the page is done here instead of with one `<Route>`
//! per address because every route there is its own compiled copy of the
//! router's matching and rendering (about 2 KB each, 41 of them, all in
//! the first download). Here a route is one row of [`ROUTES`].
//!
//! To add a page: a row in [`ROUTES`] (a literal path before a
//! parametrised one it would also match), and its area's variant.

use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider};
use leptos_router::params::ParamsMap;

use crate::areas::{
    absences, admin, agreements, export, home, imports, monitoring, notices, objectives, people,
    personal, team, training, webinars, Piece,
};
use crate::pages::calendar::MyCalendar;
use crate::pages::not_found::NotFound;

/// A page of the app: the calendar of the first download, or a page of an
/// area's piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Home(home::Page),
    Calendar,
    Export(export::Page),
    Team(team::Page),
    Admin(admin::Page),
    People(people::Page),
    Agreements(agreements::Page),
    Imports(imports::Page),
    Personal(personal::Page),
    Absences(absences::Page),
    Objectives(objectives::Page),
    Webinars(webinars::Page),
    Training(training::Page),
    Monitoring(monitoring::Page),
    Notices(notices::Page),
    NotFound,
}

/// Every address, in the order they are tried: a segment `:name` matches
/// any one segment and is read with [`use_params_map`].
const ROUTES: &[(&str, Place)] = &[
    ("/", Place::Home(home::Page::Cards)),
    ("/calendar", Place::Calendar),
    ("/calendar/export", Place::Export(export::Page::Calendar)),
    ("/team", Place::Team(team::Page::Calendar)),
    ("/approvals", Place::Team(team::Page::Approvals)),
    (
        "/team/rules",
        Place::Agreements(agreements::Page::TeamRules),
    ),
    ("/admin", Place::Admin(admin::Page::Home)),
    (
        "/admin/agreements",
        Place::Agreements(agreements::Page::Agreements),
    ),
    ("/admin/people", Place::People(people::Page::List)),
    (
        "/admin/people/import",
        Place::Imports(imports::Page::People),
    ),
    (
        "/admin/absences/import",
        Place::Imports(imports::Page::Absences),
    ),
    ("/admin/teams", Place::Admin(admin::Page::Teams)),
    (
        "/admin/organisation",
        Place::Admin(admin::Page::Organisation),
    ),
    ("/admin/partnership", Place::Admin(admin::Page::Partnership)),
    ("/admin/audit", Place::Admin(admin::Page::Audit)),
    (
        "/admin/certificates",
        Place::Admin(admin::Page::Certificates),
    ),
    ("/agreement", Place::Personal(personal::Page::Agreement)),
    (
        "/notifications",
        Place::Personal(personal::Page::Notifications),
    ),
    ("/profile", Place::Personal(personal::Page::Profile)),
    ("/absences", Place::Absences(absences::Page::List)),
    ("/objectives", Place::Objectives(objectives::Page::Mine)),
    ("/objectives/new", Place::Objectives(objectives::Page::New)),
    (
        "/objectives/team",
        Place::Objectives(objectives::Page::Team),
    ),
    (
        "/objectives/:id",
        Place::Objectives(objectives::Page::Detail),
    ),
    (
        "/objectives/:id/edit",
        Place::Objectives(objectives::Page::Edit),
    ),
    ("/webinars", Place::Webinars(webinars::Page::List)),
    ("/webinars/mine", Place::Webinars(webinars::Page::Mine)),
    ("/webinars/:id", Place::Webinars(webinars::Page::Session)),
    (
        "/certificates/:kind/:id",
        Place::Webinars(webinars::Page::Certificate),
    ),
    ("/training", Place::Training(training::Page::Trainer)),
    ("/training/mine", Place::Webinars(webinars::Page::Mine)),
    (
        "/training/sessions/new",
        Place::Training(training::Page::NewSession),
    ),
    (
        "/training/sessions/:id",
        Place::Training(training::Page::ManageSession),
    ),
    (
        "/training/sessions/:id/edit",
        Place::Training(training::Page::EditSession),
    ),
    (
        "/training/paths/new",
        Place::Training(training::Page::NewPath),
    ),
    (
        "/training/paths/:id",
        Place::Training(training::Page::EditPath),
    ),
    ("/monitoring", Place::Monitoring(monitoring::Page::Figures)),
    (
        "/monitoring/piao",
        Place::Monitoring(monitoring::Page::Piao),
    ),
    (
        "/accessibility",
        Place::Notices(notices::Page::Accessibility),
    ),
    ("/privacy", Place::Notices(notices::Page::Privacy)),
    ("/legal", Place::Notices(notices::Page::Legal)),
];

/// The values of a path's `:name` segments, as written.
type Params<'a> = Vec<(&'static str, &'a str)>;

/// The page a path shows and the values of its `:name` segments.
/// Empty segments are ignored, so `/objectives/` is `/objectives`.
fn route(path: &str) -> (Place, Params<'_>) {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    for (pattern, place) in ROUTES {
        let wanted = pattern.split('/').filter(|s| !s.is_empty());
        if wanted.clone().count() != segments.len() {
            continue;
        }
        let mut params = Params::new();
        let matches = wanted
            .zip(&segments)
            .all(|(want, got)| match want.strip_prefix(':') {
                Some(name) => {
                    params.push((name, got));
                    true
                }
                None => want == *got,
            });
        if matches {
            return (*place, params);
        }
    }
    (Place::NotFound, Params::new())
}

impl Place {
    /// The piece this page is in; `None` for the first download's.
    pub fn piece(self) -> Option<Piece> {
        Some(match self {
            Place::Calendar | Place::NotFound => return None,
            Place::Home(_) => Piece::Home,
            Place::Export(_) => Piece::Export,
            Place::Team(_) => Piece::Team,
            Place::Admin(_) => Piece::Admin,
            Place::People(_) => Piece::People,
            Place::Agreements(_) => Piece::Agreements,
            Place::Imports(_) => Piece::Imports,
            Place::Personal(_) => Piece::Personal,
            Place::Absences(_) => Piece::Absences,
            Place::Objectives(_) => Piece::Objectives,
            Place::Webinars(_) => Piece::Webinars,
            Place::Training(_) => Piece::Training,
            Place::Monitoring(_) => Piece::Monitoring,
            Place::Notices(_) => Piece::Notices,
        })
    }
}

/// The page a path shows.
pub fn place(path: &str) -> Place {
    route(path).0
}

/// The `:name` segments of the current address (`leptos_router`'s own
/// hook only knows its `<Route>`s).
pub fn use_params_map() -> Memo<ParamsMap> {
    let path = leptos_router::hooks::use_location().pathname;
    Memo::new(move |_| {
        path.with(|path| {
            let mut map = ParamsMap::new();
            // Decoded from the address's percent-encoding, as the router does.
            for (name, value) in route(path).1 {
                map.insert(name, value.to_owned());
            }
            map
        })
    })
}

/// The page of the current address. It is drawn again only when the page
/// changes: from one objective to another the page stays and reads the new
/// id from [`use_params_map`], as it did under the router.
#[component]
pub fn Pages() -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname;
    let place = Memo::new(move |_| path.with(|path| route(path).0));
    // A followed link changes the address bar only once the routes say the
    // new page is there; these are the routes now. (Pushed at once: a page
    // whose piece is missing says so, and its Retry reloads that address.)
    let browser = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        path.track();
        if let Some(browser) = &browser {
            browser.ready_to_complete();
        }
    });
    move || match place.get() {
        Place::Home(page) => home::show(page).into_any(),
        Place::Calendar => view! { <MyCalendar /> }.into_any(),
        Place::NotFound => view! { <NotFound /> }.into_any(),
        Place::Export(page) => export::show(page).into_any(),
        Place::Team(page) => team::show(page).into_any(),
        Place::Admin(page) => admin::show(page).into_any(),
        Place::People(page) => people::show(page).into_any(),
        Place::Agreements(page) => agreements::show(page).into_any(),
        Place::Imports(page) => imports::show(page).into_any(),
        Place::Personal(page) => personal::show(page).into_any(),
        Place::Absences(page) => absences::show(page).into_any(),
        Place::Objectives(page) => objectives::show(page).into_any(),
        Place::Webinars(page) => webinars::show(page).into_any(),
        Place::Training(page) => training::show(page).into_any(),
        Place::Monitoring(page) => monitoring::show(page).into_any(),
        Place::Notices(page) => notices::show(page).into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_path_wins_over_a_parameter() {
        assert_eq!(
            route("/objectives/new").0,
            Place::Objectives(objectives::Page::New)
        );
        assert_eq!(
            route("/training/sessions/new").0,
            Place::Training(training::Page::NewSession)
        );
        let (place, params) = route("/objectives/7b0c/edit");
        assert_eq!(place, Place::Objectives(objectives::Page::Edit));
        assert_eq!(params, [("id", "7b0c")]);
    }

    #[test]
    fn every_parameter_is_read() {
        let (place, params) = route("/certificates/path/42");
        assert_eq!(place, Place::Webinars(webinars::Page::Certificate));
        assert_eq!(params, [("kind", "path"), ("id", "42")]);
    }

    #[test]
    fn the_root_a_trailing_slash_and_unknown_paths() {
        assert_eq!(route("/").0, Place::Home(home::Page::Cards));
        assert_eq!(route("").0, Place::Home(home::Page::Cards));
        assert_eq!(route("/webinars/").0, Place::Webinars(webinars::Page::List));
        assert_eq!(route("/nowhere").0, Place::NotFound);
        assert_eq!(route("/objectives/a/b/c").0, Place::NotFound);
        assert_eq!(route("/calendar/export/more").0, Place::NotFound);
    }

    #[test]
    fn no_row_is_hidden_behind_an_earlier_one() {
        for (i, (pattern, place)) in ROUTES.iter().enumerate() {
            let concrete = pattern.replace(":id", "x").replace(":kind", "y");
            assert_eq!(route(&concrete).0, *place, "row {i}: {pattern}");
        }
    }
}
