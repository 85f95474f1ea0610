//! The partnership's view: each member organisation's total side by side,
//! and the total of them all, for the partnership administrator's report.

use serde::{Deserialize, Serialize};

use super::period::gather;
use super::{Months, Row, Scope};
use crate::agile::report::{pct, KG_CO2_PER_CAR_KM};
use crate::ids::OrgId;
use crate::State;

/// One member organisation's total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Member {
    pub org: OrgId,
    pub name: String,
    pub total: Row,
}

/// Every organisation of the deployment over the same months.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartnershipReport {
    pub period: String,
    /// By name.
    pub members: Vec<Member>,
    /// The sum of the members (shares recomputed from the sums).
    pub total: Row,
}

/// The partnership's report over `months`.
pub fn report(state: &State, months: Months) -> PartnershipReport {
    let mut members: Vec<Member> = state
        .directory
        .organisations
        .values()
        .map(|o| {
            let own = crate::visibility::organisation_state(state, o.id);
            Member {
                org: o.id,
                name: o.name.clone(),
                total: gather(&own, o.id, months, &Scope::Organisation).total,
            }
        })
        .collect();
    crate::order::sort_by(&mut members, |a, b| {
        a.name.cmp(&b.name).then(a.org.cmp(&b.org))
    });
    let mut total = Row::default();
    for m in &members {
        let r = &m.total;
        total.staff += r.staff;
        total.staff_away += r.staff_away;
        total.with_agreement += r.with_agreement;
        total.person_days += r.person_days;
        total.days_away += r.days_away;
        total.agile_days += r.agile_days;
        total.remote_days += r.remote_days;
        total.telework_days += r.telework_days;
        total.commute_km += r.commute_km;
        total.training_minutes = total.training_minutes.saturating_add(r.training_minutes);
        total.training_people += r.training_people;
        total.objectives += r.objectives;
        total.objectives_achieved += r.objectives_achieved;
    }
    total.staff_share_pct = pct(total.staff_away, total.staff);
    total.agreement_share_pct = pct(total.with_agreement, total.staff);
    total.days_share_pct = pct(total.days_away, total.person_days);
    total.co2_kg = f64::from(total.commute_km) * KG_CO2_PER_CAR_KM;
    PartnershipReport {
        period: months.label(),
        members,
        total,
    }
}
