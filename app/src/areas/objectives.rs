//! Objectives: the person's list, the form, one objective and the lead's
//! overview (`pages/objectives/`).

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::pages::objectives::{
    EditObjective, MyObjectives, NewObjective, ObjectiveDetail, TeamOverview,
};

#[derive(Debug, Clone, Copy)]
pub enum Page {
    Mine,
    New,
    Team,
    Detail,
    Edit,
}

#[leptos::wasm_split::wasm_split(objectives, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::Mine => view! { <MyObjectives /> }.into_any(),
        Page::New => view! { <NewObjective /> }.into_any(),
        Page::Team => view! { <TeamOverview /> }.into_any(),
        Page::Detail => view! { <ObjectiveDetail /> }.into_any(),
        Page::Edit => view! { <EditObjective /> }.into_any(),
    })
}

super::lazy_routes!(load {
    Mine => Page::Mine,
    New => Page::New,
    Team => Page::Team,
    Detail => Page::Detail,
    Edit => Page::Edit,
});
