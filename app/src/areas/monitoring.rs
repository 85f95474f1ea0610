//! Monitoring: the figures of a period and the PIAO report
//! (`pages/monitoring/`).

super::area!(monitoring {
    Figures => crate::pages::monitoring::MonitoringPage,
    Piao => crate::pages::monitoring::PiaoReport,
});
