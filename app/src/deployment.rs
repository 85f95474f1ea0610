//! What the server says about this deployment before anyone signs in
//! (`GET /api/config`): whether it is a demo. A demo lists its accounts on
//! the login page and says on every page that its data are samples; a
//! production deployment does neither.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{api, storage};

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct PublicConfig {
    #[serde(default)]
    demo: bool,
}

/// Where the last answer is kept, so the app opened offline still says so.
const STORAGE_KEY: &str = "vela.config";

/// The deployment as the server described it.
#[derive(Clone, Copy)]
pub struct Deployment {
    config: RwSignal<PublicConfig>,
}

impl Deployment {
    /// Whether this deployment runs on the demo data.
    pub fn demo(&self) -> bool {
        self.config.get().demo
    }
}

/// Provides the context and asks the server; until it answers (or when it
/// cannot be reached) the last known answer holds.
pub fn provide_deployment() -> Deployment {
    let known = storage::load::<PublicConfig>(STORAGE_KEY).unwrap_or_default();
    let deployment = Deployment {
        config: RwSignal::new(known),
    };
    provide_context(deployment);
    leptos::task::spawn_local(async move {
        if let Ok(config) = api::get::<PublicConfig>("/api/config").await {
            storage::save(STORAGE_KEY, &config);
            deployment.config.set(config);
        }
    });
    deployment
}

pub fn use_deployment() -> Deployment {
    expect_context::<Deployment>()
}
