//! Sending a CSV file to an import route (people, absences) and reading its
//! answer: the report, a report of refused rows, a whole-file error, or a
//! problem to say in the person's language.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// What went wrong with an upload.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Problem<F> {
    NoFile,
    Offline,
    /// The file as a whole is refused (the import's own error type).
    File(F),
    /// The state changed between the check and the apply (409).
    Changed,
    /// Another import is running (503 busy).
    Busy,
    Other(String),
}

/// Why an upload did not give a result to show as it is.
pub(super) enum Answer<R, F> {
    /// The apply found refused rows: nothing was imported; their report.
    Refused(R),
    Problem(Problem<F>),
}

/// Sends the file as it is (see [`crate::api::upload`]).
/// `too_large` is the error a 413 stands for.
pub(super) async fn upload<Res, R, F>(
    path: &str,
    file: web_sys::File,
    too_large: F,
) -> Result<Res, Answer<R, F>>
where
    Res: DeserializeOwned,
    R: DeserializeOwned,
    F: DeserializeOwned,
{
    let response = crate::api::upload(path, "text/csv", file)
        .await
        .map_err(|e| {
            Answer::Problem(match e {
                crate::api::ApiError::Decode(message) => Problem::Other(message),
                _ => Problem::Offline,
            })
        })?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|_| Answer::Problem(Problem::Offline))?;
    if response.ok() {
        return crate::json::from_text::<Res>(&text)
            .map_err(|e| Answer::Problem(Problem::Other(e.to_string())));
    }
    let body: Value = crate::json::from_text(&text).unwrap_or(Value::Null);
    if let Some(report) = body
        .get("report")
        .and_then(|r| serde_json::from_value::<R>(r.clone()).ok())
    {
        return Err(Answer::Refused(report));
    }
    if let Some(error) = body
        .get("file")
        .and_then(|f| serde_json::from_value::<F>(f.clone()).ok())
    {
        return Err(Answer::Problem(Problem::File(error)));
    }
    let code = body.get("error").and_then(Value::as_str).unwrap_or("");
    let message = body
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    Err(Answer::Problem(match (status, code) {
        (409, _) => Problem::Changed,
        (503, "busy") => Problem::Busy,
        (413, _) => Problem::File(too_large),
        _ => Problem::Other(if message.is_empty() {
            format!("HTTP {status}")
        } else {
            message
        }),
    }))
}
