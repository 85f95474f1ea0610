//! What the server says about this deployment before anyone signs in
//! (`GET /api/config`): whether it is a demo, and how people sign in. A
//! demo lists its accounts on the login page and says on every page that
//! its data are samples; a production deployment does neither. With single
//! sign-on the login page offers its button, and hides the password form
//! when local passwords are off.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{api, storage};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct PublicConfig {
    #[serde(default)]
    demo: bool,
    #[serde(default)]
    sso: bool,
    /// The provider's name for the button, when the deployment gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sso_label: Option<String>,
    /// An older server (or none yet) knows only passwords.
    #[serde(default = "yes")]
    local_passwords: bool,
}

fn yes() -> bool {
    true
}

impl Default for PublicConfig {
    fn default() -> Self {
        PublicConfig {
            demo: false,
            sso: false,
            sso_label: None,
            local_passwords: true,
        }
    }
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
        self.config.with(|c| c.demo)
    }

    /// Whether single sign-on is on.
    pub fn sso(&self) -> bool {
        self.config.with(|c| c.sso)
    }

    /// The provider's name for the single sign-on button, if given.
    pub fn sso_label(&self) -> Option<String> {
        self.config.with(|c| c.sso_label.clone())
    }

    /// Whether people may sign in with a username and password.
    pub fn local_passwords(&self) -> bool {
        self.config.with(|c| c.local_passwords)
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
