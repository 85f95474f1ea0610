//! Exporting one's calendar: the feed and the requests (`pages/export/`).

super::area!(export {
    Calendar => crate::pages::export::ExportCalendar,
});
