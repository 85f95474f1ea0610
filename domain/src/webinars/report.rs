//! Training figures: hours attended, attendance rates, feedback (lands in a
//! later commit).
