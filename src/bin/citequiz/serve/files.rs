//! What `citequiz serve` answers for a file, as a course site's static host
//! would: its bytes compressed as the request's Accept-Encoding allows
//! (brotli, then gzip, for text, JSON, JS, CSS, SVG and Wasm), a strong
//! ETag per encoding, Last-Modified, and 304 when the browser's copy is
//! current (If-None-Match, else If-Modified-Since).
//!
//! Each file version (its path, modification time and size) is read, hashed
//! and compressed once, on first demand, and kept until the file changes, so
//! repeated loads of a large bank cost no recompression. Brotli (quality 11,
//! about a second for 2 MB) is made on a thread of its own: until it is
//! ready, a browser that takes gzip gets gzip, so no answer waits for it. The cache is
//! bounded: past `CACHE_BYTES` it starts again empty.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

/// The bytes the cache may hold (bodies and their compressed copies).
const CACHE_BYTES: usize = 256 << 20;

/// Smaller bodies are sent as they are: their compressed copy and its header
/// would save next to nothing.
const COMPRESS_FROM: usize = 256;

/// A body encoding the server can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The Content-Encoding value (None for identity) and the ETag's suffix.
    fn token(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Brotli => Some("br"),
        }
    }

    /// The best encoding `accept` (an Accept-Encoding value) allows: brotli,
    /// then gzip, else identity. A coding with `q=0` is refused, and `*`
    /// stands for any coding not named.
    pub fn negotiate(accept: Option<&str>) -> Encoding {
        [Encoding::Brotli, Encoding::Gzip]
            .into_iter()
            .find(|e| e.accepted(accept))
            .unwrap_or(Encoding::Identity)
    }

    /// Whether `accept` (an Accept-Encoding value) allows this coding.
    fn accepted(self, accept: Option<&str>) -> bool {
        let (Some(accept), Some(name)) = (accept, self.token()) else { return false };
        let mut star = None;
        for item in accept.split(',') {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if coding.eq_ignore_ascii_case(name) {
                return q > 0.0;
            }
            if coding == "*" {
                star = Some(q);
            }
        }
        star.is_some_and(|q| q > 0.0)
    }
}

/// Whether a Content-Type is worth compressing (text, JSON, JS, CSS, SVG,
/// XML, Wasm; not images or zips, which are compressed already).
pub fn compressible(mime: &str) -> bool {
    mime.starts_with("text/")
        || ["application/json", "application/wasm", "application/xml", "image/svg+xml"]
            .iter()
            .any(|m| mime.starts_with(m))
}

/// One version of one file: its bytes, their hash and its compressed copies.
struct Version {
    modified: SystemTime,
    len: u64,
    body: Arc<Vec<u8>>,
    /// Hex SHA-256 of `body`, truncated: the ETag's core.
    hash: String,
    gzip: OnceLock<Arc<Vec<u8>>>,
    brotli: OnceLock<Arc<Vec<u8>>>,
    /// Whether a thread is making `brotli` already.
    brotli_started: AtomicBool,
}

/// The files served so far, one version each.
#[derive(Default)]
pub struct Cache {
    versions: Mutex<HashMap<PathBuf, Arc<Version>>>,
}

/// What to send for a file: status 200 with `body`, or 304 without one.
pub struct Answer {
    pub not_modified: bool,
    pub body: Arc<Vec<u8>>,
    /// Content-Encoding, ETag, Last-Modified and Vary lines, each ending
    /// in CRLF.
    pub headers: String,
}

/// The request's headers that decide the answer.
pub struct Conditions<'a> {
    pub accept_encoding: Option<&'a str>,
    pub if_none_match: Option<&'a str>,
    pub if_modified_since: Option<&'a str>,
}

impl Cache {
    /// The answer for the file at `real` (already checked to be inside its
    /// root) of type `mime`; Err when it cannot be read.
    pub fn answer(&self, real: &Path, mime: &str, c: &Conditions) -> std::io::Result<Answer> {
        let version = self.version(real)?;
        let mut encoding = if compressible(mime) && version.body.len() >= COMPRESS_FROM {
            Encoding::negotiate(c.accept_encoding)
        } else {
            Encoding::Identity
        };
        // Brotli at quality 11 takes about a second for 2 MB: no answer
        // waits for it while gzip will do. It is made once, in the
        // background, and sent from then on.
        if encoding == Encoding::Brotli
            && version.brotli.get().is_none()
            && Encoding::Gzip.accepted(c.accept_encoding)
        {
            start_brotli(&version);
            encoding = Encoding::Gzip;
        }
        let etag = match encoding.token() {
            Some(suffix) => format!("\"{}-{suffix}\"", version.hash),
            None => format!("\"{}\"", version.hash),
        };
        let modified = httpdate::fmt_http_date(version.modified);
        let mut headers = format!("ETag: {etag}\r\nLast-Modified: {modified}\r\n");
        if compressible(mime) {
            headers.push_str("Vary: Accept-Encoding\r\n");
        }
        let not_modified = match (c.if_none_match, c.if_modified_since) {
            (Some(tags), _) => matches_etag(tags, &etag),
            (None, Some(since)) => httpdate::parse_http_date(since).is_ok_and(|since| {
                // HTTP dates have whole seconds: the file's time, truncated,
                // against the one the browser was sent.
                httpdate::parse_http_date(&modified).is_ok_and(|m| m <= since)
            }),
            (None, None) => false,
        };
        if not_modified {
            return Ok(Answer { not_modified, body: Arc::new(Vec::new()), headers });
        }
        if let Some(token) = encoding.token() {
            headers.push_str(&format!("Content-Encoding: {token}\r\n"));
        }
        let body = match encoding {
            Encoding::Identity => Arc::clone(&version.body),
            Encoding::Gzip => Arc::clone(version.gzip.get_or_init(|| gzip(&version.body))),
            Encoding::Brotli => Arc::clone(version.brotli.get_or_init(|| brotli(&version.body))),
        };
        Ok(Answer { not_modified, body, headers })
    }

    /// The cached version of `real` while its time and size are unchanged;
    /// else the file read anew (and the cache emptied first when full).
    fn version(&self, real: &Path) -> std::io::Result<Arc<Version>> {
        let meta = std::fs::metadata(real)?;
        let (modified, len) = (meta.modified()?, meta.len());
        let cached = self.lock().get(real).cloned();
        if let Some(v) = cached.filter(|v| v.modified == modified && v.len == len) {
            return Ok(v);
        }
        let body = std::fs::read(real)?;
        let digest = Sha256::digest(&body);
        let hash: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
        let version = Arc::new(Version {
            modified,
            len,
            body: Arc::new(body),
            hash,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            brotli_started: AtomicBool::new(false),
        });
        let mut versions = self.lock();
        // Each version may hold its body and two smaller copies.
        let held: usize = versions.values().map(|v| v.body.len() * 2).sum();
        if held + version.body.len() * 2 > CACHE_BYTES {
            versions.clear();
        }
        versions.insert(real.to_path_buf(), Arc::clone(&version));
        Ok(version)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Arc<Version>>> {
        self.versions.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Makes `version`'s brotli copy on a thread of its own, once.
fn start_brotli(version: &Arc<Version>) {
    if version.brotli_started.swap(true, Ordering::SeqCst) {
        return;
    }
    let v = Arc::clone(version);
    let spawned = std::thread::Builder::new().spawn(move || {
        v.brotli.get_or_init(|| brotli(&v.body));
    });
    if spawned.is_err() {
        // Another request will try again.
        version.brotli_started.store(false, Ordering::SeqCst);
    }
}

/// Whether an If-None-Match value names `etag` (or is `*`); weak
/// comparison, as RFC 9110 asks for If-None-Match.
fn matches_etag(tags: &str, etag: &str) -> bool {
    tags.split(',').map(str::trim).any(|t| t == "*" || t.trim_start_matches("W/") == etag)
}

/// gzip at level 9, as a static host's precompressed files.
fn gzip(body: &[u8]) -> Arc<Vec<u8>> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = e.write_all(body);
    Arc::new(e.finish().unwrap_or_default())
}

/// Brotli at quality 11 with a 4 MiB window (`brotli -q 11`, what hosts
/// that precompress use).
fn brotli(body: &[u8]) -> Arc<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: body.len(),
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    Arc::new(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(accept: Option<&str>, expected: Encoding) {
        assert_eq!(Encoding::negotiate(accept), expected, "{accept:?}");
    }

    #[test]
    fn encodings_follow_accept_encoding() {
        check(None, Encoding::Identity);
        check(Some(""), Encoding::Identity);
        check(Some("identity"), Encoding::Identity);
        check(Some("gzip, deflate"), Encoding::Gzip);
        check(Some("gzip, deflate, br, zstd"), Encoding::Brotli);
        check(Some("br;q=0, gzip"), Encoding::Gzip);
        check(Some("GZIP;q=0.5"), Encoding::Gzip);
        check(Some("gzip;q=0"), Encoding::Identity);
        check(Some("*"), Encoding::Brotli);
        check(Some("*, br;q=0"), Encoding::Gzip);
    }

    #[test]
    fn if_none_match_compares_weakly_and_takes_lists() {
        assert!(matches_etag("\"a\"", "\"a\""));
        assert!(matches_etag("W/\"a\"", "\"a\""));
        assert!(matches_etag("\"b\", \"a\"", "\"a\""));
        assert!(matches_etag("*", "\"a\""));
        assert!(!matches_etag("\"a-gzip\"", "\"a\""));
        assert!(!matches_etag("\"b\"", "\"a\""));
    }

    #[test]
    fn compressed_copies_decompress_to_the_file() {
        use std::io::Read;
        let body: Vec<u8> =
            (0..2_000).flat_map(|i: u32| format!("line {i}\n").into_bytes()).collect();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip(&body)[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, body);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(&body)[..], &mut back).unwrap();
        assert_eq!(back, body);
    }
}
