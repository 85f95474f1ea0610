//! A large JSON answer written straight into its compressed form.
//!
//! An administrator's snapshot of an organisation of 2,500 people with a
//! year of plans is about 80 MB of JSON and a few MB compressed. Left to the
//! compression layer, the server would hold the whole JSON text and then
//! compress it on an async worker; here the serializer writes into the
//! encoder, so only the compressed bytes are ever held, and the caller runs
//! it on a blocking thread. The layer passes an answer that already has a
//! `Content-Encoding` through untouched.

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// How an answer's bytes are encoded on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The encoding to answer a request with: brotli, then gzip, among those
    /// its `Accept-Encoding` allows (a `q=0` refuses one); identity otherwise.
    pub fn accepted(headers: &HeaderMap) -> Encoding {
        let mut brotli = false;
        let mut gzip = false;
        let values = headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok());
        for item in values.flat_map(|v| v.split(',')) {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            if refused {
                continue;
            }
            match name.as_str() {
                "br" => brotli = true,
                "gzip" | "x-gzip" => gzip = true,
                _ => {}
            }
        }
        if brotli {
            Encoding::Brotli
        } else if gzip {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    /// `value` as JSON in this encoding. CPU-heavy for large values: call it
    /// on a blocking thread.
    pub fn encode<T: Serialize>(self, value: &T) -> std::io::Result<Vec<u8>> {
        match self {
            Encoding::Identity => serde_json::to_vec(value).map_err(std::io::Error::other),
            Encoding::Gzip => {
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                serde_json::to_writer(&mut encoder, value).map_err(std::io::Error::other)?;
                encoder.finish()
            }
            Encoding::Brotli => crate::brotli_json::encode(value),
        }
    }

    fn header(self) -> Option<HeaderValue> {
        match self {
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Identity => None,
        }
    }
}

/// A JSON answer whose body `encoding` produced.
pub fn response(encoding: Encoding, body: Vec<u8>) -> Response {
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::VARY, HeaderValue::from_static("accept-encoding")),
        ],
        body,
    )
        .into_response();
    if let Some(value) = encoding.header() {
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn brotli_first_then_gzip_and_a_zero_quality_refuses() {
        assert_eq!(
            Encoding::accepted(&accepting("gzip, deflate, br, zstd")),
            Encoding::Brotli
        );
        assert_eq!(
            Encoding::accepted(&accepting("br;q=0, gzip;q=0.5")),
            Encoding::Gzip
        );
        assert_eq!(Encoding::accepted(&accepting("GZIP")), Encoding::Gzip);
        assert_eq!(
            Encoding::accepted(&accepting("identity, zstd")),
            Encoding::Identity
        );
        assert_eq!(Encoding::accepted(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn every_encoding_decodes_back_to_the_same_json() {
        let value = serde_json::json!({ "people": vec!["Giulia Rossi"; 2_000], "revision": 7 });
        let plain = Encoding::Identity.encode(&value).unwrap();
        assert_eq!(plain, serde_json::to_vec(&value).unwrap());

        let gzip = Encoding::Gzip.encode(&value).unwrap();
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain);

        let brotli = Encoding::Brotli.encode(&value).unwrap();
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&brotli[..], 4096)
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain);
        assert!(
            brotli.len() * 20 < plain.len(),
            "{} of {}",
            brotli.len(),
            plain.len()
        );
    }
}
